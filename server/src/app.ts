import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Server as SocketIoServer } from 'socket.io';
import type { Repository } from './db/repository.js';
import { createSqliteRepository } from './db/sqlite-repository.js';
import { openSqlite, type SqliteDatabase } from './db/sqlite.js';
import type { Clock } from './domain/events.js';
import { MAX_UPLOAD_BYTES } from '../../src/protocol/index.js';
import { FileUrlSigner, loadSigningKey } from './domain/files.js';
import { createServices, type Services } from './domain/services.js';
import { applyDemoCompany } from './demo-company.js';
import { installAdminApi } from './http/admin/admin-api.js';
import { installCors } from './http/cors.js';
import { installErrorHandlers } from './http/errors.js';
import { installRoutes } from './http/routes.js';
import { installDemoSite } from './http/demo-site.js';
import { installStaticFiles, type StaticRoot } from './http/static-files.js';
import { RateLimiter, rateLimitsWith, type RateLimitChanges } from './limits/rate-limits.js';
import { MemoryTokenBuckets, type TokenBucketStore } from './limits/token-buckets.js';
import { attachSocketHandlers, createSocketServer, tokenRoom } from './socket/server.js';
import { SocketEvents } from './socket/socket-events.js';

export interface ServerOptions {
  /** Where `conecta.sqlite` lives; created if missing. */
  dataDir: string;
  /** Milliseconds since the epoch; inject a fake one in tests (lockouts, protocol dates). */
  now?: Clock;
  staticRoots?: StaticRoot[];
  /** Fastify's request log (pino). Off by default; unexpected errors are logged either way. */
  logger?: boolean;
  /** Apply the demo company (demo/company.yaml) when the database has no agent. */
  seed?: boolean;
  /** Rules replacing some of DEFAULT_RATE_LIMITS (server/src/limits/rate-limits.ts). */
  rateLimits?: RateLimitChanges;
  /** Where rate-limit buckets live. Default: this process's memory. */
  rateLimitStore?: TokenBucketStore;
  /**
   * How many reverse proxies stand in front of the server, each appending to `X-Forwarded-For`.
   * Default 0: the client address is the socket's, and the header is ignored (anyone can send it).
   */
  trustedProxyHops?: number;
  /**
   * Sends an agent its invitation (the admin API's `POST /agents/:id/invite`); wip/passwords'
   * `services.passwords.invite` at merge. Absent: that route answers 500 (not set up).
   */
  adminInvite?: (agentId: string) => Promise<unknown>;
  /** How often waiting sessions are checked against their team's timeout. Default 30 s; 0: never (tests call `expireWaiting`). */
  expireEveryMs?: number;
}

export interface ConectaServer {
  /** The base URL (`http://127.0.0.1:8080`) once listening. */
  readonly url: string | undefined;
  readonly http: FastifyInstance;
  readonly io: SocketIoServer;
  readonly repo: Repository;
  readonly services: Services;
  /** Resolves with the base URL. Port 0 picks a free port. */
  listen(port: number, host: string): Promise<string>;
  /** Disconnects every socket, stops HTTP, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** Builds the whole server (HTTP + socket.io + SQLite) without listening yet. */
export async function createServer(options: ServerOptions): Promise<ConectaServer> {
  const now = options.now ?? Date.now;
  const db: SqliteDatabase = openSqlite(options.dataDir);
  const signer = new FileUrlSigner(loadSigningKey(options.dataDir), now);
  const repo = createSqliteRepository(db, (file) => signer.url(file.id));

  const http = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const logError = (error: unknown, context: Record<string, unknown>) => {
    if (options.logger) http.log.error({ err: error, ...context }, 'unexpected error');
    else console.error('[conecta] unexpected error', context, error);
  };

  // Like Fastify's JSON parser, but an empty body is "no body": `POST /logout` with a JSON content type and nothing in it.
  http.removeContentTypeParser('application/json');
  http.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    // Kept for webhooks, whose signature covers the exact bytes.
    (request as { rawBody?: string }).rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });

  const limiter = new RateLimiter(
    rateLimitsWith(options.rateLimits),
    options.rateLimitStore ?? new MemoryTokenBuckets(),
    options.trustedProxyHops ?? 0,
  );
  const io = createSocketServer(http.server);
  const events = new SocketEvents(io, repo, (error) => logError(error, { during: 'event routing' }));
  const services = createServices(repo, now, events, { signer, dataDir: options.dataDir }, (tokenHash, reason) => {
    io.in(tokenRoom(tokenHash)).emit('auth.ended', { reason });
    io.in(tokenRoom(tokenHash)).disconnectSockets(true);
  });
  await http.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });

  installErrorHandlers(http, logError);
  installCors(http, repo);
  // A revoked token must not keep an open socket alive.
  installRoutes(http, services, limiter, (tokenHash) => io.in(tokenRoom(tokenHash)).disconnectSockets(true));
  // The demo site's pretend backend, only where the demo is served on seeded data.
  await installAdminApi(http, services, { invite: options.adminInvite });
  if (options.seed && options.staticRoots?.length) installDemoSite(http);
  await installStaticFiles(http, options.staticRoots ?? []);
  attachSocketHandlers(io, services, { limiter, logError });

  if (options.seed) await applyDemoCompany({ services, repo });

  const expireEveryMs = options.expireEveryMs ?? 30_000;
  const expiry =
    expireEveryMs > 0
      ? setInterval(() => services.sessions.expireWaiting().catch((error) => logError(error, { during: 'expireWaiting' })), expireEveryMs)
      : undefined;
  expiry?.unref();

  let url: string | undefined;
  let closing: Promise<void> | undefined;
  return {
    get url() {
      return url;
    },
    http,
    io,
    repo,
    services,
    async listen(port, host) {
      await http.listen({ port, host });
      const address = http.server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${shownHost}:${address.port}`;
      return url;
    },
    close() {
      closing ??= (async () => {
        clearInterval(expiry);
        io.disconnectSockets(true);
        io.engine.close();
        await http.close();
        await events.close();
        db.close();
      })();
      return closing;
    },
  };
}
