import type { CommandName, CommandPayload, CommandResult, WebchatChannel } from '../protocol/index.js';
import type { Store } from './store.js';

/**
 * What elements need of a client. `ConectaClient` implements it over a socket; tests and stories
 * use an in-memory one with the same behaviour towards the store.
 */
export interface ConectaClientApi {
  /** The server's base URL, e.g. `https://chat.example.com`. */
  readonly server: string;
  readonly store: Store;
  /** Send a command; resolves with its `data`, rejects with a `ConectaError`. */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResult<N>>;
  /**
   * Write in a session: the message shows at once as `sending`, goes through the outbox, and turns
   * `sent` (or `failed`, with a retry) when the server answers. Returns the message's id.
   */
  sendMessage(sessionId: string, text: string): string;
  /** Send a failed message again, with the same id (the server stores each id once). */
  retryMessage(sessionId: string, messageId: string): void;
  /** Load a session with its contact and every message not yet held, and follow it from now on. */
  openSession(sessionId: string): Promise<void>;
  /** Agents: load profile, teams and the sessions of the queue. */
  loadQueue(): Promise<void>;
  /** Visitors: the public face of the client's webchat channel (name, teams offered). */
  fetchChannel(): Promise<WebchatChannel>;
  /** Visitors: load the visitor's sessions and contact (what survives a reload). */
  loadVisitorSessions(): Promise<void>;
  /** Visitors: start a conversation for a team; resolves with the new session's id. */
  startWebchat(input: { name: string; email: string | null; teamId: string }): Promise<string>;
}
