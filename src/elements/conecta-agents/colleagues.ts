import { chatOf } from '../../client/chat-reducers.js';
import type { ConectaState } from '../../client/state.js';
import type { AgentSummary } from '../../protocol/index.js';

/** Where a colleague stands: the `agent.availability` state once the server sends it, else presence alone. */
export type ColleagueState = 'online' | 'paused' | 'away' | 'offline';

/** A colleague as the list shows it. */
export interface Colleague {
  id: string;
  name: string;
  nickname: string | null;
  photoUrl: string | null;
  state: ColleagueState;
  unread: number;
}

const ORDER: Record<ColleagueState, number> = { online: 0, paused: 1, away: 2, offline: 3 };

/** The colleague's state: the catalog's `availability` (issue 10's protocol) when it carries one, else online/offline. */
export function stateOf(agent: AgentSummary & { availability?: { state: ColleagueState } }): ColleagueState {
  return agent.availability?.state ?? (agent.online ? 'online' : 'offline');
}

/** For searching: lower case, accents dropped ("José" is found by "jose"). */
export const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Every colleague but the agent, those who can answer first, then by name; `query` matches name or nickname. */
export function selectColleagues(state: ConectaState, query: string): Colleague[] {
  const me = state.me?.id;
  const wanted = folded(query.trim());
  const conversations = chatOf(state).conversations ?? {};
  return (state.catalog?.agents ?? [])
    .filter((agent) => agent.id !== me)
    .filter((agent) => !wanted || folded(agent.name).includes(wanted) || folded(agent.nickname ?? '').includes(wanted))
    .map((agent) => ({
      id: agent.id,
      name: agent.name,
      nickname: agent.nickname,
      photoUrl: agent.photoUrl ?? null,
      state: stateOf(agent),
      unread: conversations[agent.id]?.unread ?? 0,
    }))
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.name.localeCompare(b.name));
}

export function sameColleagues(a: readonly Colleague[], b: readonly Colleague[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return (
        x.id === y.id &&
        x.name === y.name &&
        x.nickname === y.nickname &&
        x.photoUrl === y.photoUrl &&
        x.state === y.state &&
        x.unread === y.unread
      );
    })
  );
}
