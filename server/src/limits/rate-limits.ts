import { CommandError } from '../domain/errors.js';
import { clientAddress } from './client-address.js';
import type { BucketKey, RateRule, TokenBucketStore } from './token-buckets.js';

/** Limits of one kind of action at each scope an abuser could otherwise multiply. */
export interface ScopedRules {
  perVisitor: RateRule;
  perAddress: RateRule;
  perChannel: RateRule;
}

/**
 * Every rate limit of the server (docs/protocol.md, "Rate limits"). Per socket alone would be
 * bypassed by opening more sockets, so commands count per identity, and what anonymous visitors
 * can create counts per visitor, per client address and per webchat channel.
 */
export interface RateLimits {
  /** Commands of one identity (an agent or a visitor), across all its sockets. */
  commands: RateRule;
  /** `POST /api/webchat/:key/visitors`, per client address and per channel. */
  visitorTokens: Omit<ScopedRules, 'perVisitor'>;
  /** `webchat.start`. */
  sessions: ScopedRules;
  /** A visitor's `message.send`. */
  messages: ScopedRules;
  /**
   * `POST /api/auth/token` (CRM sign-on): every request per client address and per API key, and, like
   * failed logins, requests with an unknown or revoked key per address, far more strictly.
   */
  signOns: { perAddress: RateRule; perKey: RateRule; failuresPerAddress: RateRule };
  /** `POST /api/auth/password-reset`, per client address (each agent also gets at most a few reset mails an hour). */
  passwordResets: { perAddress: RateRule };
  /** `POST /api/auth/password`, per client address. */
  passwordSets: { perAddress: RateRule };
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  commands: { perSecond: 20, burst: 40 },
  // An office behind one address may hold many visitors: a generous burst, then one every 2 s.
  visitorTokens: { perAddress: { perSecond: 0.5, burst: 30 }, perChannel: { perSecond: 50, burst: 500 } },
  sessions: {
    perVisitor: { perSecond: 1 / 60, burst: 3 },
    perAddress: { perSecond: 0.2, burst: 20 },
    perChannel: { perSecond: 10, burst: 200 },
  },
  messages: {
    perVisitor: { perSecond: 2, burst: 20 },
    perAddress: { perSecond: 10, burst: 60 },
    perChannel: { perSecond: 200, burst: 2000 },
  },
  // A CRM signs in its whole staff at opening time from one address with one key: a generous burst.
  signOns: {
    perAddress: { perSecond: 10, burst: 300 },
    perKey: { perSecond: 10, burst: 300 },
    failuresPerAddress: { perSecond: 0.1, burst: 10 },
  },
  passwordResets: { perAddress: { perSecond: 1 / 60, burst: 5 } },
  passwordSets: { perAddress: { perSecond: 1 / 6, burst: 10 } },
};

export type RateLimitChanges = { [K in keyof RateLimits]?: Partial<RateLimits[K]> };

/** The defaults with some rules replaced (a test's, or a deployment's). */
export function rateLimitsWith(changes: RateLimitChanges = {}): RateLimits {
  return {
    commands: { ...DEFAULT_RATE_LIMITS.commands, ...changes.commands },
    visitorTokens: { ...DEFAULT_RATE_LIMITS.visitorTokens, ...changes.visitorTokens },
    sessions: { ...DEFAULT_RATE_LIMITS.sessions, ...changes.sessions },
    messages: { ...DEFAULT_RATE_LIMITS.messages, ...changes.messages },
    signOns: { ...DEFAULT_RATE_LIMITS.signOns, ...changes.signOns },
    passwordResets: { ...DEFAULT_RATE_LIMITS.passwordResets, ...changes.passwordResets },
    passwordSets: { ...DEFAULT_RATE_LIMITS.passwordSets, ...changes.passwordSets },
  };
}

/**
 * The server's rate limits on one bucket store, and how it tells client addresses apart (see
 * `clientAddress`). HTTP routes and the socket dispatcher share one, so their counts are one.
 */
export class RateLimiter {
  constructor(
    readonly limits: RateLimits,
    private readonly store: TokenBucketStore,
    private readonly trustedProxyHops: number,
  ) {}

  /** Takes a token from each bucket, or none and throws RATE_LIMITED with the time until all have one. */
  async charge(charges: readonly BucketKey[]): Promise<void> {
    const retryAfterMs = await this.store.take(charges);
    if (retryAfterMs > 0) throw rateLimited(retryAfterMs);
  }

  addressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
    return clientAddress(socketAddress, forwardedFor, this.trustedProxyHops);
  }
}

export function rateLimited(retryAfterMs: number, message = 'Too many requests. Wait and retry.'): CommandError {
  return new CommandError('RATE_LIMITED', `${message} Retry in ${Math.ceil(retryAfterMs / 1000)} s.`, undefined, retryAfterMs);
}

/** The buckets of a scoped action (`sessions:address:203.0.113.7`, …). */
export function scopedCharges(
  action: string,
  rules: ScopedRules,
  scope: { visitorId: string; address: string; channelKey: string },
): BucketKey[] {
  return [
    { key: `${action}:visitor:${scope.visitorId}`, rule: rules.perVisitor },
    { key: `${action}:address:${scope.address}`, rule: rules.perAddress },
    { key: `${action}:channel:${scope.channelKey}`, rule: rules.perChannel },
  ];
}
