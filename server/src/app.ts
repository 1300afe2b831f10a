import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Server as SocketIoServer } from 'socket.io';
import type { Repository } from './db/repository.js';
import { openDatabase, type Database } from './db/database.js';
import { repositoryOn } from './db/sqlite-repository.js';
import type { SqliteSynchronous } from './db/sqlite.js';
import type { Clock } from './domain/events.js';
import { MAX_UPLOAD_BYTES } from '../../src/protocol/index.js';
import { FileUrlSigner, loadSigningKey } from './domain/files.js';
import { createServices, type Services } from './domain/services.js';
import { applyDemoCompany } from './demo-company.js';
import { installAdminApi } from './http/admin/admin-api.js';
import { installCors } from './http/cors.js';
import { installHealth } from './http/health.js';
import { fastifyLogging, installRequestIds, type ServerLogOptions } from './http/logging.js';
import { installMetrics } from './http/metrics.js';
import { ServerMetrics } from './metrics.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { answerRoutingError, installErrorHandlers } from './http/errors.js';
import { installRoutes } from './http/routes.js';
import { installSignOnRoute } from './http/sign-on-route.js';
import { installDemoSite } from './http/demo-site.js';
import { installDemoOutbox } from './http/demo-outbox.js';
import { DEMO_GRAPH_PATH, installDemoPhone } from './http/demo-phone.js';
import { installStaticFiles, type StaticRoot } from './http/static-files.js';
import { RateLimiter, rateLimitsWith, type RateLimitChanges } from './limits/rate-limits.js';
import type { TokenBucketStore } from './limits/token-buckets.js';
import type { RedisScriptClient } from './cluster/redis-scripts.js';
import { sharedState } from './cluster/shared-state.js';
import { MemoryOutbox } from './mail/memory-outbox.js';
import { smtpMailer } from './mail/smtp-mailer.js';
import { attachSocketHandlers, createSocketServer } from './socket/server.js';
import { RECOVERY_WINDOW_MS, RedisFanOut } from './cluster/redis-adapter.js';
import { DEFAULT_REDIS_PREFIX, SEVERAL_NODES_NEED_POSTGRES } from './cluster/several-nodes.js';
import { TeamOpeningWatch } from './socket/team-opening-watch.js';
import { TokenExpirySweep } from './socket/token-expiry-sweep.js';
import { SocketTokenEndings } from './socket/token-sockets.js';
import { SocketEvents } from './socket/socket-events.js';
import type { GraphApiOptions } from './channels/whatsapp/graph-client.js';
import type { CepProvider } from './domain/cep.js';
import { installWhatsappWebhook } from './channels/whatsapp/webhook-routes.js';
import { installWhatsappAdminRoutes } from './channels/whatsapp/admin-routes.js';

export interface ServerOptions {
  /** Where uploaded files and the signing key live, and `conecta.sqlite` unless `databaseUrl` is set; created if missing. */
  dataDir: string;
  /** `postgres://…`: store in PostgreSQL instead of SQLite (docs/scaling.md). */
  databaseUrl?: string;
  /** PostgreSQL connections of this node (default 10). */
  databasePoolSize?: number;
  /**
   * `redis://…`: this node is one of several, sharing socket.io's events through Redis (docs/scaling.md).
   * Needs `databaseUrl`: nodes cannot share a SQLite file.
   */
  redisUrl?: string;
  /** Prefix of everything this server keeps in Redis (default `conecta:`), so deployments or test runs can share one Redis. */
  redisPrefix?: string;
  /** Milliseconds since the epoch; inject a fake one in tests (lockouts, protocol dates). */
  now?: Clock;
  staticRoots?: StaticRoot[];
  /**
   * Fastify's request log: pino JSON with request ids, never bodies or secrets (http/logging.ts).
   * `true`: level info on standard output. Off by default; unexpected errors are logged either way.
   */
  logger?: boolean | ServerLogOptions;
  /** Apply the demo company (demo/company.yaml) when the database has no agent. */
  seed?: boolean;
  /** Rules replacing some of DEFAULT_RATE_LIMITS (server/src/limits/rate-limits.ts). */
  rateLimits?: RateLimitChanges;
  /** Where rate-limit buckets live. Default: Redis with `redisClient`, else this process's memory. */
  rateLimitStore?: TokenBucketStore;
  /**
   * A connected node-redis client through which nodes share rate limits, the queue's positions told and
   * the periodic jobs (docs/scaling.md, "What nodes share"), under `redisPrefix`. Default: the client of
   * `redisUrl`'s fan-out; without either, all stay in this process. Tests give one without `redisUrl`.
   */
  redisClient?: RedisScriptClient;
  /**
   * How many reverse proxies stand in front of the server, each appending to `X-Forwarded-For`.
   * Default 0: the client address is the socket's, and the header is ignored (anyone can send it).
   */
  trustedProxyHops?: number;
  /** How often waiting sessions are checked against their team's timeout. Default 30 s; 0: never (tests call `expireWaiting`). */
  expireEveryMs?: number;
  /** How long a token from a password login works. Default 12 h (DEFAULT_TOKEN_TTL_MS). */
  tokenTtlMs?: number;
  /** How long a token obtained through an API key (`POST /api/auth/token`) works. Default 15 min. */
  signOnTokenTtlMs?: number;
  /** How often sockets whose token expired are told (`auth.ended`) and closed. Default 5 s; 0: never (tests call `tokenSweep.sweep()`). */
  tokenSweepMs?: number;
  /** How often teams' working hours are checked for an opening (`team.opened`). Default 60 s; 0: never (tests call `teamOpenings.look()`). */
  teamOpeningWatchMs?: number;
  /** Where password e-mails go (`smtps://user:pass@host:465`); without it they stay in `ConectaServer.outbox`. */
  smtpUrl?: string;
  /** The sender of the server's e-mails. Default `Conecta <no-reply@localhost>`. */
  mailFrom?: string;
  /** The address people reach the server at (`https://atendimento.example.com`), for links in e-mails. Default: the listening URL. */
  publicUrl?: string;
  /**
   * Send a strict Content-Security-Policy with the HTML pages served (production). Off in the demo,
   * whose pages stand in for other companies' sites and CRMs (demo/site/strict-csp.html has its own).
   */
  strictPages?: boolean;
  /** When set, `/metrics` requires `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** What an acknowledgement promises (docs/scaling.md). Default `normal`: safe from a process crash. */
  sqliteSynchronous?: SqliteSynchronous;
  /** The Graph API WhatsApp channels talk to (base URL, version, retries). Default: Meta's. */
  whatsappGraph?: GraphApiOptions;
  /** Where `contact.cep` looks CEPs up (docs/crm.md, "CEP lookup"). Default: the small local table of `domain/cep.ts`. */
  cepProvider?: CepProvider;
}

export interface ConectaServer {
  /** The base URL (`http://127.0.0.1:8080`) once listening. */
  readonly url: string | undefined;
  readonly http: FastifyInstance;
  readonly io: SocketIoServer;
  readonly repo: Repository;
  /** The database's own runner, for what is not the repository's (tests' dumps, maintenance). */
  readonly database: Database;
  readonly services: Services;
  /** Closes the sockets whose token expired; runs every `tokenSweepMs`. */
  readonly tokenSweep: TokenExpirySweep;
  /** Tells a team's online agents when its working hours begin; looks every `teamOpeningWatchMs`. */
  readonly teamOpenings: TeamOpeningWatch;
  /** Starts the away timers lost with a node or a restart (AwayTimers.adoptOrphans); one node runs it every minute. */
  adoptAwayOrphans(): Promise<void>;
  /** The e-mails the server "sent", when no `smtpUrl` was given (tests, the demo's mailbox); otherwise undefined. */
  readonly outbox: MemoryOutbox | undefined;
  /** Resolves with the base URL. Port 0 picks a free port. */
  listen(port: number, host: string): Promise<string>;
  /** Disconnects every socket, stops HTTP, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** How often one node looks for agents whose away timer was lost with its node (AwayTimers.adoptOrphans). */
const AWAY_ORPHANS_EVERY_MS = 60_000;

/** Builds the whole server (HTTP + socket.io + SQLite) without listening yet. */
export async function createServer(options: ServerOptions): Promise<ConectaServer> {
  const now = options.now ?? Date.now;
  if (options.redisUrl && !options.databaseUrl) throw new Error(SEVERAL_NODES_NEED_POSTGRES);
  const database = await openDatabase({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    databasePoolSize: options.databasePoolSize,
    sqliteSynchronous: options.sqliteSynchronous,
    onError: (error) => logError(error, { during: options.databaseUrl ? 'an idle PostgreSQL connection' : 'WAL checkpoint' }),
  });
  const signer = new FileUrlSigner(loadSigningKey(options.dataDir), now);
  const repo = repositoryOn(database.sql, (file) => signer.url(file.id));

  const http = Fastify({
    ...fastifyLogging(options.logger),
    forceCloseConnections: true,
    // The client address the logs show (request.ip): past the trusted proxies, as the rate limits count it.
    trustProxy: (_address: string, hop: number) => hop < (options.trustedProxyHops ?? 0),
    frameworkErrors: answerRoutingError,
  });
  const logError = (error: unknown, context: Record<string, unknown>) => {
    if (options.logger) http.log.error({ err: error, ...context }, 'unexpected error');
    else console.error('[conecta] unexpected error', context, error);
  };
  const logRedis = (level: 'info' | 'error', message: string, error?: unknown) => {
    if (options.logger) http.log[level]({ err: error, during: 'redis' }, message);
    else console.error(`[conecta] ${message}`, ...(error ? [error] : []));
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

  const outbox = options.smtpUrl ? undefined : new MemoryOutbox(100, now);
  const smtp = options.smtpUrl ? smtpMailer(options.smtpUrl, options.mailFrom) : undefined;

  // Several nodes (REDIS_URL): socket.io's events reach every node's sockets through Redis, and a socket
  // cut off from one node recovers on another (cluster/redis-adapter.ts).
  const fanOut = options.redisUrl
    ? await RedisFanOut.connect({ url: options.redisUrl, prefix: options.redisPrefix, log: logRedis }).catch(async (error: unknown) => {
        await database.close();
        throw error;
      })
    : undefined;
  // Several nodes: what each would otherwise keep to itself (docs/scaling.md, "What nodes share"), on
  // the fan-out's client (the adapter blocks only on duplicates of it).
  const redisClient = options.redisClient ?? fanOut?.client;
  const shared = sharedState(
    redisClient && { client: redisClient, keyPrefix: options.redisPrefix ?? DEFAULT_REDIS_PREFIX },
    (error, context) => logError(error, context),
  );
  const limiter = new RateLimiter(
    rateLimitsWith(options.rateLimits),
    options.rateLimitStore ?? shared.rateLimitStore,
    options.trustedProxyHops ?? 0,
  );
  const io = createSocketServer(http.server, fanOut ? RECOVERY_WINDOW_MS : undefined);
  fanOut?.attach(io);
  const events = new SocketEvents(io, repo, (error) => logError(error, { during: 'event routing' }), now, shared.queueTold);
  let url: string | undefined;
  const metrics = new ServerMetrics(repo);
  const tokenSockets = new SocketTokenEndings(io);
  const demoPhone = Boolean(options.seed && options.staticRoots?.length && !options.whatsappGraph?.baseUrl);
  const services = createServices(
    repo,
    now,
    metrics.counting(events),
    { signer, dataDir: options.dataDir },
    { sockets: tokenSockets, tokenTtlMs: options.tokenTtlMs, signOnTokenTtlMs: options.signOnTokenTtlMs },
    {
      mailer: smtp ?? outbox!,
      publicUrl: () => options.publicUrl ?? url ?? 'http://localhost:8080',
      onMailFailure: (error, context) => logError(error, { during: 'sending a password e-mail', ...context }),
      onTokensRevoked: (tokenHashes) => tokenSockets.end(tokenHashes, 'revoked'),
    },
    { graph: demoPhone ? { ...options.whatsappGraph, baseUrl: () => `${url}${DEMO_GRAPH_PATH}` } : options.whatsappGraph, logError },
    options.cepProvider,
  );
  // Before any route: it hooks each route as it is added. Brotli or gzip, as the client accepts.
  await http.register(compress, { encodings: ['br', 'gzip'] });
  await http.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });

  installRequestIds(http);
  installErrorHandlers(http, logError);
  installCors(http, repo);
  installSecurityHeaders(http, { strictPages: options.strictPages ?? false });
  installHealth(http, () => database.readiness());
  installMetrics(http, metrics, options.metricsToken);
  installRoutes(http, services, limiter);
  installWhatsappWebhook(http, services.whatsapp);
  installSignOnRoute(http, services, limiter);
  // The demo site's pretend backend, only where the demo is served on seeded data.
  await installAdminApi(http, services, {
    invite: (agentId) => services.passwords.invite(agentId),
    routes: [(api, errors) => installWhatsappAdminRoutes(api, services, errors)],
  });
  if (options.seed && options.staticRoots?.length) installDemoSite(http);
  // The demo's mailbox page reads the mails kept in memory; never with a real SMTP server.
  if (options.seed && outbox) installDemoOutbox(http, outbox);
  await installStaticFiles(http, options.staticRoots ?? []);
  const sockets = attachSocketHandlers(io, services, { limiter, logError, metrics, now });

  if (options.seed) await applyDemoCompany({ services, repo });
  // The demo's simulated phone, where the demo pages are served: its WhatsApp channel talks to a fake Graph API here.
  if (demoPhone) await installDemoPhone(http, repo);
  // What was stored but not yet handed to WhatsApp when the server stopped; what was being handed over
  // then is failed at once if old enough, else once no send under way elsewhere could still answer.
  // Every node does this at its start, safely: a send is claimed once (a compare-and-set in the
  // database) whichever node delivers it, and a send under way on a live node answers before
  // `longestRequestMs`, so only the dead node's are failed.
  const startedAt = now();
  void services.whatsapp.resumeQueued().catch((error) => logError(error, { during: 'resuming WhatsApp sends' }));
  const unansweredSends = setTimeout(
    () =>
      void services.whatsapp.failUnanswered(startedAt).catch((error) => logError(error, { during: 'failing unanswered WhatsApp sends' })),
    services.whatsapp.graph.longestRequestMs,
  );
  unansweredSends.unref();

  // Jobs on the database's state, run by one node at a time (a lease in Redis) and safe to run twice
  // should a lease change hands mid-run: expiring is a compare-and-set on each session's version;
  // a team's opening is looked for afresh by a node that takes the job over; an agent is made away
  // only if still online or paused, and with no socket on any node.
  shared.jobs.every('expire-waiting', options.expireEveryMs ?? 30_000, () => services.sessions.expireWaiting());
  const teamOpenings = new TeamOpeningWatch(io, repo, now);
  shared.jobs.every('team-openings', options.teamOpeningWatchMs ?? 60_000, ({ firstRun }) => teamOpenings.look({ forget: firstRun }));
  shared.jobs.every('away-orphans', AWAY_ORPHANS_EVERY_MS, () => sockets.adoptOrphans());
  // Each node's own sockets: on every node.
  const tokenSweep = new TokenExpirySweep(io, services, now, logError);
  tokenSweep.start(options.tokenSweepMs ?? 5_000);

  let closing: Promise<void> | undefined;
  return {
    get url() {
      return url;
    },
    http,
    io,
    repo,
    database,
    services,
    tokenSweep,
    teamOpenings,
    adoptAwayOrphans: () => sockets.adoptOrphans(),
    outbox,
    async listen(port, host) {
      await http.listen({ port, host });
      const address = http.server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${shownHost}:${address.port}`;
      return url;
    },
    close() {
      closing ??= (async () => {
        await shared.jobs.stop();
        clearTimeout(unansweredSends);
        tokenSweep.stop();
        sockets.close();
        await services.whatsapp.idle();
        io.disconnectSockets(true);
        io.engine.close();
        await http.close();
        // Events still being routed go out before the node leaves Redis (they publish through it).
        await events.close();
        // Tells the other nodes this one is gone (they stop waiting for its answers), then leaves Redis.
        if (fanOut) {
          await io.of('/').adapter.close();
          await fanOut.close();
        }
        smtp?.close();
        await database.close();
      })();
      return closing;
    },
  };
}
