import type { Agent } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError } from './errors.js';
import type { Clock } from './events.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;
export const LOGIN_LOCK_MS = 15 * 60_000;

const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

/** Agent login with e-mail + password, opaque revocable tokens, and a lock after repeated failures. */
export class AuthService {
  // Verified against when the e-mail is unknown, so both failures take the same time.
  readonly #decoy = hashPassword('not a real password');

  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
  ) {}

  async login(rawEmail: string, password: string): Promise<{ token: string; agent: Agent }> {
    const email = rawEmail.trim().toLowerCase();
    await this.#refuseWhileLocked(email);

    const account = await this.repo.findAgentAccountByEmail(email);
    const decoy = await this.#decoy;
    const valid = account
      ? await verifyPassword(password, account.passwordHash, account.passwordSalt)
      : (await verifyPassword(password, decoy.hash, decoy.salt), false);

    if (!account || !valid) {
      const locked = await this.repo.transaction(async (tx) => {
        const at = this.now();
        await tx.recordLoginFailure(email, at);
        if ((await tx.countLoginFailuresSince(email, at - LOGIN_FAILURE_WINDOW_MS)) < MAX_LOGIN_FAILURES) return false;
        await tx.setLoginLockedUntil(email, at + LOGIN_LOCK_MS);
        await tx.clearLoginFailures(email);
        return true;
      });
      if (locked) throw lockedError(LOGIN_LOCK_MS);
      throw new CommandError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }

    const token = newToken('tok');
    await this.repo.transaction(async (tx) => {
      await tx.clearLoginFailures(email);
      await tx.insertAuthToken(hashToken(token), account.id, this.now());
    });
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

  async #refuseWhileLocked(email: string): Promise<void> {
    const lockedUntil = await this.repo.getLoginLockedUntil(email);
    const remaining = lockedUntil === null ? 0 : lockedUntil - this.now();
    if (remaining > 0) throw lockedError(remaining);
  }
}

function lockedError(remainingMs: number): CommandError {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return new CommandError(
    'RATE_LIMITED',
    `Too many failed logins for this e-mail. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}
