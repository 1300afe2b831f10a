import type { CommandName, CommandPayload, CommandResult } from '../protocol/commands.js';
import type { Attachment, ClientMessage, Contact, Session, Visitor, WebchatChannel, WebchatUser } from '../protocol/entities.js';
import { ConectaError, TRANSIENT_ERROR_CODES, type Ack } from '../protocol/errors.js';
import { COMMAND_EVENT, type ServerEvents } from '../protocol/events.js';
import type { VisitorClientApi, WebchatStart } from './api.js';
import { requestJson } from './http.js';
import { Outbox } from './outbox.js';
import { PersistedOutbox, type PendingMessage } from './persisted-outbox.js';
import {
  absorbEntities,
  addLocalMessage,
  applyMessageStatus,
  clearTypingOf,
  lastSeqHeld,
  mergeMessages,
  replaceVisitor,
  setHasOlder,
  setLocalMessageStatus,
  setQueuePosition,
  setTyping,
} from './reducers.js';
import { localMessage } from './local-message.js';
import { uploadFile, type UploadOptions } from './upload.js';
import { getClient, normalizeServer, registerClient, unregisterClient } from './registry.js';
import type { ConnectionStatus } from './state.js';
import { liteSocket } from './socket/lite-socket.js';
import type { ConectaSocket, SocketFactory } from './socket/types.js';
import { Store } from './store.js';
import { pageStorage, type TokenStorage } from './visitor-token.js';

/** What `POST /api/webchat/:key/visitors` answers. */
interface IssuedVisitor {
  visitorToken: string;
  visitor: Visitor;
}

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
  /**
   * How the socket is made. Default: the lite socket (WebSocket only) for visitors, socket.io-client
   * for agents. Node before v22 has no WebSocket: pass socket.io-client's `io` there for visitors.
   */
  socketFactory?: SocketFactory;
}

/**
 * The one connection of a page to a Conecta server for one identity (an agent or a webchat visitor).
 * Owns the socket, the outbox of commands and the Store; keeps the store complete across reconnects
 * by asking, per followed session, for every message after the last sequence number it holds.
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
    if (options.token) return `agent:${options.token}`;
    if (options.channel) return `visitor:${options.channel}`;
    throw new TypeError('ConectaClient needs an agent `token` or a webchat `channel`.');
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
  readonly #persisted: PersistedOutbox | null;
  /**
   * Visitors: writes to the persisted outbox, in order. It starts behind the loading of what an
   * earlier page left there, so old messages go before new ones.
   */
  #persistedChain: Promise<void> = Promise.resolve();
  /** Visitors: identity changes (start, setUser, reset) run one at a time. */
  #identityChain: Promise<unknown> = Promise.resolve();
  /** Visitors: the site's verified user, sent again if the server forgets the visitor token. */
  #user: WebchatUser | null = null;
  #visitorToken_: string | null = null;
  #socket: ConectaSocket | null = null;
  #starting: Promise<void> | null = null;
  #connectedOnce = false;
  #closed = false;
  readonly #onStorage = (event: StorageEvent) => this.#followOtherTab(event);

  constructor(options: ConectaClientOptions) {
    ClientCore.#identity(options);
    this.#options = options;
    this.server = normalizeServer(options.server);
    this.#outbox = new Outbox((name, payload, timeoutMs) => this.#transmit(name, payload, timeoutMs), {
      attemptTimeoutMs: options.commandTimeoutMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 4,
    });
    this.#persisted = options.token ? null : new PersistedOutbox(this.server, this.#channelKey());
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
    return uploadFile(`${this.server}/api/files`, file, this.#authHeaders(), options);
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
    return this.#serially(async () => {
      const stored = this.#storage.get(this.#visitorStorageKey()) ?? undefined;
      if (user === null) {
        this.#user = null;
        // Not started yet: ask the server who the stored token is.
        const current = this.store.state.visitor ?? (stored ? (await this.#issueVisitor({ visitorToken: stored })).visitor : null);
        if (!current?.userId) return;
        this.#storage.remove(this.#visitorStorageKey());
        await this.#switchTo(await this.#issueVisitor({}), false);
        return;
      }
      // Refused (IDENTITY_REJECTED): this throws before anything changed.
      const issued = await this.#issueVisitor({ visitorToken: stored, user });
      this.#user = user;
      await this.#switchTo(issued);
    });
  }

  resetVisitor(): Promise<void> {
    return this.#serially(async () => {
      // Forget at once (a site's logout): nothing of the previous person may stay on screen.
      this.#user = null;
      this.#storage.remove(this.#visitorStorageKey());
      this.#forgetHeld();
      this.store.update((state) => replaceVisitor(state, null));
      const persisted = this.#persisted;
      if (persisted) void this.#afterPersisted(() => persisted.clear());
      await this.#switchTo(await this.#issueVisitor({}), false);
    });
  }

  /** Close the socket and forget this client; pending commands fail with DISCONNECTED. */
  close(): void {
    this.#closed = true;
    this.forgetPending();
    this.#socket?.disconnect();
    // Persisted messages stay persisted: the next page sends them.
    this.#outbox.failAll({ code: 'DISCONNECTED', message: 'The client was closed.' });
    globalThis.removeEventListener?.('storage', this.#onStorage);
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

  /** Run after every earlier write to the persisted outbox (errors are the task's own business). */
  #afterPersisted(task: () => Promise<unknown> | void): Promise<void> {
    const run = this.#persistedChain.then(task).then(
      () => {},
      () => {},
    );
    this.#persistedChain = run;
    return run;
  }

  /** Visitors keep the message in IndexedDB before sending it; agents send it at once. */
  #persistThenDeliver(message: ClientMessage): void {
    const persisted = this.#persisted;
    if (!persisted) {
      this.#deliver(message, null);
      return;
    }
    void this.connect();
    const writtenBy = this.store.state.visitor?.contactId;
    void this.#afterPersisted(async () => {
      // Written before the visitor was known: it is the one the start just found.
      const owner = writtenBy ?? this.store.state.visitor?.contactId ?? null;
      if (owner) await persisted.save(owner, pendingOf(message));
      this.#deliver(message, owner);
    });
  }

  /** `owner`: the contact whose persisted copy to drop once the server stored or refused the message. */
  #deliver(message: ClientMessage, owner: string | null): void {
    const attachmentIds = message.attachments.map((attachment) => attachment.id);
    const forget = () => (owner ? this.#persisted?.remove(message.id) : undefined);
    this.command('message.send', { id: message.id, sessionId: message.sessionId, text: message.text, attachmentIds }).then(
      () => void forget(),
      (error: ConectaError) => {
        if (!TRANSIENT_ERROR_CODES.includes(error.code)) void forget(); // a persisted one is kept for later
        this.store.update((state) => setLocalMessageStatus(state, message.sessionId, message.id, 'failed', error));
      },
    );
  }

  /** Send what an earlier page (or tab) of this visitor left unsent, in the order it was written. */
  async #replayPersisted(): Promise<void> {
    const visitor = this.store.state.visitor;
    if (!visitor || !this.#persisted) return;
    const pending = await this.#persisted.load(visitor.contactId);
    for (const message of pending) {
      if (this.store.state.visitor?.contactId !== visitor.contactId) return; // another visitor meanwhile
      if (this.store.state.messages[message.sessionId]?.some((held) => held.id === message.id)) continue;
      // Shown as when it was written: its own id, time and author, `sending` again.
      const local: ClientMessage = { ...localMessage(this.store.state, { ...message, asVisitor: true }), ...message };
      this.store.update((state) => addLocalMessage(state, local));
      this.#deliver(local, visitor.contactId);
    }
  }

  /** Everything after what we hold; a first sync brings the newest page and says if there is older. */
  async #sync(sessionId: string): Promise<void> {
    for (;;) {
      // Before the first sync, what is held may be just an event that arrived first (e.g. the
      // "accepted" message reaching the new owner): start from the newest page, not after it.
      const afterSeq = this.#synced.has(sessionId) ? lastSeqHeld(this.store.state, sessionId) : 0;
      const result = await this.command('session.sync', { sessionId, afterSeq, limit: afterSeq === 0 ? 200 : 1000 });
      if (afterSeq === 0) this.store.update((state) => setHasOlder(state, sessionId, result.hasOlder));
      this.#synced.add(sessionId);
      if (!result.hasMore || result.messages.length === 0) return;
    }
  }

  #authHeaders(): Record<string, string> {
    if (this.#options.token) return { authorization: `Bearer ${this.#options.token}` };
    return this.#visitorToken_ ? { 'x-visitor-token': this.#visitorToken_ } : {};
  }

  async #start(): Promise<void> {
    this.#setStatus('connecting');
    if (this.isVisitor) {
      const identity = this.#serially(async () => {
        // A setUser or reset that ran before the start already chose the stored token.
        const stored = this.#storage.get(this.#visitorStorageKey()) ?? undefined;
        this.#adopt(await this.#issueVisitor(stored ? { visitorToken: stored } : {}), false);
      });
      // Messages written from now on wait until what an earlier page left unsent is on its way.
      void this.#afterPersisted(async () => {
        await identity;
        await this.#replayPersisted();
      });
      await identity;
      if (!this.#options.storage) globalThis.addEventListener?.('storage', this.#onStorage);
    }
    if (this.#closed) return;
    const agentToken = this.#options.token;
    // A function, read on every (re)connection: a visitor's token changes with setUser and reset.
    const auth = (send: (data: object) => void) => send(agentToken ? { token: agentToken } : { visitorToken: this.#visitorToken_ });
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
      if (error.message === 'UNAUTHENTICATED' && this.isVisitor) {
        // The visitor token was revoked or belongs to another server's database. Another tab may have
        // stored its successor (a first login moves the visitor to a new token): try that; else start
        // over as a new visitor (the same user's, when the site vouched for one).
        void this.#serially(async () => {
          const stored = this.#storage.get(this.#visitorStorageKey());
          const successor = stored && stored !== this.#visitorToken_ ? stored : undefined;
          await this.#switchTo(await this.#issueVisitor({ visitorToken: successor, user: this.#user ?? undefined }));
          if (!socket.active) socket.connect();
        }).catch(() => {});
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
    socket.on('message.status', (event: ServerEvents['message.status']) =>
      this.store.update((state) => applyMessageStatus(state, event)),
    );
    socket.on('session.typing', (event: ServerEvents['session.typing']) => this.#onTyping(event));
    socket.on('webchat.queue', (position: ServerEvents['webchat.queue']) =>
      this.store.update((state) => setQueuePosition(state, position)),
    );
    this.listen(socket);
  }

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

  get #storage(): TokenStorage {
    return this.#options.storage ?? pageStorage;
  }

  #visitorStorageKey(): string {
    return `conecta:visitor:${this.server}#${this.#channelKey()}`;
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#identityChain.then(task, task);
    this.#identityChain = run.catch(() => {});
    return run;
  }

  /** A visitor token from the server; waits quietly while the server is unreachable. */
  async #issueVisitor(body: { visitorToken?: string; user?: WebchatUser }): Promise<IssuedVisitor> {
    for (;;) {
      try {
        return await requestJson<IssuedVisitor>(`${this.#channelUrl()}/visitors`, { body });
      } catch (error) {
        if (this.#closed || (error as ConectaError).code !== 'DISCONNECTED') throw error;
        // The outbox holds the commands meanwhile.
        this.#setStatus('connecting');
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  }

  /**
   * Take the visitor the server issued. When it is another person than the one held (another
   * contact), everything held of the previous one is dropped. Returns whether it is another person.
   */
  #adopt({ visitorToken, visitor }: IssuedVisitor, replay: boolean): boolean {
    this.#storage.set(this.#visitorStorageKey(), visitorToken);
    const previous = this.store.state.visitor;
    const another = previous !== null && previous.contactId !== visitor.contactId;
    if (another) {
      this.#forgetHeld();
      const persisted = this.#persisted;
      // The previous person's unsent messages can no longer be sent by this browser.
      if (persisted) void this.#afterPersisted(() => persisted.clear(previous.contactId));
    }
    this.store.update((state) => (another ? replaceVisitor(state, visitor) : { ...state, visitor }));
    if (replay && (another || previous === null)) void this.#afterPersisted(() => this.#replayPersisted());
    const tokenChanged = this.#visitorToken_ !== null && this.#visitorToken_ !== visitorToken;
    this.#visitorToken_ = visitorToken;
    if (tokenChanged && this.#socket && !this.#closed) {
      // Reconnect under the new token; the new person's sessions are loaded by the caller.
      if (another || previous === null) this.#connectedOnce = false;
      this.#socket.disconnect().connect();
      this.#setStatus('connecting');
    }
    return another || previous === null;
  }

  /** Adopt a visitor and, once the client runs, load its sessions (a brand-new visitor has none). */
  async #switchTo(issued: IssuedVisitor, load = true): Promise<void> {
    const newPerson = this.#adopt(issued, true);
    if (load && newPerson && this.#starting) await this.loadVisitorSessions();
  }

  /** Drop what belongs to the previous visitor: pending commands, followed sessions, pending events. */
  #forgetHeld(): void {
    this.#outbox.failAll({ code: 'DISCONNECTED', message: 'The visitor changed.' });
    this.forgetPending();
    this.followed.clear();
    this.#readSent.clear();
    for (const timer of this.#typingTimers.values()) clearTimeout(timer);
    this.#typingTimers.clear();
  }

  /** Another tab of the site changed the visitor (a login, a logout): follow it, so every tab shows one conversation. */
  #followOtherTab(event: StorageEvent): void {
    const key = this.#visitorStorageKey();
    if (event.key !== key || this.#closed) return;
    void this.#serially(async () => {
      // Read the value now, not the event's: several changes may have happened since.
      const token = this.#storage.get(key);
      if (!token || token === this.#visitorToken_) return;
      const issued = await this.#issueVisitor({ visitorToken: token });
      if (issued.visitorToken === token) await this.#switchTo(issued);
    }).catch(() => {});
  }

  #setStatus(connection: ConnectionStatus): void {
    this.store.update((state) => (state.connection === connection ? state : { ...state, connection }));
  }
}

function pendingOf({ id, sessionId, text, attachments, createdAt, authorId, authorName }: ClientMessage): PendingMessage {
  return { id, sessionId, text, attachments, createdAt, authorId, authorName };
}
