import type { Server } from 'socket.io';
import type { Clock } from '../domain/events.js';
import type { Identity } from '../domain/identity.js';
import type { Services } from '../domain/services.js';

/**
 * Closes the agent sockets whose token expired (and was not moved to a new one with `auth.refresh`):
 * each gets `auth.ended {reason: 'expired'}` first. A socket is authenticated once, at its handshake,
 * so without this sweep it would outlive its token. Each node sweeps its own sockets; the expired
 * rows are then forgotten.
 */
export class TokenExpirySweep {
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: Server,
    private readonly services: Services,
    private readonly now: Clock,
    private readonly logError: (error: unknown, context: Record<string, unknown>) => void,
  ) {}

  /** Runs every `everyMs` until stopped; 0: never (tests call `sweep`). */
  start(everyMs: number): void {
    if (everyMs <= 0) return;
    this.#timer = setInterval(() => this.sweep().catch((error) => this.logError(error, { during: 'token expiry sweep' })), everyMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Ends the sockets whose token has expired by now; answers how many. */
  async sweep(): Promise<number> {
    const at = this.now();
    let ended = 0;
    for (const socket of this.io.of('/').sockets.values()) {
      const who = socket.data.who as Identity | undefined;
      if (who?.kind !== 'agent' || who.expiresAt > at) continue;
      socket.emit('auth.ended', { reason: 'expired' });
      socket.disconnect(true);
      ended++;
    }
    await this.services.auth.forgetExpiredTokens();
    return ended;
  }
}
