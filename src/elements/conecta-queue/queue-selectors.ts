import type { ConectaState } from '../../client/state.js';
import type { Agent, Contact, Session } from '../../protocol/index.js';

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
  /** Each phase filtered by team and query: what the lists show. */
  lists: QueueLists;
  /** Each phase filtered by team only: what the counters say. */
  counts: Record<QueuePhase, number>;
  /** What rows show beside the session (compared by reference). */
  contacts: ConectaState['contacts'];
  teams: ConectaState['teams'];
  me: Agent | null;
}

const oldestFirst = (a: Session, b: Session) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
const recentFirst = (a: Session, b: Session) => lastInteractionAt(b) - lastInteractionAt(a) || (a.id < b.id ? -1 : 1);

interface Phases {
  waiting: Session[];
  active: Session[];
  pending: Session[];
}

/** The agent's sessions by phase, sorted; one pass over every session. */
function phasesOf(state: ConectaState): Phases {
  const me = state.me;
  const teamIds = new Set(me?.teamIds ?? []);
  const phases: Phases = { waiting: [], active: [], pending: [] };
  if (!me) return phases;
  for (const id in state.sessions) {
    const s = state.sessions[id]!;
    if (s.status === 'waiting') {
      if (teamIds.has(s.teamId) && waitingFor(s, me) !== 'other') phases.waiting.push(s);
    } else if (s.status === 'active') {
      if (s.agentId === me.id || s.invitedAgentIds.includes(me.id)) phases.active.push(s);
    } else if (s.status === 'pending') {
      if (s.agentId === me.id) phases.pending.push(s);
    }
  }
  phases.waiting.sort(oldestFirst);
  phases.active.sort(recentFirst);
  phases.pending.sort(recentFirst);
  return phases;
}

// A queue of 10,000 sessions gets ~100 updates a second: sort once per change of `sessions`, and
// keep each filtered list (the same array) while its inputs are the same objects.
let phasesMemo: { sessions: unknown; me: unknown; value: Phases } | null = null;
function memoPhases(state: ConectaState): Phases {
  if (phasesMemo && phasesMemo.sessions === state.sessions && phasesMemo.me === state.me) return phasesMemo.value;
  phasesMemo = { sessions: state.sessions, me: state.me, value: phasesOf(state) };
  return phasesMemo.value;
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
  return {
    lists: { waiting: byQuery(waiting), active: byQuery(active), pending: byQuery(pending) },
    counts: { waiting: waiting.length, active: active.length, pending: pending.length },
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
    a.contacts === b.contacts &&
    a.teams === b.teams &&
    a.me === b.me
  );
}
