import type { Server } from 'socket.io';
import type { ServerEvents } from '../../../src/protocol/index.js';
import { AGENTS_ROOM, agentRoom } from './rooms.js';

/**
 * Which agents are online (at least one socket open), told to every agent socket as `agent.presence`
 * when it changes: on an agent's first socket and after its last one closed (logout, a tab closing).
 * Counted here, per process, so a second tab opening or one of two closing says nothing; after the
 * last local one closed, the whole cluster is asked, since another node may still hold a socket.
 */
export class AgentPresence {
  readonly #sockets = new Map<string, number>();
  #closing = false;

  constructor(
    private readonly io: Server,
    private readonly log: (error: unknown) => void,
    /** Told of the same two moments: the agent's availability follows them (AwayTimers). */
    private readonly availability?: { connected(agentId: string): void; disconnected(agentId: string): void },
  ) {}

  connected(agentId: string): void {
    const count = (this.#sockets.get(agentId) ?? 0) + 1;
    this.#sockets.set(agentId, count);
    if (count === 1) {
      this.#announce({ agentId, online: true });
      this.availability?.connected(agentId);
    }
  }

  /**
   * The node is stopping: the sockets it now closes say nothing. Their agents reconnect to another node
   * (or are made away by the node running `away-orphans`), and asking the cluster from here would wait
   * on a Redis this node is about to leave.
   */
  close(): void {
    this.#closing = true;
  }

  disconnected(agentId: string): void {
    if (this.#closing) return;
    const count = (this.#sockets.get(agentId) ?? 1) - 1;
    if (count > 0) {
      this.#sockets.set(agentId, count);
      return;
    }
    this.#sockets.delete(agentId);
    // The closed socket has left its rooms by now: any socket still found there is another's.
    this.io
      .in(agentRoom(agentId))
      .fetchSockets()
      .then((others) => {
        // Back meanwhile (a reload): its connection already said "online".
        if (others.length === 0 && !this.#sockets.has(agentId)) {
          this.#announce({ agentId, online: false });
          this.availability?.disconnected(agentId);
        }
      })
      .catch(this.log);
  }

  #announce(presence: ServerEvents['agent.presence']): void {
    this.io.to(AGENTS_ROOM).emit('agent.presence', presence);
  }
}
