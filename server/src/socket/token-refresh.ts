import type { Socket } from 'socket.io';
import { CommandError, forbidden } from '../domain/errors.js';
import type { Identity } from '../domain/identity.js';
import type { Services } from '../domain/services.js';
import { tokenRoom } from './rooms.js';

/**
 * `auth.refresh`: the socket goes on under a new token of the same agent (from the CRM's `getToken()`
 * or another login) before its own expires. Same socket, so its session rooms stay: only its token
 * room changes, so that logging out or revoking the new token reaches it and the old one no longer does.
 * The old token stays valid for its other sockets until it expires or is revoked.
 */
export async function refreshToken(socket: Socket, who: Identity, services: Services, token: string): Promise<{ expiresAt: number }> {
  if (who.kind !== 'agent') throw forbidden('Only agents can send this command.');
  const next = await services.auth.authenticate(token);
  if (!next)
    throw new CommandError('UNAUTHENTICATED', 'That token does not work: it is unknown, revoked or expired, or its agent is deactivated.');
  if (next.agentId !== who.agentId) {
    throw forbidden('That token is of another agent: a socket keeps its agent; connect anew to sign in as someone else.');
  }
  if (next.tokenHash !== who.tokenHash) {
    await socket.join(tokenRoom(next.tokenHash));
    await socket.leave(tokenRoom(who.tokenHash));
  }
  // The identity is the socket's own object (socket.data.who): the expiry sweep and later commands see the new token.
  who.tokenHash = next.tokenHash;
  who.expiresAt = next.expiresAt;
  return { expiresAt: next.expiresAt };
}
