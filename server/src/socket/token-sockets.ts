import type { Server } from 'socket.io';
import type { AuthEndReason } from '../../../src/protocol/index.js';
import type { TokenSockets } from '../domain/auth.js';
import type { Identity } from '../domain/identity.js';
import { agentRoom, tokenRoom } from './rooms.js';

/**
 * Ends the sockets of revoked tokens through their token rooms, so it reaches them on every node
 * (with the Redis adapter too): first `auth.ended {reason}`, which the client shows instead of
 * reconnecting with a dead token, then the close (engine.io sends what it buffered before closing).
 */
export class SocketTokenEndings implements TokenSockets {
  constructor(private readonly io: Server) {}

  end(tokenHashes: readonly string[], reason: AuthEndReason): void {
    if (tokenHashes.length === 0) return;
    const rooms = tokenHashes.map(tokenRoom);
    this.io.to(rooms).emit('auth.ended', { reason });
    this.io.in(rooms).disconnectSockets(true);
  }

  async connectedElsewhere(agentId: string, tokenHash: string): Promise<boolean> {
    const sockets = await this.io.in(agentRoom(agentId)).fetchSockets();
    return sockets.some((socket) => (socket.data.who as Identity | undefined)?.kind === 'agent' && socket.data.who.tokenHash !== tokenHash);
  }
}
