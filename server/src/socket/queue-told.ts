/** What a waiting visitor was last told of its session's place. */
export interface QueueTold {
  position: number;
  etaMs: number | null;
}

/**
 * Where the positions told to waiting visitors are remembered (QueueNotifier), and how the recounts
 * of one team are kept one at a time: in this process (`MemoryQueueTold`), or in Redis for every node
 * (`RedisQueueTold`), where each node recounts the teams its own commands changed.
 */
export interface QueueToldStore {
  /** Runs `recount` while no other recount of the team runs (on any node that shares this store). */
  alone<T>(teamId: string, recount: () => Promise<T>): Promise<T>;
  /** Remembers `now` (by session id) as what the team's waiting visitors were told; answers the ids whose value is new or changed. */
  exchange(teamId: string, now: ReadonlyMap<string, QueueTold>): Promise<string[]>;
}

/** One node: the notifier's own queue already runs one recount at a time. */
export class MemoryQueueTold implements QueueToldStore {
  readonly #told = new Map<string, Map<string, QueueTold>>();

  alone<T>(_teamId: string, recount: () => Promise<T>): Promise<T> {
    return recount();
  }

  async exchange(teamId: string, now: ReadonlyMap<string, QueueTold>): Promise<string[]> {
    const before = this.#told.get(teamId);
    const changed = [...now].filter(([sessionId, told]) => !sameTold(before?.get(sessionId), told)).map(([sessionId]) => sessionId);
    if (now.size > 0) this.#told.set(teamId, new Map(now));
    else this.#told.delete(teamId);
    return changed;
  }
}

const sameTold = (last: QueueTold | undefined, told: QueueTold) => last?.position === told.position && last.etaMs === told.etaMs;
