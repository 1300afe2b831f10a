import type { CommandName, CommandPayload, CommandResult } from '../protocol/commands.js';
import type { Attachment, ClientMessage, Contact, Session, WebchatChannel, WebchatUser } from '../protocol/entities.js';
import { ConectaError, TRANSIENT_ERROR_CODES, type Ack } from '../protocol/errors.js';
import { COMMAND_EVENT, type ServerEvents } from '../protocol/events.js';
import type { VisitorClientApi, WebchatStart } from './api.js';
import { requestJson } from './http.js';
import { Outbox } from './outbox.js';
import {
  absorbEntities,
  addLocalMessage,
  applyMessageStatus,
  clearTypingOf,
  lastSeqHeld,
  mergeMessages,
  setLocalMessageStatus,
  setQueuePosition,
  setTyping,
} from './reducers.js';
import { localMessage } from './local-message.js';
import type { UploadOptions } from './upload.js';
import { getClient, normalizeServer, registerClient, unregisterClient } from './registry.js';
import type { ConnectionStatus } from './state.js';
import { liteSocket } from './socket/lite-socket.js';
import type { ConectaSocket, SocketFactory } from './socket/types.js';
import type { GetToken } from './agent-token.js';
import { Store } from './store.js';
import { VisitorIdentity } from './visitor-identity.js';
import { VisitorOutbox } from './visitor-outbox.js';
import type { TokenStorage } from './visitor-token.js';

export interface ConectaClientOptions {
  /** Base URL of the Conecta server. */
  server: string;
  /** An agent's token (from `ConectaClient.login`). */
  token?: string;
  /**
   * Agents signed on by a host page (a CRM): where `ConectaClient` gets each token, at connection and
   * again before it expires, without dropping the socket (see docs/crm.md). Wins over `token`.
   */
  getToken?: GetToken;
  /** A webchat channel key: the client is that channel's visitor. */
  channel?: string;
  /** How long one attempt of a command waits for its acknowledgement (ms). */
  commandTimeoutMs?: number;
  /** Attempts made while connected before a command fails. */
  maxAttempts?: number;
  /** Where a visitor's token is kept between loads. */
  storage?: TokenStorage;
  /**
   * How the socket is made. Default: the lite socket (WebSocket only) for visitors, socket.io-client
   * for agents. Node before v22 has no WebSocket: pass socket.io-client's `io` there for visitors.
   */
  socketFactory?: SocketFactory;
}

/**
 * The one connection of a page to a Conecta server for one identity (an agent or a webchat visitor).
 * Owns the socket, the outbox of commands and the Store; keeps the store complete across reconnects
 * by asking, per followed session, for every message after the last sequence number it holds. A
 * visitor's identity and the messages kept across reloads are a `VisitorIdentity`'s and a
 * `VisitorOutbox`'s.
 *
 * This is what every element and the webchat need; `ConectaClient` adds what only the agents'
 * elements use (queue, catalog, notes, paging back). The webchat makes a `ClientCore` of its own,
 * so its bundle carries none of the agents' code.
 */
export class ClientCore implements VisitorClientApi {
  /** The page's client for this server + identity: created once, then shared by every element. */
  static shared<T extends ClientCore>(this: new (options: ConectaClientOptions) => T, options: ConectaClientOptions): T {
    const identity = ClientCore.#identity(options);
    const existing = getClient(options.server, identity);
    if (existing instanceof this) return existing;
    const client = new this(options);
    registerClient(options.server, identity, client);
    return client;
  }

  static #identity(options: ConectaClientOptions): string {
    // Tokens from getToken() change; the agent they sign on stays the page's one agent for that server.
    const agent = options.getToken ? 'getToken' : options.token;
    if (agent) return `agent:${agent}`;
    if (options.channel) return `visitor:${options.channel}`;
    throw new TypeError('ConectaClient needs a `token`, `getToken` or `channel`.');
  }

  readonly server: string;
  readonly store = new Store();
  readonly #options: ConectaClientOptions;
  readonly #outbox: Outbox;
  /** Sessions an element follows: resynced after a reconnection. */
  protected readonly followed = new Set<string>();
  /** Sessions synced at least once: only then is "after the last seq held" the whole story. */
  readonly #synced = new Set<string>();
  /** Per session: the highest seq a read receipt was sent for, so each is sent once. */
  readonly #readSent = new Map<string, number>();
  readonly #typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Visitors: unsent messages kept across reloads (agents have none: their desk stays open). */
  readonly #visitorOutbox: VisitorOutbox | null = null;
  /** Visitors: who the visitor is (the visitor token and its changes). */
  readonly #visitor: VisitorIdentity | null = null;
  #socket: ConectaSocket | null = null;
  #starting: Promise<void> | null = null;
  #connectedOnce = false;
  #closed = false;

  constructor(options: ConectaClientOptions) {
    const identity = ClientCore.#identity(options);
    this.#options = options;
    this.server = normalizeServer(options.server);
    this.#outbox = new Outbox((name, payload, timeoutMs) => this.#transmit(name, payload, timeoutMs), {
      attemptTimeoutMs: options.commandTimeoutMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 4,
    });
    if (identity[0] === 'a') return;
    const channelKey = this.#channelKey();
    this.#visitorOutbox = new VisitorOutbox(this.server, channelKey, this.store, (message, owner) => this.#deliver(message, owner));
    this.#visitor = new VisitorIdentity(
      {
        store: this.store,
        waitForServer: () => this.#setStatus('connecting'),
        forgetHeld: () => this.#forgetHeld(),
        reconnect: (newPerson) => this.#reconnect(newPerson),
        loadSessions: () => (this.#starting ? this.loadVisitorSessions() : undefined),
      },
      this.#visitorOutbox,
      this.#channelUrl(),
      `conecta:visitor:${this.server}#${channelKey}`,
      options.storage,
    );
  }

  get status(): ConnectionStatus {
    return this.store.state.connection;
  }

  get isVisitor(): boolean {
    return !!this.#visitor;
  }

  /** Open the socket (done lazily by the first command). */
  connect(): Promise<void> {
    this.#starting ??= this.#start().catch((error: ConectaError) => {
      // Nothing can be sent (e.g. an unknown channel): fail what waits, and let a later command retry.
      this.#starting = null;
      this.#outbox.failAll({ code: error.code ?? 'INTERNAL', message: error.message });
      this.#setStatus('disconnected');
    });
    return this.#starting;
  }

  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResult<N>> {
    void this.connect();
    const lane = name === 'message.send' ? (payload as CommandPayload<'message.send'>).sessionId : null;
    return this.#outbox.enqueue(name, payload, lane).then((data) => {
      this.absorb(data);
      return data as CommandResult<N>;
    });
  }

  sendMessage(sessionId: string, text: string, attachments: readonly Attachment[] = []): string {
    const message = localMessage(this.store.state, { sessionId, text, attachments, asVisitor: this.isVisitor });
    this.store.update((state) => addLocalMessage(state, message));
    this.#persistThenDeliver(message);
    return message.id;
  }

  retryMessage(sessionId: string, messageId: string): void {
    const message = this.store.state.messages[sessionId]?.find((held) => held.id === messageId);
    if (!message || message.status !== 'failed') return;
    this.store.update((state) => setLocalMessageStatus(state, sessionId, messageId, 'sending'));
    this.#persistThenDeliver(message);
  }

  async openSession(sessionId: string): Promise<void> {
    this.followed.add(sessionId);
    await this.#sync(sessionId);
  }

  sendTyping(sessionId: string, typing: boolean): void {
    // Ephemeral: a lost indicator is harmless, so failures are ignored.
    this.command('session.typing', { sessionId, typing }).catch(() => {});
  }

  markRead(sessionId: string): void {
    const otherSide = this.isVisitor ? 'agent' : 'contact';
    const list = this.store.state.messages[sessionId] ?? [];
    let upToSeq = 0;
    for (const message of list) if (message.authorKind === otherSide && message.seq > upToSeq) upToSeq = message.seq;
    if (upToSeq <= (this.#readSent.get(sessionId) ?? 0)) return;
    this.#readSent.set(sessionId, upToSeq);
    this.command('message.receipt', { sessionId, upToSeq, status: 'read' }).catch(() => this.#readSent.delete(sessionId));
  }

  uploadFile(file: Blob & { name?: string }, options: UploadOptions = {}): Promise<Attachment> {
    // On demand: the webchat's bundle makes it a chunk of its own, which no visitor needs to a ready chat.
    return import('./upload.js').then((upload) => upload.uploadFile(`${this.server}/api/files`, file, this.#authHeaders(), options));
  }

  fileUrl(attachment: Pick<Attachment, 'url'>): string {
    return new URL(attachment.url, `${this.server}/`).href;
  }

  fetchChannel(): Promise<WebchatChannel> {
    return requestJson(this.#channelUrl());
  }

  async loadVisitorSessions(): Promise<void> {
    await this.command('webchat.sessions', {});
  }

  async startWebchat(input: WebchatStart): Promise<string> {
    const sessionId = crypto.randomUUID();
    this.followed.add(sessionId);
    await this.command('webchat.start', { sessionId, ...input });
    return sessionId;
  }

  async finishWebchat(sessionId: string): Promise<void> {
    await this.command('webchat.finish', { sessionId });
  }

  async rateSession(sessionId: string, score: number, comment: string | null = null): Promise<void> {
    await this.command('webchat.rate', { sessionId, score, comment });
  }

  setUser(user: WebchatUser | null): Promise<void> {
    return this.#visitorIdentity().setUser(user);
  }

  resetVisitor(): Promise<void> {
    return this.#visitorIdentity().reset();
  }

  /** Close the socket and forget this client; pending commands fail with DISCONNECTED. */
  close(): void {
    this.#closed = true;
    this.forgetPending();
    this.#socket?.disconnect();
    // Persisted messages stay persisted: the next page sends them.
    this.#outbox.failAll({ code: 'DISCONNECTED', message: 'The client was closed.' });
    this.#visitor?.close();
    unregisterClient(this.#options.server, ClientCore.#identity(this.#options), this);
    this.#setStatus('disconnected');
  }

  #channelKey(): string {
    if (!this.#options.channel) throw new TypeError('Only a webchat visitor client has a channel.');
    return this.#options.channel;
  }

  #channelUrl(): string {
    return `${this.server}/api/webchat/${encodeURIComponent(this.#channelKey())}`;
  }

  /** Only a visitor has one; an agent's client refuses what needs it. */
  #visitorIdentity(): VisitorIdentity {
    if (!this.#visitor) throw new TypeError('Only a webchat visitor client has a channel.');
    return this.#visitor;
  }

  /** Visitors keep the message in IndexedDB before sending it; agents send it at once. */
  #persistThenDeliver(message: ClientMessage): void {
    if (!this.#visitorOutbox) {
      this.#deliver(message, null);
      return;
    }
    // Started first: a new page's replay of what an earlier one left goes before this message.
    void this.connect();
    this.#visitorOutbox.persistThenDeliver(message);
  }

  /** `owner`: the contact whose persisted copy to drop once the server stored or refused the message. */
  #deliver(message: ClientMessage, owner: string | null): void {
    const attachmentIds = message.attachments.map((attachment) => attachment.id);
    const forget = () => (owner ? this.#visitorOutbox?.remove(message.id) : undefined);
    this.command('message.send', { id: message.id, sessionId: message.sessionId, text: message.text, attachmentIds }).then(
      () => void forget(),
      (error: ConectaError) => {
        if (!TRANSIENT_ERROR_CODES.includes(error.code)) void forget(); // a persisted one is kept for later
        this.store.update((state) => setLocalMessageStatus(state, message.sessionId, message.id, 'failed', error));
      },
    );
  }

  /** Everything after what we hold; a first sync brings the newest page and says if there is older. */
  async #sync(sessionId: string): Promise<void> {
    for (;;) {
      // Before the first sync, what is held may be just an event that arrived first (e.g. the
      // "accepted" message reaching the new owner): start from the newest page, not after it.
      const afterSeq = this.#synced.has(sessionId) ? lastSeqHeld(this.store.state, sessionId) : 0;
      const result = await this.command('session.sync', { sessionId, afterSeq, limit: afterSeq === 0 ? 200 : 1000 });
      if (afterSeq === 0) this.pagedFrom(sessionId, result.hasOlder);
      this.#synced.add(sessionId);
      if (!result.hasMore || result.messages.length === 0) return;
    }
  }

  /** A visitor's (`ConectaClient` sends an agent's files with the agent's token). */
  #authHeaders(): Record<string, string> {
    const visitorToken = this.#visitor?.token;
    return visitorToken ? { 'x-visitor-token': visitorToken } : {};
  }

  async #start(): Promise<void> {
    this.#setStatus('connecting');
    // Agents skip the await: their socket listeners are in place as soon as `connect` returns.
    if (this.#visitor) await this.#visitor.start();
    if (this.#closed) return;
    // A function, read on every (re)connection: a visitor's token changes with setUser and reset
    // (an agent's `ConectaClient` sets its own in `listen`, before the handshake).
    const auth = (send: (data: object) => void) => send({ visitorToken: this.#visitor?.token });
    const makeSocket = this.#options.socketFactory ?? (await this.defaultSocketFactory());
    if (this.#closed) return;
    const socket = makeSocket(this.server, { auth, reconnectionDelayMax: 5_000 });
    this.#socket = socket;
    socket.on('connect', () => this.#onConnect());
    socket.on('disconnect', (reason: string) => {
      this.#outbox.setOnline(false);
      // socket.io does not reconnect after a server-side disconnect, but a server restarting or
      // shutting down gracefully does exactly that: try again (a revoked token then fails the handshake).
      // Checked again when the timer fires: a client closed meanwhile must not come back.
      if (reason === 'io server disconnect' && !this.#closed) setTimeout(() => this.#closed || socket.connect(), 1_000);
      this.#setStatus(socket.active || reason === 'io server disconnect' ? 'connecting' : 'disconnected');
    });
    socket.on('connect_error', (error: Error) => {
      if (error.message === 'UNAUTHENTICATED' && this.#visitor) {
        // The visitor token was revoked or belongs to another server's database: get another one.
        this.#visitor.replaceRefused().then(
          () => socket.active || socket.connect(),
          () => {},
        );
      }
      this.#setStatus(socket.active ? 'connecting' : 'disconnected');
    });
    socket.on('session.updated', ({ session, contact }: ServerEvents['session.updated']) => this.receiveEntities({ session, contact }));
    socket.on('contact.updated', ({ contact }: ServerEvents['contact.updated']) => this.receiveEntities({ contact }));
    socket.on('message.created', ({ message }: ServerEvents['message.created']) => {
      this.store.update((state) => clearTypingOf(state, message.sessionId, message.authorKind, message.authorId));
      const held = lastSeqHeld(this.store.state, message.sessionId);
      const gap = held > 0 && message.seq > held + 1;
      // A gap means events were missed: fetch everything after what we hold instead of guessing.
      if (gap && this.followed.has(message.sessionId)) void this.#sync(message.sessionId).catch(() => {});
      else this.store.update((state) => mergeMessages(state, [message]));
    });
    socket.on('message.status', (event: ServerEvents['message.status']) => this.store.update((state) => applyMessageStatus(state, event)));
    socket.on('session.typing', (event: ServerEvents['session.typing']) => this.#onTyping(event));
    socket.on('webchat.queue', (position: ServerEvents['webchat.queue']) =>
      this.store.update((state) => setQueuePosition(state, position)),
    );
    this.listen(socket);
  }

  /** A session's newest page arrived, and whether there is older: what paging back (the agents') needs. */
  protected pagedFrom(_sessionId: string, _hasOlder: boolean): void {}

  /** Drop events gathered and not yet applied (the client closed, or the visitor changed). */
  protected forgetPending(): void {}

  /** How the socket is made when the options do not say: the lite socket, a visitor's. */
  protected defaultSocketFactory(): SocketFactory | Promise<SocketFactory> {
    return liteSocket;
  }

  /** Where a subclass hears the events only it follows. */
  protected listen(_socket: ConectaSocket): void {}

  /** A command's answer: fold what it carries into the store. */
  protected absorb(data: unknown): void {
    this.store.update((state) => absorbEntities(state, data));
  }

  /** A session or contact event: applied at once (a visitor receives few). */
  protected receiveEntities(entities: { session?: Session; contact?: Contact }): void {
    this.absorb(entities);
  }

  /** After a reconnection, what to load again besides the followed sessions: a visitor's sessions. */
  protected resync(): Promise<void> {
    return this.loadVisitorSessions();
  }

  /** A typing indicator lasts until "stopped", a message from that person, or 8 s of silence. */
  #onTyping({ sessionId, authorKind, authorId, authorName, typing }: ServerEvents['session.typing']): void {
    const key = `${sessionId}#${authorKind}#${authorId}`;
    clearTimeout(this.#typingTimers.get(key));
    this.#typingTimers.delete(key);
    const typist = { authorKind, authorId, authorName };
    this.store.update((state) => setTyping(state, sessionId, typist, typing));
    if (typing) {
      this.#typingTimers.set(
        key,
        setTimeout(() => this.store.update((state) => setTyping(state, sessionId, typist, false)), 8_000),
      );
    }
  }

  #onConnect(): void {
    this.#setStatus('connected');
    this.#outbox.setOnline(true);
    if (!this.#connectedOnce) {
      this.#connectedOnce = true;
      return;
    }
    // Reconnected: events sent while we were away are lost, so ask again for what we follow.
    void this.resync().catch(() => {});
    for (const sessionId of this.followed) void this.#sync(sessionId).catch(() => {});
  }

  #transmit(name: string, payload: unknown, timeoutMs: number): Promise<Ack<unknown>> {
    const socket = this.#socket;
    if (!socket?.connected) return Promise.reject(new Error('not connected'));
    return socket.timeout(timeoutMs).emitWithAck(COMMAND_EVENT, name, payload) as Promise<Ack<unknown>>;
  }

  /** The visitor token changed: reconnect under the new one. */
  #reconnect(newPerson: boolean): void {
    if (!this.#socket || this.#closed) return;
    // A new person's sessions are loaded by whoever switched to it, not by the resync of a reconnection.
    if (newPerson) this.#connectedOnce = false;
    this.#socket.disconnect().connect();
    this.#setStatus('connecting');
  }

  /** Drop what belongs to the previous visitor: pending commands, followed sessions, pending events. */
  #forgetHeld(): void {
    // Not one more event of the previous person: their socket would go on speaking for them until it
    // reconnects under the next one's token, which a logout first waits for from the server.
    if (this.#socket?.connected) {
      this.#socket.disconnect();
      this.#setStatus('connecting');
    }
    this.#outbox.failAll({ code: 'DISCONNECTED', message: 'The visitor changed.' });
    this.forgetPending();
    this.followed.clear();
    this.#readSent.clear();
    for (const timer of this.#typingTimers.values()) clearTimeout(timer);
    this.#typingTimers.clear();
  }

  #setStatus(connection: ConnectionStatus): void {
    this.store.update((state) => (state.connection === connection ? state : { ...state, connection }));
  }
}
