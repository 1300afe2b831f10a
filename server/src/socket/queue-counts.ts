import type { Repository } from '../db/repository.js';

/**
 * Tells a team's agents how many sessions wait for the whole team (`queue.counts`) after its queue
 * changed. A desk holds only the first pages of a long queue, so it cannot count it itself. Changes
 * are gathered per team and counted once per turn of the event loop (a burst of arrivals costs one
 * count and one frame per agent), in order, so a newer count never goes out before an older one.
 */
export class QueueCounts {
  readonly #dirty = new Set<string>();
  #scheduled = false;
  #closed = false;
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly repo: Repository,
    private readonly tell: (teamId: string, waiting: number) => void,
    private readonly log: (error: unknown) => void,
  ) {}

  teamChanged(teamId: string): void {
    if (this.#closed) return;
    this.#dirty.add(teamId);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#closed) return;
      const teams = [...this.#dirty];
      this.#dirty.clear();
      this.#tail = this.#tail.then(async () => {
        if (this.#closed) return;
        const counts = await this.repo.countWaiting(teams).catch((error: unknown) => {
          this.log(error);
          return null;
        });
        for (const teamId of teams) if (counts) this.tell(teamId, counts[teamId] ?? 0);
      });
    });
  }

  /** Stops counting (the server is closing) once the count under way, if any, is done. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#tail;
  }
}
