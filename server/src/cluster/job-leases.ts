import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobRun, JobScheduler } from './jobs.js';
import { RedisScript, type RedisScriptClient } from './redis-scripts.js';

/** Takes the lease if free (SET NX PX) or renews it if this node holds it; 1 when held. KEYS: lease; ARGV: node, ms. */
const HOLD = new RedisScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`);

/** Frees the lease if this node still holds it (never another's that took it after ours expired). */
const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** How long `stop` waits for the runs under way and for Redis to free the leases; past it, they expire by themselves. */
const STOP_WAIT_MS = 5_000;

/** A lease outlives this many periods unrenewed: a holder survives a missed tick or two (a busy event loop). */
const LEASE_PERIODS = 3;

/**
 * Periodic jobs run by one node of the cluster at a time. Every node ticks; at each tick a node
 * takes the job's lease in Redis if it is free or renews it if it holds it, and runs the job only
 * then. A node that stops frees its leases, and the next node to tick takes them over; a node that
 * dies (or loses Redis) stops renewing, and its leases expire after LEASE_PERIODS periods. A job
 * whose run outlasts its lease may then run on two nodes at once: every job given here must be
 * safe to run twice (each is an idempotent, compare-and-set update of the database).
 */
export class LeasedJobs implements JobScheduler {
  /** Who holds a lease, as Redis shows it (`redis-cli GET conecta:lease:expire-waiting`). */
  readonly nodeId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Set<Promise<unknown>>();
  readonly #held = new Set<string>();
  #stopped = false;

  constructor(
    private readonly client: RedisScriptClient,
    /** Before every key, e.g. `conecta:`; the leases are `<prefix>lease:<job>`. */
    private readonly keyPrefix: string,
    private readonly logError: (error: unknown, context: Record<string, unknown>) => void,
    private readonly stopWaitMs = STOP_WAIT_MS,
  ) {}

  every(name: string, everyMs: number, job: (run: JobRun) => Promise<unknown>): void {
    if (everyMs <= 0 || this.#stopped) return;
    const key = `${this.keyPrefix}lease:${name}`;
    let running: Promise<unknown> | undefined;
    const tick = () => {
      if (running || this.#stopped) return;
      running = this.#runIfHeld(key, everyMs * LEASE_PERIODS, job)
        .catch((error) => this.logError(error, { during: name }))
        .finally(() => {
          this.#running.delete(running!);
          running = undefined;
        });
      this.#running.add(running);
    };
    tick();
    const timer = setInterval(tick, everyMs);
    timer.unref();
    this.#timers.push(timer);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    // Bounded: with Redis away, a tick (or the release) would wait for it, and a node must still stop.
    await withDeadline(
      (async () => {
        await Promise.all(this.#running);
        await Promise.all([...this.#held].map((key) => RELEASE.run(this.client, [key], [this.nodeId]).catch(() => undefined)));
      })(),
      this.stopWaitMs,
    );
    this.#held.clear();
  }

  async #runIfHeld(key: string, leaseMs: number, job: (run: JobRun) => Promise<unknown>): Promise<void> {
    const heldBefore = this.#held.has(key);
    // Until Redis answers, this node does not know it holds the lease: it runs nothing.
    this.#held.delete(key);
    if (Number(await HOLD.run(this.client, [key], [this.nodeId, leaseMs])) !== 1) return;
    this.#held.add(key);
    if (this.#stopped) return;
    await job({ firstRun: !heldBefore });
  }
}

async function withDeadline(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
