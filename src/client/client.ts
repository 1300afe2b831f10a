import { io, type Socket } from 'socket.io-client';
import {
  COMMAND_EVENT,
  ConectaError,
  type Ack,
  type Agent,
  type Attachment,
  type ClientMessage,
  type CommandName,
  type CommandPayload,
  type CommandResult,
  type ServerEvents,
  type Visitor,
  type WebchatChannel,
} from '../protocol/index.js';
import type { ConectaClientApi } from './api.js';
import { requestJson } from './http.js';
import { Outbox } from './outbox.js';
import {
  absorbResult,
  addLocalMessage,
  applyMessageStatus,
  clearTypingOf,
  firstSeqHeld,
  lastSeqHeld,
  mergeMessages,
  removeNote,
  setCatalog,
  setHasOlder,
  setLocalMessageStatus,
  setNotes,
  setTyping,
  upsertNote,
} from './reducers.js';
import { EntityBatch } from './entity-batch.js';
import { localMessage } from './local-message.js';
import { uploadFile, type UploadOptions } from './upload.js';
import { getClient, normalizeServer, registerClient, unregisterClient } from './registry.js';
import type { ConnectionStatus } from './state.js';
import { Store } from './store.js';
import { pageStorage, type TokenStorage } from './visitor-token.js';

export interface ConectaClientOptions {
  /** Base URL of the Conecta server. */
  server: string;
  /** An agent's token (from `ConectaClient.login`). */
  token?: string;
  /** A webchat channel key: the client is that channel's visitor. */
  channel?: string;
  /** How long one attempt of a command waits for its acknowledgement (ms). */
  commandTimeoutMs?: number;
  /** Attempts made while connected before a command fails. */
  maxAttempts?: number;
  /** Where a visitor's token is kept between loads. */
  storage?: TokenStorage;
}

/**
 * The one connection of a page to a Conecta server for one identity (an agent or a webchat visitor).
 * Owns the socket, the outbox of commands and the Store; keeps the store complete across reconnects
 * by asking, per followed session, for every message after the last sequence number it holds.
 */
export class ConectaClient implements ConectaClientApi {
  /** The page's client for this server + identity: created once, then shared by every element. */
  static shared(options: ConectaClientOptions): ConectaClient {
    const identity = ConectaClient.#identity(options);
    const existing = getClient(options.server, identity);
    if (existing instanceof ConectaClient) return existing;
    const client = new ConectaClient(options);
    registerClient(options.server, identity, client);
    return client;
  }

  /** Log an agent in; the token goes to `shared({server, token})` or `<conecta-provider token>`. */
  static login(server: string, email: string, password: string): Promise<{ token: string; agent: Agent }> {
    return requestJson(`${normalizeServer(server)}/api/auth/login`, { body: { email, password } });
  }

  static #identity(options: ConectaClientOptions): string {
    if (options.token) return `agent:${options.token}`;
    if (options.channel) return `visitor:${options.channel}`;
    throw new TypeError('ConectaClient needs an agent `token` or a webchat `channel`.');
  }

  readonly server: string;
  readonly store = new Store();
  readonly #options: ConectaClientOptions;
  readonly #outbox: Outbox;
  readonly #batch: EntityBatch;
  readonly #followed = new Set<string>();
  /** Per session: the highest seq a read receipt was sent for, so each is sent once. */
  readonly #readSent = new Map<string, number>();
  readonly #typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #visitorToken_: string | null = null;
  #socket: Socket | null = null;
  #starting: Promise<void> | null = null;
  #connectedOnce = false;
  #closed = false;

  constructor(options: ConectaClientOptions) {
    ConectaClient.#identity(options);
    this.#options = options;
    this.server = normalizeServer(options.server);
    this.#batch = new EntityBatch(this.store);
    this.#outbox = new Outbox((name, payload, timeoutMs) => this.#transmit(name, payload, timeoutMs), {
      attemptTimeoutMs: options.commandTimeoutMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 4,
    });
  }

  get status(): ConnectionStatus {
    return this.store.state.connection;
  }

  get isVisitor(): boolean {
    return !this.#options.token;
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
      // Events that arrived before this answer are older than it: apply them first.
      this.#batch.flush();
      this.store.update((state) => absorbResult(state, data));
      return data as CommandResult<N>;
    });
  }

  sendMessage(sessionId: string, text: string, attachments: readonly Attachment[] = []): string {
    const message = localMessage(this.store.state, { sessionId, text, attachments, asVisitor: this.isVisitor });
    this.store.update((state) => addLocalMessage(state, message));
    this.#deliver(message);
    return message.id;
  }

  retryMessage(sessionId: string, messageId: string): void {
    const message = this.store.state.messages[sessionId]?.find((held) => held.id === messageId);
    if (!message || message.status !== 'failed') return;
    this.store.update((state) => setLocalMessageStatus(state, sessionId, messageId, 'sending'));
    this.#deliver(message);
  }

  async openSession(sessionId: string): Promise<void> {
    this.#followed.add(sessionId);
    await this.#sync(sessionId);
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

  uploadFile(file: Blob & { name?: string }, options: UploadOptions = {}): Promise<Attachment> {
    return uploadFile(`${this.server}/api/files`, file, this.#authHeaders(), options);
  }

  fileUrl(attachment: Pick<Attachment, 'url'>): string {
    return new URL(attachment.url, `${this.server}/`).href;
  }

  async loadQueue(): Promise<void> {
    const snapshot = await this.command('agent.snapshot', {});
    // Sessions that left the queue while we were away (taken by others, finished) are dropped,
    // unless an element still follows them.
    const listed = new Set(snapshot.sessions.map((session) => session.id));
    this.store.update((state) => {
      const stale = Object.keys(state.sessions).filter((id) => !listed.has(id) && !this.#followed.has(id));
      if (stale.length === 0) return state;
      const sessions = { ...state.sessions };
      for (const id of stale) delete sessions[id];
      return { ...state, sessions };
    });
  }

  fetchChannel(): Promise<WebchatChannel> {
    return requestJson(`${this.server}/api/webchat/${encodeURIComponent(this.#channelKey())}`);
  }

  async loadVisitorSessions(): Promise<void> {
    await this.command('webchat.sessions', {});
  }

  async startWebchat(input: { name: string; email: string | null; teamId: string }): Promise<string> {
    const sessionId = crypto.randomUUID();
    this.#followed.add(sessionId);
    await this.command('webchat.start', { sessionId, ...input });
    return sessionId;
  }

  /** Close the socket and forget this client; pending commands fail with DISCONNECTED. */
  close(): void {
    this.#closed = true;
    this.#batch.clear();
    this.#socket?.disconnect();
    this.#outbox.failAll({ code: 'DISCONNECTED', message: 'The client was closed.' });
    unregisterClient(this.#options.server, ConectaClient.#identity(this.#options), this);
    this.#setStatus('disconnected');
  }

  #channelKey(): string {
    if (!this.#options.channel) throw new TypeError('Only a webchat visitor client has a channel.');
    return this.#options.channel;
  }

  #deliver(message: ClientMessage): void {
    const attachmentIds = message.attachments.map((attachment) => attachment.id);
    this.command('message.send', { id: message.id, sessionId: message.sessionId, text: message.text, attachmentIds }).catch(
      (error: Error) =>
        this.store.update((state) => setLocalMessageStatus(state, message.sessionId, message.id, 'failed', error.message)),
    );
  }

  /** Everything after what we hold; a first sync brings the newest page and says if there is older. */
  async #sync(sessionId: string): Promise<void> {
    for (;;) {
      const afterSeq = lastSeqHeld(this.store.state, sessionId);
      const result = await this.command('session.sync', { sessionId, afterSeq, limit: afterSeq === 0 ? 200 : 1000 });
      if (afterSeq === 0) this.store.update((state) => setHasOlder(state, sessionId, result.hasOlder));
      if (!result.hasMore || result.messages.length === 0) return;
    }
  }

  #authHeaders(): Record<string, string> {
    if (this.#options.token) return { authorization: `Bearer ${this.#options.token}` };
    return this.#visitorToken_ ? { 'x-visitor-token': this.#visitorToken_ } : {};
  }

  async #start(): Promise<void> {
    this.#setStatus('connecting');
    if (!this.#options.token) this.#visitorToken_ = await this.#visitorToken();
    const auth = this.#options.token ? { token: this.#options.token } : { visitorToken: this.#visitorToken_ };
    if (this.#closed) return;
    const socket = io(this.server, { auth, reconnectionDelayMax: 5_000 });
    this.#socket = socket;
    socket.on('connect', () => this.#onConnect());
    socket.on('disconnect', (reason) => {
      this.#outbox.setOnline(false);
      // socket.io does not reconnect after a server-side disconnect, but a server restarting or
      // shutting down gracefully does exactly that: try again (a revoked token then fails the handshake).
      if (reason === 'io server disconnect' && !this.#closed) setTimeout(() => socket.connect(), 1_000);
      this.#setStatus(socket.active || reason === 'io server disconnect' ? 'connecting' : 'disconnected');
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'UNAUTHENTICATED' && this.isVisitor) {
        // The visitor token was revoked or belongs to another server's database: start over as a new visitor.
        this.#storage.remove(this.#visitorStorageKey());
        void this.#visitorToken().then((visitorToken) => {
          this.#visitorToken_ = visitorToken;
          socket.auth = { visitorToken };
          socket.connect();
        });
      }
      this.#setStatus(socket.active ? 'connecting' : 'disconnected');
    });
    socket.on('session.updated', ({ session, contact }: ServerEvents['session.updated']) => this.#batch.add({ session, contact }));
    socket.on('contact.updated', ({ contact }: ServerEvents['contact.updated']) => this.#batch.add({ contact }));
    socket.on('message.created', ({ message }: ServerEvents['message.created']) => {
      this.store.update((state) => clearTypingOf(state, message.sessionId, message.authorKind, message.authorId));
      const held = lastSeqHeld(this.store.state, message.sessionId);
      const gap = held > 0 && message.seq > held + 1;
      // A gap means events were missed: fetch everything after what we hold instead of guessing.
      if (gap && this.#followed.has(message.sessionId)) void this.#sync(message.sessionId).catch(() => {});
      else this.store.update((state) => mergeMessages(state, [message]));
    });
    socket.on('message.status', (event: ServerEvents['message.status']) =>
      this.store.update((state) => applyMessageStatus(state, event)),
    );
    socket.on('session.typing', (event: ServerEvents['session.typing']) => this.#onTyping(event));
    socket.on('note.updated', ({ note }: ServerEvents['note.updated']) => this.store.update((state) => upsertNote(state, note)));
    socket.on('note.deleted', ({ noteId, contactId }: ServerEvents['note.deleted']) =>
      this.store.update((state) => removeNote(state, contactId, noteId)),
    );
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
    const resync = this.isVisitor ? this.loadVisitorSessions() : this.loadQueue();
    void resync.catch(() => {});
    for (const sessionId of this.#followed) void this.#sync(sessionId).catch(() => {});
  }

  #transmit(name: string, payload: unknown, timeoutMs: number): Promise<Ack<unknown>> {
    const socket = this.#socket;
    if (!socket?.connected) return Promise.reject(new Error('not connected'));
    return socket.timeout(timeoutMs).emitWithAck(COMMAND_EVENT, name, payload) as Promise<Ack<unknown>>;
  }

  get #storage(): TokenStorage {
    return this.#options.storage ?? pageStorage;
  }

  #visitorStorageKey(): string {
    return `conecta:visitor:${this.server}#${this.#channelKey()}`;
  }

  async #visitorToken(): Promise<string> {
    const storage = this.#storage;
    const key = this.#visitorStorageKey();
    for (;;) {
      try {
        const previous = storage.get(key) ?? undefined;
        const { visitorToken, visitor } = await requestJson<{ visitorToken: string; visitor: Visitor }>(
          `${this.server}/api/webchat/${encodeURIComponent(this.#channelKey())}/visitors`,
          { body: previous ? { visitorToken: previous } : {} },
        );
        storage.set(key, visitorToken);
        this.store.update((state) => ({ ...state, visitor }));
        return visitorToken;
      } catch (error) {
        if (this.#closed || (error as ConectaError).code !== 'DISCONNECTED') throw error;
        // The server is unreachable: keep trying quietly, the outbox holds the commands meanwhile.
        this.#setStatus('connecting');
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  }

  #setStatus(connection: ConnectionStatus): void {
    this.store.update((state) => (state.connection === connection ? state : { ...state, connection }));
  }
}
