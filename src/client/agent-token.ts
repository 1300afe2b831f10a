/**
 * An agent token and when it stops working (ms since the epoch, the server's clock). `AgentSignOn`
 * (what `/api/auth/login` and `/api/auth/token` answer) is one.
 */
export interface AgentToken {
  token: string;
  expiresAt: number;
}

/** The host page's way to get a fresh agent token, e.g. from its own back end (see docs/crm.md). */
export type GetToken = () => Promise<AgentToken>;

/** When, as a share of its lifetime, a token is replaced: early enough for a slow back end and retries. */
export const RENEW_AT_SHARE = 0.8;
/** The first retry after a failed renewal waits this long, each next one twice as long… */
export const FIRST_RETRY_MS = 1_000;
/** …up to this. */
export const MAX_RETRY_MS = 30_000;
/** A held token this close to its expiry is not used for a new connection: it would end at once. */
const MIN_VALIDITY_MS = 5_000;
/** setTimeout fires at once past 2^31 - 1 ms (about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Keeps an agent's token fresh: asks `getToken` for the first one, then again at 80 % of each
 * token's lifetime, and hands every new token to `swap` (the client's `auth.refresh` on its socket).
 * A failed renewal (the back end or the command) is retried with exponential backoff; should the
 * token expire meanwhile, the server says so with `auth.ended` and the client starts over.
 *
 * A module of its own that only `ConectaClient` imports: the webchat's bundle carries none of it.
 */
export class AgentTokenRenewal {
  readonly #getToken: GetToken;
  readonly #swap: (token: string) => Promise<number | undefined>;
  #held: AgentToken | null = null;
  #asking: Promise<AgentToken> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #stopped = false;

  /**
   * `swap`: put the new token in place of the old one; resolves with the expiry the server gives it
   * (or undefined to keep the one `getToken` gave, e.g. when there is no socket to swap it on).
   */
  constructor(getToken: GetToken, swap: (token: string) => Promise<number | undefined>) {
    this.#getToken = getToken;
    this.#swap = swap;
  }

  /** The token held now, if any (for HTTP requests such as uploads). */
  get token(): string | undefined {
    return this.#held?.token;
  }

  /** Failed renewals in a row since the last success (0 when all is well). */
  get failures(): number {
    return this.#failures;
  }

  /** The token for a (re)connection: the one held while it has some life left, else a new one. */
  async forHandshake(): Promise<string> {
    const held = this.#held;
    if (held && held.expiresAt - Date.now() > MIN_VALIDITY_MS) return held.token;
    const fresh = await this.#ask();
    this.#failures = 0;
    return fresh.token;
  }

  /** The server ended the held token (`auth.ended`): the next handshake asks for a new one. */
  discard(): void {
    this.#held = null;
    clearTimeout(this.#timer);
  }

  /** The client closed: no more renewals. */
  stop(): void {
    this.#stopped = true;
    this.discard();
  }

  /** One `getToken()` at a time, however many handshakes wait for it. */
  #ask(): Promise<AgentToken> {
    this.#asking ??= this.#getToken()
      .then((answer) => {
        if (typeof answer?.token !== 'string' || !answer.token || !Number.isFinite(answer.expiresAt)) {
          throw new TypeError('getToken() must resolve with {token, expiresAt}.');
        }
        this.#adopt({ token: answer.token, expiresAt: answer.expiresAt });
        return answer;
      })
      .finally(() => {
        this.#asking = null;
      });
    return this.#asking;
  }

  #adopt(token: AgentToken): void {
    this.#held = token;
    this.#schedule((token.expiresAt - Date.now()) * RENEW_AT_SHARE);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#renew(), Math.min(Math.max(delayMs, 0), MAX_DELAY_MS));
  }

  async #renew(): Promise<void> {
    try {
      const next = await this.#ask();
      const expiresAt = await this.#swap(next.token);
      if (expiresAt !== undefined && this.#held?.token === next.token) this.#adopt({ token: next.token, expiresAt });
      this.#failures = 0;
    } catch {
      if (this.#stopped) return;
      this.#failures += 1;
      this.#schedule(Math.min(FIRST_RETRY_MS * 2 ** (this.#failures - 1), MAX_RETRY_MS));
    }
  }
}
