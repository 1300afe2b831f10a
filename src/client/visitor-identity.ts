import type { WebchatUser } from '../protocol/entities.js';
import type { ConectaError } from '../protocol/errors.js';
import type { HttpApi } from '../protocol/http.js';
import { requestJson } from './http.js';
import { replaceVisitor } from './reducers.js';
import type { Store } from './store.js';
import type { VisitorOutbox } from './visitor-outbox.js';
import { pageStorage, type TokenStorage } from './visitor-token.js';

type VisitorRequest = HttpApi['/api/webchat/:key/visitors'];
type IssuedVisitor = VisitorRequest['response'];

/** What the identity asks of the client it belongs to. */
export interface VisitorIdentityHost {
  readonly store: Store;
  /** The server is unreachable for now: the client shows it is (re)connecting. */
  waitForServer(): void;
  /** Another person: drop what is held of the previous one (pending commands, followed sessions). */
  forgetHeld(): void;
  /** The token changed: reconnect the socket, if it runs, under the new one (`newPerson`: as on a first connection). */
  reconnect(newPerson: boolean): void;
  /** Load a new person's sessions, once the client runs. */
  loadSessions(): Promise<void> | undefined;
}

/**
 * Who a webchat visitor is: the visitor token the server issues, kept in the page's storage between
 * loads, and its changes — a site's verified user (`setUser`), a logout (`reset`), another tab's
 * change followed, a revoked token replaced. Changes run one at a time.
 */
export class VisitorIdentity {
  readonly #host: VisitorIdentityHost;
  readonly #outbox: VisitorOutbox;
  readonly #url: string;
  readonly #key: string;
  readonly #storage: TokenStorage;
  /** Identity changes (start, setUser, reset) run one at a time. */
  #chain: Promise<unknown> = Promise.resolve();
  /** The site's verified user, sent again if the server forgets the visitor token. */
  #user: WebchatUser | null = null;
  #token: string | null = null;
  #closed = false;
  readonly #onStorage = (event: StorageEvent) => this.#followOtherTab(event);

  constructor(host: VisitorIdentityHost, outbox: VisitorOutbox, channelUrl: string, storageKey: string, storage?: TokenStorage) {
    this.#host = host;
    this.#outbox = outbox;
    this.#url = `${channelUrl}/visitors`;
    this.#key = storageKey;
    this.#storage = storage ?? pageStorage;
  }

  /** The visitor token held, sent with every connection and upload. */
  get token(): string | null {
    return this.#token;
  }

  /** Take the stored visitor (or a new one); from then on, follow what other tabs change. */
  start(): Promise<void> {
    const started = this.#serially(async () => {
      // A setUser or reset that ran before the start already chose the stored token.
      const stored = this.#storage.get(this.#key) ?? undefined;
      this.#adopt(await this.#issue(stored ? { visitorToken: stored } : {}), false);
      // Other tabs are heard through storage events: only when the token lives in the page's own storage.
      // Not once closed meanwhile: close() removed a listener that was not there yet.
      if (!this.#closed && this.#storage === pageStorage) globalThis.addEventListener?.('storage', this.#onStorage);
    });
    // Messages written from now on wait until what an earlier page left unsent is on its way.
    void this.#outbox.after(async () => {
      await started;
      await this.#outbox.replay();
    });
    return started;
  }

  setUser(user: WebchatUser | null): Promise<void> {
    return this.#serially(async () => {
      const stored = this.#storage.get(this.#key) ?? undefined;
      if (user === null) {
        this.#user = null;
        // Not started yet: ask the server who the stored token is.
        const current = this.#host.store.state.visitor ?? (stored ? (await this.#issue({ visitorToken: stored })).visitor : null);
        if (!current?.userId) return;
        this.#storage.remove(this.#key);
        await this.#switchTo(await this.#issue({}), false);
        return;
      }
      // Refused (IDENTITY_REJECTED): this throws before anything changed.
      const issued = await this.#issue({ visitorToken: stored, user });
      this.#user = user;
      await this.#switchTo(issued);
    });
  }

  reset(): Promise<void> {
    return this.#serially(async () => {
      // Forget at once (a site's logout): nothing of the previous person may stay on screen.
      this.#user = null;
      this.#storage.remove(this.#key);
      this.#host.forgetHeld();
      this.#host.store.update((state) => replaceVisitor(state, null));
      this.#outbox.clear();
      await this.#switchTo(await this.#issue({}), false);
    });
  }

  /**
   * The server refused the token (revoked, or another server's database). Another tab may have stored
   * its successor (a first login moves the visitor to a new token): take that; else start over as a
   * new visitor (the same user's, when the site vouched for one).
   */
  replaceRefused(): Promise<void> {
    return this.#serially(async () => {
      const stored = this.#storage.get(this.#key);
      const successor = stored && stored !== this.#token ? stored : undefined;
      await this.#switchTo(await this.#issue({ visitorToken: successor, user: this.#user ?? undefined }));
    });
  }

  close(): void {
    this.#closed = true;
    globalThis.removeEventListener?.('storage', this.#onStorage);
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(task, task);
    this.#chain = run.catch(() => {});
    return run;
  }

  /** A visitor token from the server; waits quietly while the server is unreachable, or as long as RATE_LIMITED says. */
  async #issue(body: VisitorRequest['request']): Promise<IssuedVisitor> {
    for (;;) {
      try {
        return await requestJson<IssuedVisitor>(this.#url, { body });
      } catch (error) {
        const { code, retryAfterMs } = error as ConectaError;
        if (this.#closed || !(code === 'DISCONNECTED' || (code === 'RATE_LIMITED' && retryAfterMs))) throw error;
        this.#host.waitForServer(); // the outbox holds the commands meanwhile
        await new Promise((resolve) => setTimeout(resolve, retryAfterMs ?? 2_000));
      }
    }
  }

  /**
   * Take the visitor the server issued. When it is another person than the one held (another
   * contact), everything held of the previous one is dropped. Returns whether it is another person.
   */
  #adopt({ visitorToken, visitor }: IssuedVisitor, replay: boolean): boolean {
    const host = this.#host;
    this.#storage.set(this.#key, visitorToken);
    const previous = host.store.state.visitor;
    const another = previous !== null && previous.contactId !== visitor.contactId;
    if (another) {
      host.forgetHeld();
      // The previous person's unsent messages can no longer be sent by this browser.
      this.#outbox.clear(previous.contactId);
    }
    host.store.update((state) => (another ? replaceVisitor(state, visitor) : { ...state, visitor }));
    const newPerson = another || previous === null;
    if (replay && newPerson) void this.#outbox.after(() => this.#outbox.replay());
    const tokenChanged = this.#token !== null && this.#token !== visitorToken;
    this.#token = visitorToken;
    // Reconnect under the new token; the new person's sessions are loaded by the caller.
    if (tokenChanged && !this.#closed) host.reconnect(newPerson);
    return newPerson;
  }

  /** Adopt a visitor and, once the client runs, load its sessions (a brand-new visitor has none). */
  async #switchTo(issued: IssuedVisitor, load = true): Promise<void> {
    if (this.#adopt(issued, true) && load) await this.#host.loadSessions();
  }

  /** Another tab of the site changed the visitor (a login, a logout): follow it, so every tab shows one conversation. */
  #followOtherTab(event: StorageEvent): void {
    if (event.key !== this.#key || this.#closed) return;
    void this.#serially(async () => {
      // Read the value now, not the event's: several changes may have happened since.
      const token = this.#storage.get(this.#key);
      if (!token || token === this.#token) return;
      const issued = await this.#issue({ visitorToken: token });
      if (issued.visitorToken === token) await this.#switchTo(issued);
    }).catch(() => {});
  }
}
