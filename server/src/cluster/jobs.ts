/** One run of a periodic job. */
export interface JobRun {
  /**
   * The first run on this node since it started or took the job over from another node: what the
   * job remembers of its own earlier runs here is stale (another node ran it meanwhile).
   */
  firstRun: boolean;
}

/**
 * Runs the server's periodic jobs (waiting expiry, the team-opening watch, …): on one node of the
 * cluster at a time (`LeasedJobs`), or here when this process is the only node (`LocalJobs`).
 */
export interface JobScheduler {
  /** Runs `job` now and every `everyMs` (0: never); a run is skipped while the previous one is under way. */
  every(name: string, everyMs: number, job: (run: JobRun) => Promise<unknown>): void;
  /** No more runs; resolves once the runs under way are done (and, in a cluster, the jobs are free for another node). */
  stop(): Promise<void>;
}

/** One node: every job runs here. */
export class LocalJobs implements JobScheduler {
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Set<Promise<unknown>>();
  #stopped = false;

  constructor(private readonly logError: (error: unknown, context: Record<string, unknown>) => void) {}

  every(name: string, everyMs: number, job: (run: JobRun) => Promise<unknown>): void {
    if (everyMs <= 0 || this.#stopped) return;
    let firstRun = true;
    let running: Promise<unknown> | undefined;
    const tick = () => {
      if (running || this.#stopped) return;
      running = job({ firstRun })
        .catch((error) => this.logError(error, { during: name }))
        .finally(() => {
          this.#running.delete(running!);
          running = undefined;
        });
      this.#running.add(running);
      firstRun = false;
    };
    tick();
    const timer = setInterval(tick, everyMs);
    timer.unref();
    this.#timers.push(timer);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    await Promise.all(this.#running);
  }
}
