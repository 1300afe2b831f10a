import type { Session, Timestamp } from './entities.js';

/**
 * The waiting queue is paged from the server (issue 13): a desk opening on 10,000 waiting sessions
 * would otherwise receive megabytes. Its order is the queue's: oldest first, ties by id.
 */

/** Sessions of the first page the snapshot carries, and what `queue.page` gives by default. */
export const WAITING_PAGE_SIZE = 50;
/** The most one `queue.page` answers. */
export const MAX_WAITING_PAGE = 100;

/** Where a page of the waiting queue ends: its last session's `createdAt` and `id`. */
export interface QueueCursor {
  createdAt: Timestamp;
  id: string;
}

/**
 * The waiting queue as `agent.snapshot` and `queue.page` tell it. `counts`: per team of the agent's,
 * its sessions waiting for the whole team (those waiting for one agent are that agent's, and always
 * sent whole). `next`: the cursor to ask the next page after, or null when the list was sent whole.
 */
export interface WaitingQueuePage {
  counts: Record<string, number>;
  next: QueueCursor | null;
}

/** The queue's order: oldest first, then by id (code units, as SQLite's BINARY and PostgreSQL's "C" collation). */
export function queueOrder(a: Pick<Session, 'createdAt' | 'id'>, b: Pick<Session, 'createdAt' | 'id'>): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The cursor after `session`. */
export const cursorOf = (session: Pick<Session, 'createdAt' | 'id'>): QueueCursor => ({ createdAt: session.createdAt, id: session.id });
