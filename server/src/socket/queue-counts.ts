import type { Repository } from '../db/repository.js';
import { TeamChanges } from './team-changes.js';

/**
 * Tells a team's agents how many sessions wait for the whole team (`queue.counts`) after its queue
 * changed. A desk holds only the first pages of a long queue, so it cannot count it itself. Changes
 * are gathered per team and counted once per turn of the event loop (a burst of arrivals costs one
 * count and one frame per agent), in order, so a newer count never goes out before an older one.
 */
export class QueueCounts {
  readonly #changes = new TeamChanges(async (teams) => {
    const counts = await this.repo.countWaiting(teams).catch((error: unknown) => {
      this.log(error);
      return null;
    });
    if (counts) for (const teamId of teams) this.tell(teamId, counts[teamId] ?? 0);
  });

  constructor(
    private readonly repo: Repository,
    private readonly tell: (teamId: string, waiting: number) => void,
    private readonly log: (error: unknown) => void,
  ) {}

  teamChanged(teamId: string): void {
    this.#changes.changed(teamId);
  }

  /** Stops counting (the server is closing) once the count under way, if any, is done. */
  close(): Promise<void> {
    return this.#changes.close();
  }
}
