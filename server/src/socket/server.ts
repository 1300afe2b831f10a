import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { COMMAND_EVENT, MAX_COMMAND_BYTES, type QueuePosition } from '../../../src/protocol/index.js';
import type { Identity } from '../domain/identity.js';
import type { Services } from '../domain/services.js';
import { WebchatService } from '../domain/webchat.js';
import { dispatchCommands } from './dispatcher.js';
import type { RateLimiter } from '../limits/rate-limits.js';
import { AgentPresence } from './presence.js';
import type { ServerMetrics } from '../metrics.js';
import { AGENTS_ROOM, agentRoom, availableRoom, sessionRoom, supervisorRoom, teamRoom, tokenRoom, visitorRoom } from './rooms.js';
import { hasRole } from '../domain/roles.js';
import { AwayTimers } from './away-timers.js';
import { coalesceWebSocketWrites } from './coalesced-writes.js';

interface SocketServerOptions {
  limiter: RateLimiter;
  logError: (error: unknown, context: Record<string, unknown>) => void;
  metrics: ServerMetrics;
  now: () => number;
}

/**
 * socket.io on the HTTP server. Identities are bearer tokens (no cookies), so any origin may connect.
 * `recoveryMs`: how long a disconnected socket may come back with its rooms and the events it missed
 * (connection-state recovery; with several nodes, on any node). Without it a reconnection is a new
 * connection, and clients resync from the database as they always do.
 */
export function createSocketServer(httpServer: HttpServer, recoveryMs?: number): Server {
  coalesceWebSocketWrites(httpServer);
  return new Server(httpServer, {
    // The authentication middleware runs for a recovered socket too: its token may have been revoked meanwhile.
    connectionStateRecovery: recoveryMs ? { maxDisconnectionDuration: recoveryMs, skipMiddlewares: false } : undefined,
    // Reflect the page's origin: the elements live on other sites (a CRM, a shop) by design.
    // Visitors are further held to their channel's allowed origins in the handshake below.
    cors: { origin: true, credentials: false },
    serveClient: false,
    // Room above the command limit, so a command a little over it is answered PAYLOAD_TOO_LARGE by
    // the dispatcher instead of closing the connection (a client that resends would loop on that).
    maxHttpBufferSize: 2 * MAX_COMMAND_BYTES,
  });
}

/**
 * Authenticates the handshake, joins the identity's rooms, and routes commands; `close` stops the away
 * timers; `adoptOrphans` starts those lost with a node or a restart (a periodic job, app.ts).
 */
export function attachSocketHandlers(
  io: Server,
  services: Services,
  options: SocketServerOptions,
): { close(): void; adoptOrphans(): Promise<void> } {
  holdMissedEventsUntilAuthenticated(io);
  io.use((socket, next) => {
    identify(socket.handshake.auth, socket.handshake.headers.origin, services).then(
      async (who) => {
        if (!who) return next(new Error('UNAUTHENTICATED'));
        socket.data.who = who;
        socket.data.address = options.limiter.addressOf(socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
        // Computed now, joined synchronously on connection: the client's 'connect' then means
        // "subscribed", with no window where an event could be missed.
        Object.assign(socket.data, await identityRooms(who, services));
        next();
      },
      (error) => {
        options.logError(error, { during: 'handshake' });
        next(new Error('INTERNAL'));
      },
    );
  });

  const awayTimers = new AwayTimers(io, services.availability, (error) => options.logError(error, { during: 'availability' }));
  const presence = new AgentPresence(io, (error) => options.logError(error, { during: 'presence' }), awayTimers);
  io.on('connection', (socket) => {
    const who = socket.data.who as Identity;
    options.metrics.socketConnected(who.kind);
    socket.on('disconnect', () => options.metrics.socketDisconnected(who.kind));
    if (who.kind === 'agent') {
      presence.connected(who.agentId);
      socket.on('disconnect', () => presence.disconnected(who.agentId));
    }
    void socket.join(socket.data.rooms as string[]);
    if (socket.recovered) recoverAsAuthenticated(socket);
    const deps = { io, services, limiter: options.limiter, logError: options.logError, metrics: options.metrics, now: options.now };
    socket.on(COMMAND_EVENT, dispatchCommands(socket, who, socket.data.address as string, deps));
    // A visitor learns where its waiting sessions stand as soon as it connects.
    for (const position of socket.data.queue as QueuePosition[]) socket.emit('webchat.queue', position);
  });
  return {
    close: () => {
      presence.close();
      awayTimers.close();
    },
    adoptOrphans: () => awayTimers.adoptOrphans(),
  };
}

const HELD_EVENTS = 'missedEvents';

/**
 * socket.io writes a recovered socket's missed events to it before the authentication middleware
 * runs: a token revoked during the disconnection would still read them. Keep them aside instead;
 * `recoverAsAuthenticated` sends them once the identity is checked again.
 */
function holdMissedEventsUntilAuthenticated(io: Server): void {
  const adapter = io.of('/').adapter;
  const restoreSession = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restoreSession(pid, offset);
    if (!session) return session;
    return { ...session, data: { ...(session.data as object), [HELD_EVENTS]: session.missedPackets }, missedPackets: [] };
  };
}

/**
 * A recovered socket, authenticated again: it keeps only the rooms a new connection would get (it may
 * have lost a team or a session meanwhile), then receives what it missed, in order.
 */
function recoverAsAuthenticated(socket: Socket): void {
  const rooms = new Set(socket.data.rooms as string[]);
  for (const room of socket.rooms) if (room !== socket.id && !rooms.has(room)) void socket.leave(room);
  const missed = (socket.data[HELD_EVENTS] ?? []) as [string, ...unknown[]][];
  delete socket.data[HELD_EVENTS];
  for (const [event, ...args] of missed) socket.emit(event, ...args);
}

async function identify(auth: unknown, origin: string | undefined, services: Services): Promise<Identity | null> {
  const { token, visitorToken } = (auth && typeof auth === 'object' ? auth : {}) as Record<string, unknown>;
  if (typeof token === 'string' && token) {
    const agent = await services.auth.authenticate(token);
    return agent && { kind: 'agent', ...agent };
  }
  if (typeof visitorToken === 'string' && visitorToken) {
    const visitor = await services.webchat.authenticate(visitorToken);
    if (!visitor) return null;
    const channel = await services.webchat.channel(visitor.channelKey);
    return WebchatService.allowsOrigin(channel, origin) ? visitor : null;
  }
  return null;
}

/**
 * The rooms of an identity (docs/protocol.md, section 4); `token:` lets a logout find its sockets.
 * For a visitor, also where its waiting sessions stand, told once it is connected.
 */
async function identityRooms(who: Identity, services: Services): Promise<{ rooms: string[]; queue: QueuePosition[] }> {
  if (who.kind === 'agent') {
    const [agent, availability] = await Promise.all([services.teams.agent(who.agentId), services.availability.of(who.agentId)]);
    // Connecting makes an away or offline agent online; a paused one stays paused (SocketEvents keeps this up to date).
    const offered = availability.state === 'paused' ? [] : agent.teamIds.map(availableRoom);
    const supervised = hasRole(agent.role, 'supervisor') ? agent.teamIds.map(supervisorRoom) : [];
    const rooms = [AGENTS_ROOM, agentRoom(agent.id), tokenRoom(who.tokenHash), ...agent.teamIds.map(teamRoom), ...offered, ...supervised];
    return { rooms, queue: [] };
  }
  const { sessions, queue } = await services.webchat.sessionsOf(who);
  return { rooms: [visitorRoom(who.contactId), ...sessions.map((session) => sessionRoom(session.id))], queue };
}
