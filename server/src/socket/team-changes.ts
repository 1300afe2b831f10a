/**
 * Teams whose queue changed, gathered over one turn of the event loop and handed to `run` together,
 * one batch after the other: a burst of changes costs one run, and a newer result never goes out
 * before an older one. Shared by the visitors' positions (QueueNotifier) and the desks' counts (QueueCounts).
 */
export class TeamChanges {
  readonly #dirty = new Set<string>();
  #scheduled = false;
  #closed = false;
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly run: (teamIds: string[]) => Promise<void>) {}

  changed(teamId: string): void {
    if (this.#closed) return;
    this.#dirty.add(teamId);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#closed) return;
      const teams = [...this.#dirty];
      this.#dirty.clear();
      this.#tail = this.#tail.then(() => (this.#closed ? undefined : this.run(teams)));
    });
  }

  /** Resolves once the batches asked for before this turn of the event loop are done (tests). */
  async idle(): Promise<void> {
    await new Promise(setImmediate);
    await this.#tail;
  }

  /** No further batch; resolves once the one under way, if any, is done. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#tail;
  }
}
