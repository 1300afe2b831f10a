import type { Session } from '../../protocol/index.js';

/** What a notice is about: the session, its status and who holds it. */
function standing(session: Session | undefined): string {
  if (!session) return '';
  return [session.id, session.status, session.agentId ?? '', ...session.invitedAgentIds].join('|');
}

/**
 * The status line under the toolbar ("transferred", "you left", an error). It speaks of one session
 * as an action left it, so it goes away once the agent looks at another session or the session moves
 * on (accepted again, invited again): a stale "you left" must not sit over a session one is back in.
 */
export class SessionNotice {
  #text = '';
  #about = '';

  /** Say `text` about the session as it stands now; an empty text clears the notice. */
  show(text: string, session: Session | undefined): void {
    this.#text = text;
    this.#about = standing(session);
  }

  /** The notice, if it still speaks of the session as it stands. */
  textFor(session: Session | undefined): string {
    if (this.#text && standing(session) !== this.#about) this.show('', undefined);
    return this.#text;
  }
}
