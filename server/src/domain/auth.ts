import type { AgentSignOn, AuthEndReason } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError } from './errors.js';
import type { Clock } from './events.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

/** How long a token from a password login works: a working day and then some. */
export const DEFAULT_TOKEN_TTL_MS = 12 * 60 * 60_000;

/**
 * Ends the open sockets of tokens that stopped working: each gets `auth.ended {reason}` and is then
 * closed (server/src/socket/token-sockets.ts). The domain says which tokens; the socket layer finds
 * their sockets, on every node.
 */
export interface TokenSockets {
  end(tokenHashes: readonly string[], reason: AuthEndReason): void;
  /** Whether the agent has a socket open with a token other than this one (another device still at work). */
  connectedElsewhere(agentId: string, tokenHash: string): Promise<boolean>;
}

/** A valid token: whose it is, its hash (its sockets' room) and when it stops working. */
export interface AuthenticatedToken {
  agentId: string;
  tokenHash: string;
  expiresAt: number;
}

/** Agent login with e-mail + password, opaque tokens that expire and are revocable, and throttling of failures (LoginThrottle). */
export class AuthService {
  // Verified against when the e-mail is unknown, so both failures take the same time.
  readonly #decoy = hashPassword('not a real password');
  readonly #throttle: LoginThrottle;

  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly sockets: TokenSockets,
    private readonly tokenTtlMs = DEFAULT_TOKEN_TTL_MS,
    /** The agent logged out or lost every token: it is offline (AvailabilityService.loggedOut). */
    private readonly loggedOut: (agentId: string) => Promise<unknown> = async () => {},
  ) {
    this.#throttle = new LoginThrottle(repo, now);
  }

  /**
   * `address`: the client's, as the rate limits tell it (server/src/limits/client-address.ts). Logins
   * from one address run one at a time (check, verify, record), so guesses sent all at once are
   * throttled as if sent one by one instead of all passing the check before any failure is counted.
   */
  login(rawEmail: string, password: string, address: string): Promise<AgentSignOn> {
    const attempt = () => this.#login(rawEmail, password, address);
    const run = (this.#loginsByAddress.get(address) ?? Promise.resolve()).then(attempt, attempt);
    const settled = run.then(
      () => {},
      () => {},
    );
    this.#loginsByAddress.set(address, settled);
    void settled.then(() => {
      if (this.#loginsByAddress.get(address) === settled) this.#loginsByAddress.delete(address);
    });
    return run;
  }

  readonly #loginsByAddress = new Map<string, Promise<void>>();

  async #login(rawEmail: string, password: string, address: string): Promise<AgentSignOn> {
    const email = rawEmail.trim().toLowerCase();
    await this.#throttle.check(email, address);

    const account = await this.repo.findAgentAccountByEmail(email);
    const decoy = await this.#decoy;
    const valid = account
      ? await verifyPassword(password, account.passwordHash, account.passwordSalt)
      : (await verifyPassword(password, decoy.hash, decoy.salt), false);

    // A deactivated agent gets the same answer as a wrong password: nothing to learn about the account.
    if (!account || !valid || !account.active) {
      await this.#throttle.recordFailure(email, address);
      throw new CommandError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }

    await this.#throttle.recordSuccess(email, address);
    const { token, expiresAt } = await this.issueToken(account.id, this.tokenTtlMs, null);
    const { passwordHash: _hash, passwordSalt: _salt, active: _active, externalId: _externalId, ...agent } = account;
    return { token, expiresAt, agent };
  }

  /** A new token of the agent that works for `ttlMs`; `apiKeyId`: the API key it is issued through (revoked with it). */
  async issueToken(agentId: string, ttlMs: number, apiKeyId: string | null): Promise<{ token: string; expiresAt: number }> {
    const token = newToken('tok');
    const createdAt = this.now();
    const expiresAt = createdAt + ttlMs;
    await this.repo.insertAuthToken({ tokenHash: hashToken(token), agentId, createdAt, expiresAt, apiKeyId });
    return { token, expiresAt };
  }

  /** Revokes the token and ends its sockets; false when it was not valid (already revoked or never issued). */
  async logout(token: string): Promise<boolean> {
    const tokenHash = hashToken(token);
    const found = await this.repo.findAuthToken(tokenHash);
    const deleted = await this.repo.deleteAuthToken(tokenHash);
    if (deleted) this.sockets.end([tokenHash], 'revoked');
    // Logging out of one device leaves the agent at work on another: only the last one makes it offline.
    if (deleted && found && !(await this.sockets.connectedElsewhere(found.agentId, tokenHash))) await this.loggedOut(found.agentId);
    return deleted;
  }

  /**
   * Revokes every token of the agent: each of their open sockets gets `auth.ended {reason}` and is
   * closed. `deactivated` when an admin deactivates the agent, `revoked` otherwise. `exceptTokenHash`:
   * the one token kept (the agent changing its password keeps the session it did it from).
   */
  async revokeAgent(agentId: string, reason: AuthEndReason, exceptTokenHash?: string): Promise<void> {
    this.sockets.end(await this.repo.deleteAgentAuthTokens(agentId, exceptTokenHash), reason);
    // With one token kept, the agent is still at work.
    if (exceptTokenHash === undefined) await this.loggedOut(agentId);
  }

  /** The token's agent and expiry, or null when it is unknown, revoked, expired, or its agent is deactivated. */
  async authenticate(token: string): Promise<AuthenticatedToken | null> {
    const tokenHash = hashToken(token);
    const found = await this.repo.findAuthToken(tokenHash);
    if (!found || !found.agentActive || found.expiresAt <= this.now()) return null;
    return { agentId: found.agentId, tokenHash, expiresAt: found.expiresAt };
  }

  /**
   * Why a token that was valid at a socket's handshake no longer is, or null while it still works:
   * it was deleted (`revoked`: logout, an API key revoked, possibly by another process such as
   * `conecta-server apply` or another node) or its agent was deactivated.
   */
  async endedReason(tokenHash: string): Promise<'revoked' | 'deactivated' | null> {
    const found = await this.repo.findAuthToken(tokenHash);
    if (!found) return 'revoked';
    return found.agentActive ? null : 'deactivated';
  }

  /** Deletes the rows of tokens that expired (their sockets are closed by the sweep, server/src/socket/token-expiry-sweep.ts). */
  async forgetExpiredTokens(): Promise<number> {
    return this.repo.deleteExpiredAuthTokens(this.now());
  }
}
