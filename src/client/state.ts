import type {
  Agent,
  AgentAvailability,
  AgentStats,
  AgentSummary,
  AuthorKind,
  CannedResponse,
  ClientMessage,
  Contact,
  Note,
  OutboundChannel,
  CustomerAccount,
  PauseType,
  QueuePosition,
  Session,
  Tag,
  Team,
  Template,
  Visitor,
} from '../protocol/entities.js';
import type { AuthEndReason } from '../protocol/events.js';
import type { ChatState } from './chat-state.js';
import type { WaitingQueueState } from './waiting-queue.js';

export type ConnectionStatus = 'connected' | 'connecting' | 'disconnected';

/**
 * Why an agent's client stopped, for good, being signed in: the server's `auth.ended` reason, or
 * `refused` when no working token could be had (the server refused the token at a reconnection, or
 * `getToken()` failed). The host page signs the agent in again.
 */
export type AuthEnded = AuthEndReason | 'refused';

/**
 * Normalized client state. Every update replaces the objects it touches and keeps the rest,
 * so selectors can compare by reference.
 */
export interface ConectaState {
  connection: ConnectionStatus;
  /** The logged-in agent, when the identity is an agent. */
  me: Agent | null;
  /**
   * Agents: set when the sign-in ended and could not be renewed (absent while all is well; optional
   * so that the webchat's initial state carries nothing of it).
   */
  authEnded?: AuthEnded;
  /** The visitor, when the identity is a webchat visitor. */
  visitor: Visitor | null;
  teams: Readonly<Record<string, Team>>;
  contacts: Readonly<Record<string, Contact>>;
  sessions: Readonly<Record<string, Session>>;
  /** Per session: acknowledged messages by `seq`, then the ones still sending, in the order written. */
  messages: Readonly<Record<string, readonly ClientMessage[]>>;
  /** Per session: whether the server holds messages older than the first one held. */
  hasOlder: Readonly<Record<string, boolean>>;
  /** Per session: who is typing now (never the caller). */
  typing: Readonly<Record<string, readonly TypingIndicator[]>>;
  /** Per contact: its notes, newest first, once loaded. */
  notes: Readonly<Record<string, readonly Note[]>>;
  /** Colleagues, tags, templates and canned responses of the agent's teams, once loaded. */
  catalog: Catalog | null;
  /**
   * Agents: how much of the sessions waiting for their teams the store holds, and their counts
   * (absent: the store holds them all, e.g. a mock client's).
   */
  waitingQueue?: WaitingQueueState | null;
  /** Visitors: where each waiting session stands in its queue (from `webchat.queue` events). */
  queue: Readonly<Record<string, QueuePosition>>;
  /**
   * Agents: their own state (online, paused…), from the snapshot, pause and resume, and
   * `agent.availability` events. (Optional, as the rest of the agents' own state: the webchat's initial state carries none.)
   */
  availability?: AgentAvailability | null;
  /** Agents: time logged in today as the server counted it (`ms`) at `at` (this clock): it grows from there while connected. */
  loggedInToday?: { ms: number; at: number } | null;
  /** Agents: their counters, once loaded (`loadStats`), for agents with the statistics permission. */
  stats?: AgentStats | null;
  /**
   * Failed attempts to reach the server since the last connection (0 or absent while connected): a
   * `connecting` client with failures cannot reach the server; without, it is only reconnecting.
   */
  connectionFailures?: number;
  /**
   * Agents: the internal chat with colleagues (read it through `chatOf`; optional so that the webchat's
   * initial state carries nothing of it).
   */
  chat?: ChatState;
}

export interface TypingIndicator {
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string;
}

export interface Catalog {
  agents: readonly AgentSummary[];
  /** Every team of the company (transfers may go to teams the agent is not in). */
  teams: readonly Team[];
  tags: readonly Tag[];
  templates: readonly Template[];
  cannedResponses: readonly CannedResponse[];
  /** The company's pause types (an agent picks one to pause). */
  pauseTypes: readonly PauseType[];
  /** The channels an agent can start a conversation on. */
  channels: readonly OutboundChannel[];
  /** The company's customer accounts ("Conta") by name, inactive ones too; pickers offer the active. */
  accounts: readonly CustomerAccount[];
}

export const initialState: ConectaState = {
  connection: 'disconnected',
  me: null,
  visitor: null,
  teams: {},
  contacts: {},
  sessions: {},
  messages: {},
  hasOlder: {},
  typing: {},
  notes: {},
  catalog: null,
  queue: {},
};
