import type { QueuePosition } from '../../../src/protocol/index.js';
import type { QueueEstimator } from '../domain/queue.js';
import { MemoryQueueTold, type QueueTold, type QueueToldStore } from './queue-told.js';
import { TeamChanges } from './team-changes.js';

/**
 * Tells webchat visitors where their waiting session stands (`webchat.queue`) when it changes.
 * Changes are gathered per team and recounted once per turn of the event loop, one team after the
 * other (so a newer count never goes out before an older one); a visitor hears only of a change. In a
 * cluster each node recounts the teams its commands changed, and what was told, and the order of
 * recounts, are shared (`RedisQueueTold`).
 */
export class QueueNotifier {
  readonly #changes = new TeamChanges(async (teams) => {
    for (const teamId of teams) await this.#recount(teamId).catch(this.log);
  });

  constructor(
    private readonly estimator: QueueEstimator,
    /** Sends the new position to the contact's visitors. */
    private readonly tell: (contactId: string, position: QueuePosition) => void,
    private readonly log: (error: unknown) => void,
    /** What each team's waiting webchat sessions were last told. */
    private readonly told: QueueToldStore = new MemoryQueueTold(),
  ) {}

  teamChanged(teamId: string): void {
    this.#changes.changed(teamId);
  }

  /** Resolves once the recounts asked for before this turn of the event loop are done (tests). */
  idle(): Promise<void> {
    return this.#changes.idle();
  }

  /** Stops telling (the server is closing) once the recount under way, if any, is done. */
  close(): Promise<void> {
    return this.#changes.close();
  }

  async #recount(teamId: string): Promise<void> {
    await this.told.alone(teamId, async () => {
      const standings = (await this.estimator.standings(teamId)).filter((standing) => standing.channel === 'webchat');
      const now = new Map<string, QueueTold>(standings.map((s) => [s.sessionId, { position: s.position, etaMs: s.etaMs }]));
      const changed = new Set(await this.told.exchange(teamId, now));
      // Told before the team is free for the next recount, so an older count never follows a newer one.
      for (const { sessionId, contactId, position, etaMs } of standings) {
        if (changed.has(sessionId)) this.tell(contactId, { sessionId, position, etaMs });
      }
    });
  }
}
