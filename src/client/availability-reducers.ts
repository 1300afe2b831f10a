import type { AgentAvailability } from '../protocol/entities.js';
import type { ConectaState } from './state.js';

/**
 * An agent's availability changed (an `agent.availability` event, or the answer to pause / resume /
 * snapshot): the caller's own is `state.availability`; a colleague's lives in the loaded catalog.
 * Older news (an earlier `since`) never overwrites newer.
 */
export function setAvailability(state: ConectaState, availability: AgentAvailability): ConectaState {
  let next = state;
  const own = state.availability;
  if (availability.agentId === state.me?.id && !(own && own.agentId === availability.agentId && own.since > availability.since)) {
    next = { ...next, availability };
  }
  const agents = next.catalog?.agents;
  const index = agents?.findIndex((agent) => agent.id === availability.agentId) ?? -1;
  if (next.catalog && agents && index >= 0 && !(agents[index].availability?.since > availability.since)) {
    const list = [...agents];
    list[index] = { ...agents[index], availability };
    next = { ...next, catalog: { ...next.catalog, agents: list } };
  }
  return next;
}

/** The snapshot's time logged in today, as of now on this clock. */
export function setLoggedInToday(state: ConectaState, ms: number, at = Date.now()): ConectaState {
  return { ...state, loggedInToday: { ms, at } };
}

/** The time logged in today at `now`: the server's count (`state.loggedInToday`) plus what passed since it was taken. */
export function loggedInTodayAt(count: ConectaState['loggedInToday'], now: number): number | null {
  return count ? count.ms + Math.max(0, now - count.at) : null;
}
