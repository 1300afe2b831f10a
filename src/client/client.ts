import type { CommandName, CommandPayload, CommandResult } from '../protocol/commands.js';
import type { Agent, AgentAvailability, AgentStats, Attachment, Contact, Session } from '../protocol/entities.js';
import { ConectaError } from '../protocol/errors.js';
import { WAITING_PAGE_SIZE } from '../protocol/waiting-queue.js';
import type { AuthEndReason, ServerEvents } from '../protocol/events.js';
import type { HttpApi } from '../protocol/http.js';
import { AgentTokenRenewal } from './agent-token.js';
import type { ConectaClientApi, ProfileChanges } from './api.js';
import { setAvailability } from './availability-reducers.js';
import { ClientCore, type ConectaClientOptions } from './client-core.js';
import { EntityBatch } from './entity-batch.js';
import { requestJson } from './http.js';
import { InternalChat } from './internal-chat.js';
import { markRefused } from './message-failures.js';
import { absorbResult, firstSeqHeld, removeNote, setAgentPresence, setCatalog, setHasOlder, setNotes, upsertNote } from './reducers.js';
import { normalizeServer } from './registry.js';
import type { ConectaSocket, SocketFactory } from './socket/types.js';
import type { AuthEnded, ConnectionStatus } from './state.js';
import { addWaitingPage, setWaitingCount, setWaitingSnapshot, waitingLoadedUntil } from './waiting-queue.js';
import { uploadFile, type UploadOptions } from './upload.js';

export type { ConectaClientOptions } from './client-core.js';
export type { AgentToken, GetToken } from './agent-token.js';

/**
 * The one connection of a page to a Conecta server for one identity (an agent or a webchat visitor):
 * `ClientCore`, and what the agents' elements use besides — the queue, the catalog, notes, paging
 * back — with session and contact events applied once per frame (a queue may get a hundred a second).
 */
export class ConectaClient extends ClientCore implements ConectaClientApi {
  /** Log an agent in; the token goes to `shared({server, token})` or `<conecta-provider token>`. */
  static login(server: string, email: string, password: string): Promise<HttpApi['/api/auth/login']['response']> {
    return requestJson(`${normalizeServer(server)}/api/auth/login`, { body: { email, password } });
  }

  /**
   * Ask for a password-reset link for an agent's address. The server answers the same whether or not
   * the address has an account (no one learns who has one): say "if it has an account, a link is on its way".
   */
  static requestPasswordReset(server: string, email: string): Promise<HttpApi['/api/auth/password-reset']['response']> {
    return requestJson(`${normalizeServer(server)}/api/auth/password-reset`, { body: { email } });
  }

  readonly #batch = new EntityBatch(this.store);
  readonly chat: InternalChat = new InternalChat(this.store, (name, payload) => this.command(name, payload));
  /** With `getToken`: the agent's tokens, renewed before they expire. */
  readonly #renewal: AgentTokenRenewal | null;
  #socket: ConectaSocket | null = null;
  /** The token ended (`auth.ended`, a refused handshake) and a new one is being tried: why, if that fails too. */
  #endedBy: AuthEnded | null = null;

  /** The token given in the options: the agent signs on, uploads and logs out with it (the webchat's core knows none). */
  readonly #token: string | undefined;

  constructor(options: ConectaClientOptions) {
    super(options);
    this.#token = options.token;
    const { getToken } = options;
    this.#renewal = getToken ? new AgentTokenRenewal(getToken, (token) => this.#swapToken(token)) : null;
  }

  override command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResult<N>> {
    if (this.store.state.authEnded) {
      return Promise.reject(
        new ConectaError({ code: 'UNAUTHENTICATED', message: `The agent's sign-in ended (${this.store.state.authEnded}).` }),
      );
    }
    return super.command(name, payload);
  }

  override close(): void {
    this.#renewal?.stop();
    super.close();
  }

  override uploadFile(file: Blob & { name?: string }, options: UploadOptions = {}): Promise<Attachment> {
    // The core sends a visitor's files; an agent's go with the agent's token (from getToken(), the one held now).
    if (!this.#renewal && !this.#token) return super.uploadFile(file, options);
    const token = this.#renewal ? (this.#renewal.token ?? '') : this.#token;
    return uploadFile(`${this.server}/api/files`, file, { authorization: `Bearer ${token}` }, options);
  }

  async loadOlder(sessionId: string): Promise<boolean> {
    const beforeSeq = firstSeqHeld(this.store.state, sessionId);
    if (beforeSeq <= 1) {
      this.store.update((state) => setHasOlder(state, sessionId, false));
      return false;
    }
    const { hasOlder } = await this.command('session.older', { sessionId, beforeSeq, limit: 100 });
    this.store.update((state) => setHasOlder(state, sessionId, hasOlder));
    return hasOlder;
  }

  async loadCatalog(): Promise<void> {
    const catalog = await this.command('agent.catalog', {});
    this.store.update((state) => setCatalog(state, catalog));
  }

  async loadNotes(contactId: string): Promise<void> {
    const { notes } = await this.command('note.list', { contactId });
    this.store.update((state) => setNotes(state, contactId, notes));
  }

  async deleteNote(noteId: string): Promise<void> {
    const { contactId } = await this.command('note.delete', { noteId });
    this.store.update((state) => removeNote(state, contactId, noteId));
  }

  async loadQueue(): Promise<void> {
    const snapshot = await this.command('agent.snapshot', {});
    // Sessions that left the queue while we were away (taken by others, finished) are dropped,
    // unless an element still follows them; so are later pages of the queue (asked again as it scrolls).
    const listed = new Set(snapshot.sessions.map((session) => session.id));
    this.store.update((state) => {
      const next = setWaitingSnapshot(state, snapshot.waiting);
      const stale = Object.keys(state.sessions).filter((id) => !listed.has(id) && !this.followed.has(id));
      if (stale.length === 0) return next;
      const sessions = { ...state.sessions };
      for (const id of stale) delete sessions[id];
      return { ...next, sessions };
    });
  }

  async loadMoreWaiting(teamId: string | null): Promise<void> {
    const after = waitingLoadedUntil(this.store.state, teamId);
    if (after === null) return;
    const page = await this.command('queue.page', { teamId, after, limit: WAITING_PAGE_SIZE });
    this.store.update((state) => addWaitingPage(state, teamId, after, page));
  }

  async pause(pauseTypeId: string): Promise<AgentAvailability> {
    const availability = await this.command('agent.pause', { pauseTypeId });
    this.#applyAvailability(availability);
    return availability;
  }

  async resume(): Promise<AgentAvailability> {
    const availability = await this.command('agent.resume', {});
    this.#applyAvailability(availability);
    return availability;
  }

  async loadStats(): Promise<AgentStats> {
    const stats = await this.command('agent.stats', {});
    this.store.update((state) => ({ ...state, stats }));
    return stats;
  }

  async updateProfile(changes: ProfileChanges): Promise<Agent> {
    const agent = await this.command('agent.profile', changes);
    this.store.update((state) => ({ ...state, me: agent }));
    return agent;
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.command('agent.password', { current, next });
  }

  async logout(): Promise<void> {
    const token = this.#renewal ? this.#renewal.token : this.#token;
    this.close();
    if (!token) return;
    // Revoked even if the page goes away right after (keepalive); a failure leaves the token to expire.
    await fetch(`${this.server}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, keepalive: true }).catch(
      () => undefined,
    );
  }

  protected override absorb(data: unknown): void {
    // Events that arrived before this answer are older than it: apply them first.
    this.#batch.flush();
    this.store.update((state) => absorbResult(state, data));
  }

  protected override receiveEntities(entities: { session?: Session; contact?: Contact }): void {
    if (entities.session && this.#ratesMe(entities.session)) this.#refreshMe();
    this.#batch.add(entities);
  }

  /** Whether the event brings a new rating of one of the agent's own sessions (its average moved on the server). */
  #ratesMe(session: Session): boolean {
    const { me, sessions } = this.store.state;
    if (!me || session.agentId !== me.id || session.rating === null) return false;
    return sessions[session.id]?.rating == null;
  }

  /**
   * The agent's average (`me.rating`) is counted on the server: ask for it again. A snapshot is the
   * one answer that carries it; a session is rated at most once, so this stays rare.
   */
  #refreshMe(): void {
    this.command('agent.snapshot', {}).catch(() => {
      // Offline or refused: the next resync's snapshot brings it.
    });
  }

  protected override pagedFrom(sessionId: string, hasOlder: boolean): void {
    this.store.update((state) => setHasOlder(state, sessionId, hasOlder));
  }

  protected override forgetPending(): void {
    this.#batch.clear();
  }

  /**
   * Agents use socket.io-client, whose long-polling fallback gets through proxies that block
   * WebSockets (call centres often sit behind one); visitors keep the core's lite socket. Imported on
   * demand, so a visitor's `ConectaClient` does not load it. WebSocket first: with several server
   * nodes only polling needs a sticky load balancer (docs/scaling.md), so most agents need none.
   */
  protected override async defaultSocketFactory(): Promise<SocketFactory> {
    if (this.isVisitor) return super.defaultSocketFactory();
    const { io } = await import('socket.io-client');
    return (url, options) => io(url, { transports: ['websocket', 'polling'], tryAllTransports: true, ...options }) as ConectaSocket;
  }

  protected override resync(): Promise<void> {
    if (this.isVisitor) return super.resync();
    // Colleagues may have come and gone while we were away: their presence events are lost.
    const catalog = this.store.state.catalog ? this.loadCatalog() : Promise.resolve();
    return Promise.all([this.loadQueue(), catalog, this.chat.resync()]).then(() => undefined);
  }

  protected override listen(socket: ConectaSocket): void {
    this.#socket = socket;
    socket.on('auth.ended', ({ reason }: ServerEvents['auth.ended']) => this.#onAuthEnded(socket, reason));
    socket.on('message.status', (event: ServerEvents['message.status']) => {
      if (event.status === 'failed') this.store.update((state) => markRefused(state, event.sessionId, event.messageId, event.failure));
    });
    // Set before the handshake (socket.io-client sends it once the transport is open, never synchronously
    // on a new socket): an agent signs on with its token (the core's sign a visitor on).
    const token = this.#token;
    if (token && !this.#renewal) socket.auth = (send) => send({ token });
    if (this.#renewal) {
      // Each (re)connection signs on with the token held, or a new one from getToken().
      socket.auth = (send) => this.#signOn(send);
      // Signed on again after an end: a later end gets its own try with a new token.
      socket.on('connect', () => (this.#endedBy = null));
    }
    socket.on('connect_error', (error: Error) => {
      if (error.message !== 'UNAUTHENTICATED') return;
      // socket.io does not retry a refused handshake. The token held may have died unheard (revoked
      // while offline): with getToken, try once more with a new one; else the agent must sign in again.
      if (this.#renewal && this.#endedBy === null) {
        this.#endedBy = 'refused';
        this.#renewal.discard();
        socket.connect();
        this.#setConnection('connecting');
      } else {
        this.#endAuth(this.#endedBy ?? 'refused');
      }
    });
    socket.on('agent.availability', (availability: ServerEvents['agent.availability']) => this.#applyAvailability(availability));
    socket.on('team.opened', () => void this.loadQueue().catch(() => {}));
    socket.on('queue.counts', ({ teamId, waiting }: ServerEvents['queue.counts']) =>
      this.store.update((state) => setWaitingCount(state, teamId, waiting)),
    );
    // Reconnecting after a blip, or the server out of reach: attempts that fail say it is the latter.
    socket.on('connect_error', () => this.store.update((state) => ({ ...state, connectionFailures: (state.connectionFailures ?? 0) + 1 })));
    socket.on('connect', () => this.store.update((state) => (state.connectionFailures ? { ...state, connectionFailures: 0 } : state)));
    socket.on('agent.presence', (presence: ServerEvents['agent.presence']) =>
      this.store.update((state) => setAgentPresence(state, presence)),
    );
    socket.on('chat.message', (message: ServerEvents['chat.message']) => this.chat.receive(message));
    socket.on('note.updated', ({ note }: ServerEvents['note.updated']) => this.store.update((state) => upsertNote(state, note)));
    socket.on('note.deleted', ({ noteId, contactId }: ServerEvents['note.deleted']) =>
      this.store.update((state) => removeNote(state, contactId, noteId)),
    );
  }

  /**
   * An agent's availability changed. The agent's own turning online again reloads the queue: new
   * waiting sessions were not offered to it while it was paused or away.
   */
  #applyAvailability(availability: AgentAvailability): void {
    const before = this.store.state.availability;
    this.store.update((state) => setAvailability(state, availability));
    const own = this.store.state.availability;
    if (own === availability && own.state === 'online' && before && before.state !== 'online') void this.loadQueue().catch(() => {});
  }

  #signOn(send: (data: object) => void): void {
    this.#renewal!.forHandshake().then(
      (token) => send({ token }),
      () => this.#endAuth(this.#endedBy ?? 'refused'),
    );
  }

  /** The server ended the token: with getToken, reconnect under a new one (asked once), else stop here. */
  #onAuthEnded(socket: ConectaSocket, reason: AuthEndReason): void {
    if (!this.#renewal) {
      this.#endAuth(reason);
      return;
    }
    this.#endedBy = reason;
    this.#renewal.discard();
    // Our own disconnect, before the server's: socket.io would otherwise come back in a second with the dead token.
    socket.disconnect().connect();
    this.#setConnection('connecting');
  }

  /**
   * No working token: the client closes for good (commands waiting fail, later ones are refused) and
   * says why. The page's next `shared()` call for this server makes a new client, signed in anew.
   */
  #endAuth(reason: AuthEnded): void {
    this.store.update((state) => ({ ...state, authEnded: reason }));
    this.close();
  }

  /** Swap the socket's token for a new one (`auth.refresh`): rooms, followed sessions and pending commands stay. */
  async #swapToken(token: string): Promise<number | undefined> {
    // Offline, there is nothing to swap: the reconnection's handshake carries the new token.
    if (!this.#socket?.connected) return undefined;
    const { expiresAt } = await this.command('auth.refresh', { token });
    return expiresAt;
  }

  #setConnection(connection: ConnectionStatus): void {
    this.store.update((state) => (state.connection === connection ? state : { ...state, connection }));
  }
}
