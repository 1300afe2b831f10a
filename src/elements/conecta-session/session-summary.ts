import type { Catalog } from '../../client/state.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { Session } from '../../protocol/index.js';

/** One line about a session as the history lists it: when, on which channel, for which team, how it stands. */
export function sessionSummary(localize: LocalizeController, catalog: Catalog | null, session: Session): string {
  const t = localize.t;
  const team = catalog?.teams.find((candidate) => candidate.id === session.teamId)?.name ?? session.teamId;
  return t.sessionTools.historyItem(localize.dateTime(session.createdAt), t.channels[session.channel], team, t.statuses[session.status]);
}
