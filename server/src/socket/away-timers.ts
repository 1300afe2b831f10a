import type { Server } from 'socket.io';
import type { AvailabilityService } from '../domain/availability.js';
import { agentRoom } from './rooms.js';

/**
 * The grace period before an agent whose every socket closed is away: one timer per agent, started
 * when its last socket closes (or, after a restart, for every agent still online or paused), cancelled
 * when a socket opens again. When it fires the whole cluster is asked, since another node may hold a
 * socket of the agent.
 */
export class AwayTimers {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #closed = false;

  constructor(
    private readonly io: Server,
    private readonly availability: AvailabilityService,
    private readonly log: (error: unknown) => void,
  ) {}

  /** A first socket of the agent opened: it is back (online unless paused). */
  connected(agentId: string): void {
    this.#cancel(agentId);
    this.availability.connected(agentId).catch(this.log);
  }

  /** The agent's last socket closed: its clock stops, and it is away after the grace period. */
  disconnected(agentId: string): void {
    if (this.#closed) return;
    this.availability
      .disconnected(agentId)
      .then(() => this.#schedule(agentId))
      .catch(this.log);
  }

  /** After a start: agents the database says are online or paused have no socket here yet. */
  async afterStart(): Promise<void> {
    for (const [agentId, { state }] of await this.availability.all()) {
      if (state === 'online' || state === 'paused') await this.#schedule(agentId);
    }
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  async #schedule(agentId: string): Promise<void> {
    if (this.#closed) return;
    const { awayGraceMs } = await this.availability.settings();
    this.#cancel(agentId);
    const timer = setTimeout(() => {
      this.#timers.delete(agentId);
      void this.#expire(agentId).catch(this.log);
    }, awayGraceMs);
    timer.unref();
    this.#timers.set(agentId, timer);
  }

  async #expire(agentId: string): Promise<void> {
    if (this.#closed) return;
    if ((await this.io.in(agentRoom(agentId)).fetchSockets()).length > 0) return;
    await this.availability.wentAway(agentId);
  }

  #cancel(agentId: string): void {
    clearTimeout(this.#timers.get(agentId));
    this.#timers.delete(agentId);
  }
}
