import type { Repository } from '../db/repository.js';
import { rateLimited } from '../limits/rate-limits.js';
import type { Clock } from './events.js';

/** Failures of one account from one address that cost nothing: typos. */
const FREE_LOGIN_FAILURES = 3;
/** The wait after the first failure past the free ones; each further failure doubles it, up to the maximum. */
const LOGIN_FIRST_DELAY_MS = 1_000;
const LOGIN_MAX_DELAY_MS = 15 * 60_000;
/** An account's failures at an address are forgotten a day after the last one (and at once on a success). */
const LOGIN_FAILURE_MEMORY_MS = 24 * 60 * 60_000;
/** Failed logins an address may make across all accounts within the window: guessing many accounts' passwords. */
export const LOGIN_FAILURES_PER_ADDRESS = 30;
const LOGIN_ADDRESS_WINDOW_MS = 15 * 60_000;

/** How long an account waits at an address after its `failures`-th consecutive failure there. */
function loginDelayMs(failures: number): number {
  if (failures <= FREE_LOGIN_FAILURES) return 0;
  return Math.min(LOGIN_MAX_DELAY_MS, LOGIN_FIRST_DELAY_MS * 2 ** (failures - FREE_LOGIN_FAILURES - 1));
}

/**
 * Login throttling after OWASP's authentication cheat sheet: failures count per account *and*
 * client address, with growing delays, so an attacker slows only itself and the owner still gets in
 * from its own address; and an address guessing across many accounts meets a ceiling. No lock: a
 * delayed attempt is refused before its password is checked, and not counted. The counts live in the
 * database, so every node sees the same; a failure adds one in a single upsert (`failures + 1`), so
 * failures on two nodes at once are both counted.
 */
export class LoginThrottle {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
  ) {}

  /** RATE_LIMITED, with the time left, while the account waits at this address or the address is at its ceiling. */
  async check(email: string, address: string): Promise<void> {
    const at = this.now();
    const [failures, recent] = await Promise.all([
      this.#failures(email, address, at),
      this.repo.addressLoginFailuresSince(address, at - LOGIN_ADDRESS_WINDOW_MS),
    ]);
    const accountWait = failures ? failures.lastAt + loginDelayMs(failures.count) - at : 0;
    const addressWait =
      recent.count >= LOGIN_FAILURES_PER_ADDRESS && recent.oldestAt !== null ? recent.oldestAt + LOGIN_ADDRESS_WINDOW_MS - at : 0;
    const wait = Math.max(accountWait, addressWait);
    if (wait > 0) throw rateLimited(wait, 'Too many failed logins from this address.');
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const at = this.now();
    await this.repo.transaction(async (tx) => {
      const previous = await tx.getLoginFailures(email, address);
      if (previous && isForgotten(previous, at)) await tx.clearLoginFailures(email, address);
      await tx.recordLoginFailure(email, address, at, at - LOGIN_ADDRESS_WINDOW_MS);
    });
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.repo.clearLoginFailures(email, address);
  }

  /** The account's failures at the address, unless forgotten. */
  async #failures(email: string, address: string, at: number) {
    const failures = await this.repo.getLoginFailures(email, address);
    return failures && !isForgotten(failures, at) ? failures : null;
  }
}

const isForgotten = (failures: { lastAt: number }, at: number) => at - failures.lastAt >= LOGIN_FAILURE_MEMORY_MS;
