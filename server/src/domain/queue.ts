import type { QueuePosition, Session } from '../../../src/protocol/index.js';
import type { QueueEntry, Repository } from '../db/repository.js';

/** How many of a team's latest accepted sessions its average wait is taken over. */
const WAIT_SAMPLE_SIZE = 20;
/** Below this many samples there is no estimate (`etaMs: null`): too little history to promise anything. */
const MIN_WAIT_SAMPLES = 3;

/** A waiting session's place in its team's queue, with what it takes to tell its visitor. */
interface QueueStanding extends QueuePosition {
  channel: QueueEntry['channel'];
  contactId: string;
}

/**
 * Where waiting sessions stand: the 1-based rank among their team's waiting sessions, oldest first
 * (the order of the agents' queue), and an estimate of `position` × the team's average wait over
 * its last accepted sessions. Two indexed queries per team, whatever the team's history.
 */
export class QueueEstimator {
  constructor(private readonly repo: Repository) {}

  /** Every waiting session of the team, oldest first. */
  async standings(teamId: string): Promise<QueueStanding[]> {
    const [queue, averageWait] = await Promise.all([this.repo.listWaitingQueue(teamId), this.#averageWait(teamId)]);
    return queue.map((entry, index) => ({
      sessionId: entry.id,
      position: index + 1,
      etaMs: averageWait === null ? null : Math.round((index + 1) * averageWait),
      channel: entry.channel,
      contactId: entry.contactId,
    }));
  }

  /** Mean of how long the team's last accepted sessions waited (ms), or null with too few of them. */
  async #averageWait(teamId: string): Promise<number | null> {
    const waits = await this.repo.listRecentWaits(teamId, WAIT_SAMPLE_SIZE);
    if (waits.length < MIN_WAIT_SAMPLES) return null;
    return waits.reduce((total, wait) => total + wait, 0) / waits.length;
  }

  /** Where each waiting one of `sessions` stands (the others are left out). */
  async positionsOf(sessions: readonly Session[]): Promise<QueuePosition[]> {
    const waiting = sessions.filter((session) => session.status === 'waiting');
    const teamIds = [...new Set(waiting.map((session) => session.teamId))];
    const byId = new Map<string, QueueStanding>();
    for (const teamId of teamIds) for (const standing of await this.standings(teamId)) byId.set(standing.sessionId, standing);
    return waiting.flatMap((session) => {
      const standing = byId.get(session.id);
      return standing ? [{ sessionId: standing.sessionId, position: standing.position, etaMs: standing.etaMs }] : [];
    });
  }
}
