import type { Server } from 'socket.io';
import type { AvailabilityService } from '../domain/availability.js';
import type { Identity } from '../domain/identity.js';
import { AGENTS_ROOM, agentRoom } from './rooms.js';

/**
 * The grace period before an agent whose every socket closed is away: one timer per agent, started
 * when its last socket closes, cancelled when a socket opens again. When it fires the whole cluster
 * is asked, since another node may hold a socket of the agent. A timer lives in its node's memory:
 * one lost with its node (or a restart) is started again by `adoptOrphans`, which one node of the
 * cluster runs periodically. Two nodes' timers for one agent are harmless: `wentAway` changes only
 * an agent still online or paused.
 */
/** Between nodes (socket.io's server-side events): "cancel your away timer of this agent". */
const CANCEL_EVENT = 'away.cancel';

export class AwayTimers {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #closed = false;

  constructor(
    private readonly io: Server,
    private readonly availability: AvailabilityService,
    private readonly log: (error: unknown) => void,
  ) {
    io.on(CANCEL_EVENT, (agentId: unknown) => {
      if (typeof agentId === 'string') this.#cancel(agentId);
    });
  }

  /** A first socket of the agent (here) opened: it is back (online unless paused). */
  connected(agentId: string): void {
    this.#cancel(agentId);
    this.#cancelElsewhere(agentId).catch(this.log);
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

  /**
   * Starts the grace period of every agent the database says is online or paused but who has no
   * socket on any node and no timer here: after a start, or after the node that held its timer died.
   */
  async adoptOrphans(): Promise<void> {
    const connected = new Set<string>();
    for (const socket of await this.io.in(AGENTS_ROOM).fetchSockets()) {
      const who = socket.data.who as Identity | undefined;
      if (who?.kind === 'agent') connected.add(who.agentId);
    }
    for (const [agentId, { state }] of await this.availability.all()) {
      if ((state === 'online' || state === 'paused') && !connected.has(agentId) && !this.#timers.has(agentId))
        await this.#schedule(agentId);
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

  /**
   * A timer started on another node, where the agent's last socket closed, is stale now that it is
   * back here: left running, it would make the agent away early if it leaves this node within that
   * node's grace period. Only to a cluster (one node's adapter has no one to tell, and warns).
   */
  async #cancelElsewhere(agentId: string): Promise<void> {
    if ((await this.io.of('/').adapter.serverCount()) > 1) this.io.serverSideEmit(CANCEL_EVENT, agentId);
  }

  #cancel(agentId: string): void {
    clearTimeout(this.#timers.get(agentId));
    this.#timers.delete(agentId);
  }
}
