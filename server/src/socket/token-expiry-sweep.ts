import type { Server } from 'socket.io';
import type { AuthEndReason } from '../../../src/protocol/index.js';
import type { Clock } from '../domain/events.js';
import type { Identity } from '../domain/identity.js';
import type { Services } from '../domain/services.js';

/**
 * Closes the agent sockets whose token stopped working: it expired (and was not moved to a new one
 * with `auth.refresh`), or it was revoked or its agent deactivated where this process could not tell
 * the socket at once (`conecta-server apply` in its own process, another node). Each gets
 * `auth.ended {reason}` first. A socket is authenticated once, at its handshake, so without this
 * sweep it would outlive its token. Each node sweeps its own sockets (so this runs on every node, not
 * as a leased job); the expired rows are then forgotten, a DELETE by expiry time that two nodes may
 * both run harmlessly.
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

  /** Ends the sockets whose token has expired by now, or was revoked; answers how many. */
  async sweep(): Promise<number> {
    const at = this.now();
    // One lookup per token, however many tabs share it.
    const reasons = new Map<string, Promise<AuthEndReason | null>>();
    const ending: Promise<boolean>[] = [];
    for (const socket of this.io.of('/').sockets.values()) {
      const who = socket.data.who as Identity | undefined;
      if (who?.kind !== 'agent') continue;
      const { tokenHash } = who;
      if (who.expiresAt <= at) reasons.set(tokenHash, Promise.resolve('expired'));
      else if (!reasons.has(tokenHash)) reasons.set(tokenHash, this.services.auth.endedReason(tokenHash));
      ending.push(
        reasons.get(tokenHash)!.then((reason) => {
          // The socket may have moved to a fresh token (auth.refresh) while its old one was looked up.
          const now = socket.data.who as Identity | undefined;
          if (!reason || now?.kind !== 'agent' || now.tokenHash !== tokenHash || !socket.connected) return false;
          socket.emit('auth.ended', { reason });
          socket.disconnect(true);
          return true;
        }),
      );
    }
    const ended = (await Promise.all(ending)).filter(Boolean).length;
    await this.services.auth.forgetExpiredTokens();
    return ended;
  }
}
