import type { Session } from '../../protocol/index.js';
import type { AgentPartHost } from '../agent-part-host.js';
import type { QueuePhase, QueueSlice } from './queue-selectors.js';

/** What the queue's private parts (search, rows, bulk selection, preview) need of the element. */
export interface QueueHost extends AgentPartHost {
  /** The store selection: the lists by phase (filtered), their counts, contacts, teams, the agent. */
  readonly slice: QueueSlice;
  /** The phase shown. */
  readonly phase: QueuePhase;
  /** The team filter (a team id, or '' for every team of the agent's). */
  team: string;
  /** What the agent typed in the search box. */
  readonly searchText: string;
  /** The queue's first load is under way. */
  readonly loading: boolean;
  /** The client is not connected: actions are disabled. */
  readonly offline: boolean;
  /** The time of the shared clock's last tick. */
  readonly now: number;
  /** The contact's name for a session, or "unknown contact". */
  contactName(session: Session): string;
  /** Accept a waiting session (as its Accept button does). */
  acceptSession(sessionId: string): Promise<void>;
  /** Ask the server for the next page of the waiting list shown, unless one is on its way or all is held. */
  loadMoreWaiting(): void;
  /** A page of the waiting list is on its way. */
  readonly loadingMoreWaiting: boolean;
  /** Why the last page of the waiting list could not be loaded ('' when it could). */
  readonly moreWaitingError: string;
}
