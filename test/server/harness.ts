import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createServer, type ConectaServer, type ServerOptions } from '../../server/src/app.js';
import { dropTestDatabase, testDatabaseOptions } from './test-database.js';
import { createHmac } from 'node:crypto';
import { hashPassword } from '../../server/src/domain/secrets.js';
import { DEMO_AGENTS, DEMO_CHANNEL_KEY, DEMO_PASSWORD, DEMO_WEBCHAT_SECRET, DEMO_WHATSAPP } from '../../server/src/demo-company.js';
import type { WebchatChannelRecord } from '../../server/src/db/repository.js';
import type { WorkingHours } from '../../server/src/db/repository.js';
import {
  COMMAND_EVENT,
  type Ack,
  type AgentRole,
  type CommandName,
  type CommandPayload,
  type CommandResults,
  type EventName,
  type ServerEvents,
  type Visitor,
  type WebchatUser,
} from '../../src/protocol/index.js';

// Every demo constant, for tests that import only the harness.
export * from '../../server/src/demo-company.js';
export const ANA = DEMO_AGENTS.ana.email;
export const BRUNO = DEMO_AGENTS.bruno.email;

/** 2026-11-22 13:00:00 UTC, the time of the protocol document's examples. */
export const T0 = 1795352400000;

/**
 * A token lifetime for suites whose TestClock jumps days ahead while their sockets stay open (a
 * socket whose token expired is refused every command).
 */
export const LONG_TOKEN_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** A clock that only moves when told to. */
export class TestClock {
  constructor(public time = T0) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  server: ConectaServer;
  dataDir: string;
  /** Stops the server; removes the data dir unless it was given in the options. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Defaults to `Date.now`. Pass `new TestClock().now` to control time. */
  now?: () => number;
  /** Reuse a data dir (e.g. to test a restart); then it is not removed on close. */
  dataDir?: string;
  rateLimits?: ServerOptions['rateLimits'];
  trustedProxyHops?: number;
  /** Defaults to 0 here: tests call `services.sessions.expireWaiting()` themselves. */
  expireEveryMs?: number;
  staticRoots?: ServerOptions['staticRoots'];
  /** Defaults to a free port; give the old one to restart a server where its clients reconnect. */
  port?: number;
  tokenTtlMs?: number;
  signOnTokenTtlMs?: number;
  /** Defaults to 0 here: tests call `server.tokenSweep.sweep()` themselves. */
  tokenSweepMs?: number;
  /** Defaults to 0 here: tests call `server.teamOpenings.look()` themselves. */
  teamOpeningWatchMs?: number;
  /** Without `smtpUrl`, mails stay in `server.outbox`. */
  smtpUrl?: string;
  mailFrom?: string;
  publicUrl?: string;
  /** Any other server option (production's headers, metrics token, logger…), over the ones above. */
  more?: Partial<ServerOptions>;
}

const LIFTED = { perSecond: 1000, burst: 10_000 };
/**
 * Every test client comes from 127.0.0.1 and most use the demo channel: per-address and per-channel
 * limits are lifted unless a test gives its own (test/server/rate-limits.test.ts does). So is each
 * identity's command rate (20 a second): a suite's agent sends command after command, and on a fast
 * run went past it (commands.test.ts and rate-limits.test.ts set the limit they test).
 */
const ONE_ADDRESS_FOR_ALL: NonNullable<ServerOptions['rateLimits']> = {
  commands: LIFTED,
  visitorTokens: { perAddress: LIFTED, perChannel: LIFTED },
  sessions: { perAddress: LIFTED, perChannel: LIFTED },
  messages: { perAddress: LIFTED, perChannel: LIFTED },
  passwordResets: { perAddress: LIFTED },
  passwordSets: { perAddress: LIFTED },
};

/**
 * A real server on 127.0.0.1 and a free port, with a fresh database (SQLite, or a PostgreSQL schema
 * under CONECTA_TEST_DATABASE=postgres: test-database.ts) and the demo seed.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'conecta-test-')));
  const server = await createServer({
    ...(await testDatabaseOptions(dataDir)),
    now: options.now,
    seed: true,
    rateLimits: { ...ONE_ADDRESS_FOR_ALL, ...options.rateLimits },
    trustedProxyHops: options.trustedProxyHops,
    expireEveryMs: options.expireEveryMs ?? 0,
    tokenTtlMs: options.tokenTtlMs,
    signOnTokenTtlMs: options.signOnTokenTtlMs,
    tokenSweepMs: options.tokenSweepMs ?? 0,
    teamOpeningWatchMs: options.teamOpeningWatchMs ?? 0,
    staticRoots: options.staticRoots,
    smtpUrl: options.smtpUrl,
    mailFrom: options.mailFrom,
    publicUrl: options.publicUrl,
    ...options.more,
  });
  const url = await server.listen(options.port ?? 0, '127.0.0.1');
  return {
    url,
    server,
    dataDir,
    async close() {
      await server.close();
      if (ownsDir) await Promise.all([rm(dataDir, { recursive: true, force: true }), dropTestDatabase(dataDir)]);
    },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

/** Logs a demo agent in (password `conecta-demo` unless given) and returns its token. */
export async function loginAgent(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const { status, body } = await postJson(`${url}/api/auth/login`, { email, password });
  if (status !== 200) throw new Error(`login of ${email} failed: ${status} ${JSON.stringify(body)}`);
  return body.token as string;
}

/**
 * A test server with the given demo agents logged in and connected, in that order; its `close`
 * disconnects them too. In a suite: `before(async () => ({ t, agents: [ana] } = await startWithAgents([ANA])))`.
 */
export async function startWithAgents(
  emails: readonly string[],
  options: TestServerOptions = {},
): Promise<{ t: TestServer; agents: TestSocket[] }> {
  const t = await startTestServer(options);
  const agents = await Promise.all(emails.map(async (email) => connectAgent(t.url, await loginAgent(t.url, email))));
  const close = async () => {
    for (const agent of agents) agent.close();
    await t.close();
  };
  return { t: { ...t, close }, agents };
}

export interface ReceivedEvent<E extends EventName = EventName> {
  name: E;
  payload: ServerEvents[E];
}

/** A connected socket.io client with typed commands and a record of every event it received. */
export class TestSocket {
  readonly events: ReceivedEvent[] = [];

  constructor(readonly socket: Socket) {
    socket.onAny((name: string, payload: unknown) => this.events.push({ name: name as EventName, payload: payload as never }));
  }

  /** Sends a command and resolves its acknowledgement (never rejects on `ok: false`). */
  command<N extends CommandName>(name: N, payload: CommandPayload<N> | unknown): Promise<Ack<CommandResults[N]>> {
    return this.socket.timeout(5000).emitWithAck(COMMAND_EVENT, name, payload);
  }

  /** Sends a command and returns its data, throwing on `ok: false`. */
  async ok<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResults[N]> {
    const ack = await this.command(name, payload);
    if (!ack.ok) throw new Error(`${name} answered ${ack.error.code}: ${ack.error.message}`);
    return ack.data;
  }

  /** The received events of one name (optionally filtered). */
  received<E extends EventName>(name: E, where: (payload: ServerEvents[E]) => boolean = () => true): ServerEvents[E][] {
    return this.events
      .filter((e) => e.name === name)
      .map((e) => e.payload as ServerEvents[E])
      .filter(where);
  }

  /** Resolves with the first event (already received or coming) that matches. */
  async waitFor<E extends EventName>(
    name: E,
    where: (payload: ServerEvents[E]) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<ServerEvents[E]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received(name, where)[0];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${name} event matched within ${timeoutMs} ms`);
      await delay(10);
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects with the given handshake `auth`; rejects with the `connect_error` (message 'UNAUTHENTICATED' when refused). */
export function connect(url: string, auth: Record<string, unknown>, extraHeaders?: Record<string, string>): Promise<TestSocket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders });
  const test = new TestSocket(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(test));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

export function connectAgent(url: string, token: string): Promise<TestSocket> {
  return connect(url, { token });
}

export interface VisitorSocket extends TestSocket {
  visitorToken: string;
  visitor: Visitor;
}

/**
 * Gets a visitor token for the channel (reusing `previousToken` when given; as the verified `user`
 * when given) and connects with it.
 */
export async function connectVisitor(
  url: string,
  channel = DEMO_CHANNEL_KEY,
  previousToken?: string,
  user?: WebchatUser,
): Promise<VisitorSocket> {
  const { status, body } = await postJson(`${url}/api/webchat/${encodeURIComponent(channel)}/visitors`, {
    ...(previousToken ? { visitorToken: previousToken } : {}),
    ...(user ? { user } : {}),
  });
  if (status !== 200) throw new Error(`visitor token for ${channel} failed: ${status} ${JSON.stringify(body)}`);
  const socket = await connect(url, { visitorToken: body.visitorToken });
  return Object.assign(socket, { visitorToken: body.visitorToken as string, visitor: body.visitor as Visitor });
}

/** Adds an agent (password `conecta-demo`) straight to the database, e.g. a third colleague. */
export async function addAgent(
  t: TestServer,
  agent: {
    id: string;
    name: string;
    email: string;
    teamIds: string[];
    nickname?: string | null;
    history?: boolean;
    internalChat?: boolean;
    role?: AgentRole;
  },
): Promise<void> {
  const { hash, salt } = await hashPassword(DEMO_PASSWORD);
  await t.server.repo.insertAgent(
    {
      id: agent.id,
      name: agent.name,
      email: agent.email,
      nickname: agent.nickname ?? null,
      extension: null,
      teamIds: agent.teamIds,
      role: agent.role ?? 'agent',
      permissions: {
        history: agent.history ?? false,
        internalChat: agent.internalChat ?? false,
        statistics: false,
        bulkActions: true,
        startConversations: false,
      },
      passwordHash: hash,
      passwordSalt: salt,
    },
    Date.now(),
  );
}

/** Posts to a channel's inbound webhook as its adapter would, signed with `secret` (or the given header). */
export async function postInbound(
  url: string,
  body: { from: string; name?: string; text: string; externalId: string },
  options: { key?: string; secret?: string; signature?: string | null } = {},
) {
  const raw = JSON.stringify(body);
  const signature =
    options.signature === undefined
      ? `sha256=${createHmac('sha256', options.secret ?? DEMO_WHATSAPP.secret)
          .update(raw)
          .digest('hex')}`
      : options.signature;
  const response = await fetch(`${url}/api/channels/${options.key ?? DEMO_WHATSAPP.key}/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-conecta-signature': signature }) },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Uploads bytes as the `file` part of a multipart form; `auth` is the headers identifying the uploader. */
export async function upload(
  url: string,
  bytes: Uint8Array,
  name: string,
  auth: Record<string, string>,
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  const response = await fetch(`${url}/api/files`, { method: 'POST', headers: auth, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

/** What a site's server computes for identity verification: hex HMAC-SHA256 of the user id with the channel's secret. */
export function userHash(userId: string, secret = DEMO_WEBCHAT_SECRET): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/** A verified user of the demo channel (or of `secret`'s channel). */
export function verifiedUser(id: string, extra: Omit<WebchatUser, 'id' | 'hash'> = {}, secret?: string): WebchatUser {
  return { id, hash: userHash(id, secret), ...extra };
}

/** Working hours that never open: the team is offline whenever asked. */
export const NEVER_OPEN: WorkingHours = { timeZone: 'UTC', days: {} };

/** Sets a team's working hours (`null`: always open), e.g. to make a webchat channel offline. */
export async function setWorkingHours(t: TestServer, teamId: string, hours: WorkingHours | null): Promise<void> {
  await t.server.repo.setTeamWorkingHours(teamId, hours);
}

/** Changes parts of a webchat channel's configuration (pre-chat form, menu, appearance, secret, teams, origins). */
export async function configureWebchatChannel(
  t: TestServer,
  key: string,
  changes: Partial<Omit<WebchatChannelRecord, 'key'>>,
): Promise<void> {
  await t.server.repo.updateWebchatChannel(key, changes);
}

/** (De)activates an agent in the database, beside the running server (the admin API that does it is wip/admin's). */
export async function setAgentActive(t: TestServer, agentId: string, active: boolean): Promise<void> {
  await t.server.database.sql.exec('UPDATE agents SET active = ? WHERE id = ?', active ? 1 : 0, agentId);
}
