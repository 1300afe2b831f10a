import type { Agent, ClientMessage, Contact, Session, Team, Visitor } from '../protocol/index.js';

export type ConnectionStatus = 'connected' | 'connecting' | 'disconnected';

/**
 * Normalized client state. Every update replaces the objects it touches and keeps the rest,
 * so selectors can compare by reference.
 */
export interface ConectaState {
  connection: ConnectionStatus;
  /** The logged-in agent, when the identity is an agent. */
  me: Agent | null;
  /** The visitor, when the identity is a webchat visitor. */
  visitor: Visitor | null;
  teams: Readonly<Record<string, Team>>;
  contacts: Readonly<Record<string, Contact>>;
  sessions: Readonly<Record<string, Session>>;
  /** Per session: acknowledged messages by `seq`, then the ones still sending, in the order written. */
  messages: Readonly<Record<string, readonly ClientMessage[]>>;
}

export const initialState: ConectaState = {
  connection: 'disconnected',
  me: null,
  visitor: null,
  teams: {},
  contacts: {},
  sessions: {},
  messages: {},
};
