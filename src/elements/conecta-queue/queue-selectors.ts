import { changesSince } from '../../client/record-changes.js';
import type { ConectaState } from '../../client/state.js';
import { waitingLoadedUntil } from '../../client/waiting-queue.js';
import { queueOrder, type Agent, type Contact, type QueueCursor, type Session } from '../../protocol/index.js';

/** The queue's three phases, in the order they are shown. */
export const QUEUE_PHASES = ['waiting', 'active', 'pending'] as const;
export type QueuePhase = (typeof QUEUE_PHASES)[number];

/** Who a waiting session waits for, as the agent sees it. */
export type WaitingFor = 'team' | 'me' | 'other';

/** Whether a waiting session waits for the whole team, for the agent, or for someone else. */
export function waitingFor(session: Pick<Session, 'targetAgentId'>, me: Pick<Agent, 'id'> | null): WaitingFor {
  if (!session.targetAgentId) return 'team';
  return session.targetAgentId === me?.id ? 'me' : 'other';
}

/** When the agent last heard of a session: its last message, else acceptance, else creation. */
export const lastInteractionAt = (s: Session): number => s.lastMessageAt ?? s.acceptedAt ?? s.createdAt;

/** Whether the agent is a collaborator invited into a session owned by someone else. */
export const isInvited = (session: Session, me: Pick<Agent, 'id'> | null): boolean =>
  !!me && session.agentId !== me.id && session.invitedAgentIds.includes(me.id);

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * Whether a contact matches what the agent typed: its name (ignoring case and accents), or — when
 * the query has 3 digits or more — its CPF/CNPJ or phone digits.
 */
export function contactMatches(contact: Contact | undefined, query: string): boolean {
  const wanted = query.trim();
  if (!wanted) return true;
  if (!contact) return false;
  if (fold(contact.name).includes(fold(wanted))) return true;
  const digits = wanted.replace(/\D/g, '');
  if (digits.length < 3) return false;
  return !!contact.document?.includes(digits) || !!contact.phone?.replace(/\D/g, '').includes(digits);
}

export interface QueueFilter {
  /** One team's sessions only (a team id), or every team of the agent's. */
  teamId: string | null;
  /** What the agent typed in the search box. */
  query: string;
}

export interface QueueLists {
  /** Sessions waiting for the agent's teams (or for the agent), oldest first. */
  waiting: readonly Session[];
  /** The agent's own active sessions and those it is invited to, most recent interaction first. */
  active: readonly Session[];
  /** The agent's pending sessions, most recent interaction first. */
  pending: readonly Session[];
}

export interface QueueSlice {
  /**
   * Each phase filtered by team and query: what the lists show. Of a waiting list the server pages,
   * only what is held up to its loaded end (and the sessions waiting for the agent, always held).
   */
  lists: QueueLists;
  /** Each phase filtered by team only: what the counters say (for a paged waiting list, the server's count). */
  counts: Record<QueuePhase, number>;
  /** The server holds more of the waiting list (filtered by team) than the store: ask for the next page. */
  moreWaiting: boolean;
  /** What rows show beside the session (compared by reference). */
  contacts: ConectaState['contacts'];
  teams: ConectaState['teams'];
  me: Agent | null;
}

const recentFirst = (a: Session, b: Session) => lastInteractionAt(b) - lastInteractionAt(a) || (a.id < b.id ? -1 : 1);

interface Phases {
  waiting: Session[];
  active: Session[];
  pending: Session[];
}
type Phase = keyof Phases;
const ORDER: Readonly<Record<Phase, (a: Session, b: Session) => number>> = {
  waiting: queueOrder,
  active: recentFirst,
  pending: recentFirst,
};

/** Which of the agent's phases a session is in, if any. */
function phaseOf(s: Session, me: Agent, teamIds: ReadonlySet<string>): Phase | null {
  if (s.status === 'waiting') return teamIds.has(s.teamId) && waitingFor(s, me) !== 'other' ? 'waiting' : null;
  if (s.status === 'active') return s.agentId === me.id || s.invitedAgentIds.includes(me.id) ? 'active' : null;
  if (s.status === 'pending') return s.agentId === me.id ? 'pending' : null;
  return null;
}

/** The agent's sessions by phase, sorted; one pass over every session. */
function phasesOf(state: ConectaState): Phases {
  const me = state.me;
  const phases: Phases = { waiting: [], active: [], pending: [] };
  if (!me) return phases;
  const teamIds = new Set(me.teamIds);
  for (const id in state.sessions) {
    const s = state.sessions[id]!;
    const phase = phaseOf(s, me, teamIds);
    if (phase) phases[phase].push(s);
  }
  for (const phase of QUEUE_PHASES) phases[phase].sort(ORDER[phase]);
  return phases;
}

/** Where `session` goes in `list` (sorted by `order`, which tells any two sessions apart): binary search. */
function placeOf(list: readonly Session[], session: Session, order: (a: Session, b: Session) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(list[middle]!, session) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `phases` (of the sessions in `before`) with the sessions `ids` as they are in `state` now: each
 * moved out of its old place and into its new one, in the lists copied once. A busy queue changes a
 * few sessions a frame: this costs a few binary searches where sorting 10,000 sessions costs milliseconds.
 */
function updatedPhases(phases: Phases, before: ConectaState['sessions'], state: ConectaState, ids: ReadonlySet<string>): Phases {
  const me = state.me!;
  const teamIds = new Set(me.teamIds);
  const next = { ...phases };
  const copied = new Set<Phase>();
  const list = (phase: Phase) => {
    if (!copied.has(phase)) {
      copied.add(phase);
      next[phase] = next[phase].slice();
    }
    return next[phase];
  };
  for (const id of ids) {
    const old = before[id];
    const now = state.sessions[id];
    if (old === now) continue;
    const from = old ? phaseOf(old, me, teamIds) : null;
    if (from) {
      const sessions = list(from);
      const at = placeOf(sessions, old!, ORDER[from]);
      sessions.splice(sessions[at] === old ? at : sessions.indexOf(old!), 1);
    }
    const to = now ? phaseOf(now, me, teamIds) : null;
    if (to) {
      const sessions = list(to);
      sessions.splice(placeOf(sessions, now!, ORDER[to]), 0, now!);
    }
  }
  return next;
}

// A queue of 10,000 sessions gets up to 1,000 updates a second: sort once, then move only the
// sessions each update changed (noted by EntityBatch), keeping each list (the same array) while its
// inputs are the same objects.
let phasesMemo: { sessions: ConectaState['sessions']; me: unknown; value: Phases } | null = null;
function memoPhases(state: ConectaState): Phases {
  if (phasesMemo && phasesMemo.sessions === state.sessions && phasesMemo.me === state.me) return phasesMemo.value;
  const changed = phasesMemo && phasesMemo.me === state.me && state.me ? changesSince(state.sessions, phasesMemo.sessions) : null;
  const value = changed ? updatedPhases(phasesMemo!.value, phasesMemo!.sessions, state, changed) : phasesOf(state);
  phasesMemo = { sessions: state.sessions, me: state.me, value };
  return value;
}

/** The waiting sessions of the agent, oldest first (optionally one team's). */
export function selectQueueWaiting(state: ConectaState, teamId: string | null = null): readonly Session[] {
  const { waiting } = memoPhases(state);
  return teamId ? waiting.filter((s) => s.teamId === teamId) : waiting;
}

/** The agent's pending sessions, most recent interaction first (optionally one team's). */
export function selectPending(state: ConectaState, teamId: string | null = null): readonly Session[] {
  const { pending } = memoPhases(state);
  return teamId ? pending.filter((s) => s.teamId === teamId) : pending;
}

/** The agent's active sessions (own and invited), most recent interaction first. */
export function selectQueueActive(state: ConectaState, teamId: string | null = null): readonly Session[] {
  const { active } = memoPhases(state);
  return teamId ? active.filter((s) => s.teamId === teamId) : active;
}

/**
 * The part of a waiting list (sorted, one filter's) the store holds whole: up to `until`, and past it
 * the sessions waiting for the agent (always held). Past `until` the server holds sessions the store
 * may not (a new arrival, known from its event), and showing them would leave a gap before them.
 */
function heldWaiting(list: Session[], until: QueueCursor): Session[] {
  const end = placeOf(list, until as Session, queueOrder);
  const cut = list[end] && queueOrder(list[end], until) === 0 ? end + 1 : end;
  if (cut === list.length) return list;
  const held = list.slice(0, cut);
  for (let i = cut; i < list.length; i++) if (list[i]!.targetAgentId) held.push(list[i]!);
  return held;
}

/**
 * How many sessions wait for the agent in `teamIds` by the server's counts (sessions waiting for the
 * whole team) and the held ones waiting for the agent itself (`waiting`: every held one of those teams).
 */
function waitingCount(state: ConectaState, teamIds: readonly string[], waiting: readonly Session[]): number {
  const counts = state.waitingQueue?.counts ?? {};
  let count = 0;
  for (const teamId of teamIds) count += counts[teamId] ?? 0;
  for (const session of waiting) if (session.targetAgentId) count++;
  return count;
}

/**
 * Everything `<conecta-queue>` shows, by phase. Lists are new arrays only when their content
 * changed; compare them with `queueSliceEqual`.
 */
export function selectQueue(state: ConectaState, filter: QueueFilter): QueueSlice {
  const phases = memoPhases(state);
  const byTeam = (list: Session[]) => (filter.teamId ? list.filter((s) => s.teamId === filter.teamId) : list);
  const query = filter.query.trim();
  const byQuery = (list: Session[]) => (query ? list.filter((s) => contactMatches(state.contacts[s.contactId], query)) : list);
  const waiting = byTeam(phases.waiting);
  const active = byTeam(phases.active);
  const pending = byTeam(phases.pending);
  // A search shows what it found (the server's search folds its answers in), held in order or not.
  const until = waitingLoadedUntil(state, filter.teamId);
  const shownWaiting = until && !query ? heldWaiting(waiting, until) : byQuery(waiting);
  const teamIds = filter.teamId ? [filter.teamId] : (state.me?.teamIds ?? []);
  return {
    lists: { waiting: shownWaiting, active: byQuery(active), pending: byQuery(pending) },
    counts: {
      waiting: until ? Math.max(waitingCount(state, teamIds, waiting), shownWaiting.length) : waiting.length,
      active: active.length,
      pending: pending.length,
    },
    moreWaiting: until !== null,
    contacts: state.contacts,
    teams: state.teams,
    me: state.me,
  };
}

export const sameItems = <T>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((each, i) => each === b[i]));

export function queueSliceEqual(a: QueueSlice, b: QueueSlice): boolean {
  return (
    sameItems(a.lists.waiting, b.lists.waiting) &&
    sameItems(a.lists.active, b.lists.active) &&
    sameItems(a.lists.pending, b.lists.pending) &&
    a.counts.waiting === b.counts.waiting &&
    a.counts.active === b.counts.active &&
    a.counts.pending === b.counts.pending &&
    a.moreWaiting === b.moreWaiting &&
    a.contacts === b.contacts &&
    a.teams === b.teams &&
    a.me === b.me
  );
}
