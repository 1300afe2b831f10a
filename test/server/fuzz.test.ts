import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../server/src/db/database.js';
import { commandSchemas, ERROR_CODES, parseCommand, type Ack, type CommandName } from '../../src/protocol/index.js';
import { changedTables, dumpTables } from './database-dump.js';
import {
  ANA,
  BRUNO,
  DEMO_CHANNEL_KEY,
  DEMO_TEAMS,
  connectAgent,
  connectVisitor,
  loginAgent,
  startTestServer,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';
import { hostilePayload, hostileValue, pick, RAW_BODIES, seededRandom } from './hostile-values.js';

/**
 * Seeded random and malformed input for every socket command and every HTTP route. The server never
 * crashes, refuses what its schemas refuse, answers with the protocol's error shape (never INTERNAL
 * or a 5xx for bad input), and whatever it refused left the database exactly as it was.
 * `FUZZ_SEED` replays a run; `FUZZ_RUNS` sets its length (`npm run bench:fuzz` runs a long one).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const LIFTED = { perSecond: 100_000, burst: 100_000 };
const UNLIMITED = {
  commands: LIFTED,
  visitorTokens: { perAddress: LIFTED, perChannel: LIFTED },
  sessions: { perVisitor: LIFTED, perAddress: LIFTED, perChannel: LIFTED },
  messages: { perVisitor: LIFTED, perAddress: LIFTED, perChannel: LIFTED },
  signOns: { perAddress: LIFTED, perKey: LIFTED, failuresPerAddress: LIFTED },
  passwordResets: { perAddress: LIFTED },
  passwordSets: { perAddress: LIFTED },
};

/** A refused login is recorded on purpose: that is how the throttle counts failures. */
const LOGIN_TABLES = new Set(['login_failures', 'login_locks', 'login_throttle', 'login_address_failures']);

/** The keys of a command's payload schema (inside a pipe when the schema checks across fields). */
function payloadKeys(name: CommandName): string[] {
  const schema = commandSchemas[name].payload as { entries?: object; pipe?: { entries?: object }[] };
  const entries = schema.entries ?? schema.pipe?.[0]?.entries ?? {};
  return Object.keys(entries);
}

/** What the server receives: the payload after socket.io's JSON (NaN becomes null, and so on). */
const overTheWire = (payload: unknown): unknown => (payload === undefined ? undefined : JSON.parse(JSON.stringify(payload) ?? 'null'));

describe(`fuzz (seed ${SEED}, ${RUNS} runs)`, () => {
  let t: TestServer;
  let db: Database;
  let anaToken: string;
  let brunoToken: string;
  let ana: TestSocket;
  let bruno: TestSocket;
  let visitor: VisitorSocket;
  /** Ids that exist, so that some cases pass validation and reach the services. */
  let plausible: unknown[];

  before(async () => {
    t = await startTestServer({ rateLimits: UNLIMITED });
    db = t.server.database;
    anaToken = await loginAgent(t.url, ANA);
    brunoToken = await loginAgent(t.url, BRUNO);
    ana = await connectAgent(t.url, anaToken);
    bruno = await connectAgent(t.url, brunoToken);
    visitor = await connectVisitor(t.url);
    await visitor.ok('webchat.start', { sessionId: randomUUID(), teamId: DEMO_TEAMS.suporte.id, name: 'Fuzz', text: 'hello' });
    const ids = async (table: string) => (await db.sql.all(`SELECT id FROM "${table}"`)).map((row) => row.id);
    plausible = [
      ...(await Promise.all(['sessions', 'contacts', 'agents', 'teams', 'tags', 'templates', 'pause_types', 'notes'].map(ids))).flat(),
      randomUUID(),
      DEMO_CHANNEL_KEY,
      'delivered',
      'read',
      1,
      3,
      true,
      'Fuzz',
      '+5511999990000',
      'x@example.com',
    ];
  });
  after(async () => {
    for (const socket of [ana, bruno, visitor]) socket?.close();
    await t?.close();
  });

  it('refuses every malformed command with an error in the ack and changes nothing', async () => {
    const random = seededRandom(SEED);
    const names = Object.keys(commandSchemas) as CommandName[];
    const senders = [ana, bruno, visitor];
    let snapshot = await dumpTables(db);
    for (let run = 0; run < RUNS; run++) {
      // Every command in turn, so a short run still covers them all.
      const name = names[run % names.length]!;
      const sender = pick(random, senders);
      const payload = hostilePayload(random, payloadKeys(name), plausible);
      const replay = `seed ${SEED}, run ${run}: ${name} ${preview(payload)}`;
      const answer = (await sender.command(name, payload)) as Ack<unknown>;
      if (answer.ok) {
        assert.ok(parseCommand(name, overTheWire(payload)).ok, `accepted what its schema refuses (${replay})`);
        snapshot = await dumpTables(db);
        continue;
      }
      assertProtocolError(answer.error, replay);
      const after = await dumpTables(db);
      assert.deepEqual(changedTables(snapshot, after), [], `a refused command changed the database (${replay})`);
    }
    for (const socket of senders) assert.equal(socket.socket.connected, true);
    assert.equal((await ana.command('agent.snapshot', {})).ok, true);
  });

  it('answers every malformed HTTP request with a 4xx error body and changes nothing', async () => {
    const random = seededRandom(SEED + 1);
    const routes = listRoutes(t.server.http.printRoutes({ commonPrefix: false }));
    assert.ok(routes.length > 20, `routes found: ${routes.length}`);
    const bodyKeys = ['email', 'password', 'token', 'visitorToken', 'user', 'name', 'id', 'text', 'from', 'externalId', 'role', 'teamIds'];
    let snapshot = await dumpTables(db);
    for (let run = 0; run < RUNS; run++) {
      const route = routes[run % routes.length]!;
      const method = pick(random, route.methods);
      // Capped: past Node's header limit (16 KiB) the HTTP parser answers 431 before the app sees anything.
      const segment = () => encodeURIComponent(String(pick(random, [...plausible, ...plausible, hostileValue(random)])).slice(0, 2000));
      const path = route.path.replace(/:\w+/g, () => (random() < 0.05 ? pick(random, ['%', '%E0%A4%A', '%00', '..%2F..']) : segment()));
      const query = random() < 0.3 ? `?limit=${pick(random, ['NaN', '-1', '1e999', '0'])}&since=__proto__&exp=1e999&sig=%00` : '';
      const headers: Record<string, string> = {};
      const auth = pick(random, ['none', 'ana', 'bruno', 'garbage', 'visitor']);
      // A valid token on logout would end the session the rest of the run uses.
      if (auth === 'ana' && !route.path.endsWith('/logout')) headers.authorization = `Bearer ${anaToken}`;
      if (auth === 'bruno' && !route.path.endsWith('/logout')) headers.authorization = `Bearer ${brunoToken}`;
      if (auth === 'garbage') headers.authorization = pick(random, ['Bearer ', 'Bearer x.y.z', 'Basic YTpi', 'Bearer ' + 'a'.repeat(5000)]);
      if (auth === 'visitor') headers['x-visitor-token'] = visitor.visitorToken;
      let body: string | undefined;
      if (method !== 'GET' && method !== 'DELETE' && random() < 0.85) {
        body = random() < 0.6 ? JSON.stringify(hostilePayload(random, bodyKeys, plausible)) : pick(random, RAW_BODIES);
        headers['content-type'] = pick(random, [
          'application/json',
          'application/json',
          'application/json; charset=utf-16',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ]);
      }
      const replay = `seed ${SEED + 1}, run ${run}: ${method} ${preview(path)}${query} (${auth}) ${preview(body)}`;
      const response = await fetch(`${t.url}${path}${query}`, { method, headers, body });
      const text = await response.text();
      assert.ok(response.status < 500, `${response.status} ${text.slice(0, 300)} (${replay})`);
      if (response.status < 400) {
        snapshot = await dumpTables(db);
        continue;
      }
      const answer = JSON.parse(text) as { error: unknown };
      assertProtocolError(answer.error as never, `${response.status} ${text.slice(0, 200)} ${replay}`);
      const except = /\/api\/auth\/(login|token)$/.test(route.path) ? LOGIN_TABLES : new Set<string>();
      const after = await dumpTables(db, except);
      assert.deepEqual(changedTables(withoutTables(snapshot, except), after), [], `a refused request changed the database (${replay})`);
      snapshot = await dumpTables(db);
    }
    assert.equal((await fetch(`${t.url}/health`)).status, 200);
  });
});

function withoutTables(dump: Map<string, string>, except: ReadonlySet<string>): Map<string, string> {
  return new Map([...dump].filter(([name]) => !except.has(name)));
}

function assertProtocolError(error: { code?: unknown; message?: unknown; fields?: unknown } | undefined, replay: string): void {
  assert.ok(error && typeof error === 'object', `no error object (${replay})`);
  assert.ok(ERROR_CODES.includes(error.code as never), `unknown error code ${String(error.code)} (${replay})`);
  assert.notEqual(error.code, 'INTERNAL', `INTERNAL for bad input (${replay})`);
  assert.equal(typeof error.message, 'string', `error without a message (${replay})`);
}

/** The routes of Fastify's route tree (`printRoutes({ commonPrefix: false })`), with the methods a client may send. */
function listRoutes(tree: string): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const parents: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (parents[depth - 1] ?? '') + match[2]!;
    parents[depth] = path;
    const methods = (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD' && m !== 'OPTIONS');
    if (methods.length && path.startsWith('/')) routes.push({ path, methods });
  }
  return routes;
}

const preview = (value: unknown): string => {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text;
};
