import type { QueuePosition } from '../../../src/protocol/index.js';
import type { QueueEstimator } from '../domain/queue.js';

type Told = { position: number; etaMs: number | null };

/**
 * Tells webchat visitors where their waiting session stands (`webchat.queue`) when it changes.
 * Changes are gathered per team and recounted once per turn of the event loop, one team after the
 * other (so a newer count never goes out before an older one); a visitor hears only of a change.
 */
export class QueueNotifier {
  readonly #dirty = new Set<string>();
  /** Per team: what each of its waiting webchat sessions was last told. */
  readonly #told = new Map<string, Map<string, Told>>();
  #scheduled = false;
  #closed = false;
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly estimator: QueueEstimator,
    /** Sends the new position to the contact's visitors. */
    private readonly tell: (contactId: string, position: QueuePosition) => void,
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
        for (const teamId of teams) await this.#recount(teamId).catch(this.log);
      });
    });
  }

  /** Stops telling (the server is closing) once the recount under way, if any, is done. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#tail;
  }

  async #recount(teamId: string): Promise<void> {
    const before = this.#told.get(teamId) ?? new Map<string, Told>();
    const now = new Map<string, Told>();
    for (const standing of await this.estimator.standings(teamId)) {
      if (standing.channel !== 'webchat') continue;
      const told = { position: standing.position, etaMs: standing.etaMs };
      now.set(standing.sessionId, told);
      const last = before.get(standing.sessionId);
      if (last && last.position === told.position && last.etaMs === told.etaMs) continue;
      this.tell(standing.contactId, { sessionId: standing.sessionId, ...told });
    }
    if (now.size > 0) this.#told.set(teamId, now);
    else this.#told.delete(teamId);
  }
}
