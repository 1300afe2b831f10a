import { queueOrder, type QueueCursor, type WaitingQueuePage } from '../protocol/waiting-queue.js';
import type { ConectaState } from './state.js';

/**
 * How much of the sessions waiting for the agent's teams the store holds: the server sends the first
 * page and the counts (`agent.snapshot`), the queue asks for more as it scrolls (`queue.page`), and
 * `queue.counts` events keep the counts. Sessions waiting for the agent itself are always held whole.
 */
export interface WaitingQueueState {
  /** Per team of the agent's: its sessions waiting for the whole team, as the server last counted them. */
  counts: Readonly<Record<string, number>>;
  /**
   * Per list — `''` for every team of the agent's, else one team's id — the last session held of it
   * in the queue's order, or null when the store holds all of it. Everything up to there is held.
   */
  loadedUntil: Readonly<Record<string, QueueCursor | null>>;
}

/** The key of the list of every team's waiting sessions in `loadedUntil`. */
const ALL_TEAMS = '';

/** The later of two ends of what is held (null: the whole list, later than any session). */
function later(a: QueueCursor | null, b: QueueCursor | null | undefined): QueueCursor | null {
  if (b === undefined) return a;
  if (a === null || b === null) return null;
  return queueOrder(a, b) >= 0 ? a : b;
}

/** The snapshot's first page: what was held before of the queue is forgotten (the snapshot dropped it). */
export function setWaitingSnapshot(state: ConectaState, page: WaitingQueuePage): ConectaState {
  return { ...state, waitingQueue: { counts: page.counts, loadedUntil: { [ALL_TEAMS]: page.next } } };
}

/**
 * A further page, asked `after` that cursor, of every team's list (`teamId` null) or of one team's:
 * held up to its end now. A page that starts past what is held (a snapshot started over meanwhile,
 * dropping what it followed) would leave a gap: its sessions stay in the store, unshown.
 */
export function addWaitingPage(state: ConectaState, teamId: string | null, after: QueueCursor, page: WaitingQueuePage): ConectaState {
  const queue = state.waitingQueue;
  if (!queue) return state;
  const held = waitingLoadedUntil(state, teamId);
  if (held === null || queueOrder(after, held) > 0) return { ...state, waitingQueue: { ...queue, counts: page.counts } };
  const key = teamId ?? ALL_TEAMS;
  // Answers may cross: what is held never shrinks.
  const until = later(page.next, queue.loadedUntil[key]);
  return { ...state, waitingQueue: { counts: page.counts, loadedUntil: { ...queue.loadedUntil, [key]: until } } };
}

/** A `queue.counts` event. */
export function setWaitingCount(state: ConectaState, teamId: string, waiting: number): ConectaState {
  const queue = state.waitingQueue;
  if (!queue || queue.counts[teamId] === waiting) return state;
  return { ...state, waitingQueue: { ...queue, counts: { ...queue.counts, [teamId]: waiting } } };
}

/**
 * Where the held part of the waiting list of `teamId` (null: every team's) ends, or null when it is
 * all held (also when the server never said it pages: a mock, or a state set by hand). One team's
 * list is held as far as its own pages or every team's reach, whichever is later.
 */
export function waitingLoadedUntil(state: ConectaState, teamId: string | null): QueueCursor | null {
  const queue = state.waitingQueue;
  if (!queue) return null;
  const all = queue.loadedUntil[ALL_TEAMS] ?? null;
  return teamId === null ? all : later(all, queue.loadedUntil[teamId]);
}
