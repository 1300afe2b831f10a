import type { Agent } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError } from './errors.js';
import type { Clock } from './events.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

/** Agent login with e-mail + password, opaque revocable tokens, and throttling of failures (LoginThrottle). */
export class AuthService {
  // Verified against when the e-mail is unknown, so both failures take the same time.
  readonly #decoy = hashPassword('not a real password');
  readonly #throttle: LoginThrottle;

  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
  ) {
    this.#throttle = new LoginThrottle(repo, now);
  }

  /**
   * `address`: the client's, as the rate limits tell it (server/src/limits/client-address.ts). Logins
   * from one address run one at a time (check, verify, record), so guesses sent all at once are
   * throttled as if sent one by one instead of all passing the check before any failure is counted.
   */
  login(rawEmail: string, password: string, address: string): Promise<{ token: string; agent: Agent }> {
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

  async #login(rawEmail: string, password: string, address: string): Promise<{ token: string; agent: Agent }> {
    const email = rawEmail.trim().toLowerCase();
    await this.#throttle.check(email, address);

    const account = await this.repo.findAgentAccountByEmail(email);
    const decoy = await this.#decoy;
    const valid = account
      ? await verifyPassword(password, account.passwordHash, account.passwordSalt)
      : (await verifyPassword(password, decoy.hash, decoy.salt), false);

    if (!account || !valid) {
      await this.#throttle.recordFailure(email, address);
      throw new CommandError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }

    // Stand-in until wip/auth's own check: a deactivated agent keeps its password but may not log in.
    if (!(await this.repo.admin.agents.get(account.id))?.active) throw new CommandError('UNAUTHENTICATED', 'This account is deactivated.');
    const token = newToken('tok');
    await this.#throttle.recordSuccess(email, address);
    await this.repo.insertAuthToken(hashToken(token), account.id, this.now());
    const { passwordHash: _hash, passwordSalt: _salt, ...agent } = account;
    return { token, agent };
  }

  /** Revokes the token; false when it was not valid (already revoked or never issued). */
  async logout(token: string): Promise<boolean> {
    return this.repo.deleteAuthToken(hashToken(token));
  }

  /** The agent a token belongs to, or null. */
  async authenticate(token: string): Promise<{ agentId: string; tokenHash: string } | null> {
    const tokenHash = hashToken(token);
    const agentId = await this.repo.findAgentIdByTokenHash(tokenHash);
    return agentId ? { agentId, tokenHash } : null;
  }
}
