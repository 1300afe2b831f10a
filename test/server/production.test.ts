import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ServerOptions } from '../../server/src/app.js';
import { migrations } from '../../server/src/db/migrations/index.js';
import { allowedOriginsSchema } from '../../server/src/db/migrations/010-allowed-origins.js';
import { findDemoLeaks } from '../../server/src/domain/demo-leaks.js';
import { hashPassword } from '../../server/src/domain/secrets.js';
import { randomUUID } from 'node:crypto';
import {
  ANA,
  connect,
  connectAgent,
  connectVisitor,
  DEMO_CHANNEL_KEY,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
} from './harness.js';
import { openTestDatabase } from './test-database.js';

describe('allowed origins of a webchat channel', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    for (const [key, allowedOrigins] of [
      ['closed', []],
      ['open', ['*']],
      ['shop', ['https://shop.example']],
    ] as const) {
      await t.server.repo.insertWebchatChannel({ key, name: key, teamIds: ['tm-vendas'], allowedOrigins: [...allowedOrigins] }, Date.now());
    }
  });
  after(() => t.close());

  const status = async (key: string, origin: string) => (await fetch(`${t.url}/api/webchat/${key}`, { headers: { origin } })).status;

  it('refuses every site when the list is empty', async () => {
    assert.equal(await status('closed', 'https://shop.example'), 403);
    assert.equal((await postJson(`${t.url}/api/webchat/closed/visitors`, {}, { origin: 'https://shop.example' })).status, 403);
  });

  it('allows any site with *', async () => {
    assert.equal(await status('open', 'https://anywhere.example'), 200);
  });

  it('allows the listed sites only', async () => {
    assert.equal(await status('shop', 'https://shop.example'), 200);
    assert.equal(await status('shop', 'https://evil.example'), 403);
  });

  it('holds the socket handshake to the same rule', async () => {
    // No Origin (not a browser page): a token can be had; the page's origin is then checked at the handshake.
    const { body } = await postJson(`${t.url}/api/webchat/closed/visitors`, {});
    await assert.rejects(connect(t.url, { visitorToken: body.visitorToken }, { origin: 'https://shop.example' }), {
      message: 'UNAUTHENTICATED',
    });
    const open = await postJson(`${t.url}/api/webchat/open/visitors`, {});
    (await connect(t.url, { visitorToken: open.body.visitorToken }, { origin: 'https://anywhere.example' })).close();
  });

  it('keeps the demo channel open to any site', async () => {
    assert.equal(await status(DEMO_CHANNEL_KEY, 'https://anywhere.example'), 200);
  });

  it('keeps channels written before the rule open to any site (migration 010)', async () => {
    const sql = t.server.database.sql;
    await sql.exec(`UPDATE webchat_channels SET allowed_origins = '[]' WHERE key = 'closed'`);
    await sql.exec('DELETE FROM schema_migrations WHERE version = ?', migrations.indexOf(allowedOriginsSchema) + 1);
    // Opening a database applies the migrations it lacks: 010 again.
    const reopened = await openTestDatabase(t.dataDir);
    try {
      const row = await reopened.sql.get(`SELECT allowed_origins FROM webchat_channels WHERE key = 'closed'`);
      assert.equal(row?.allowed_origins, '["*"]');
    } finally {
      await reopened.close();
    }
  });
});

describe('demo secrets in a production database', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.close());

  it('finds every demo secret of a seeded database', async () => {
    assert.deepEqual(await findDemoLeaks(t.server.database.sql), [
      'channel "demo" uses a demo secret, published in the docs',
      'channel "demo-vendas" uses a demo secret, published in the docs',
      'channel "whatsapp-demo" uses a demo secret, published in the docs',
      'agent ana@demo.conecta.dev has the demo password "conecta-demo"',
      'agent bruno@demo.conecta.dev has the demo password "conecta-demo"',
    ]);
  });

  it('finds none once the secrets and passwords are changed', async () => {
    const db = t.server.database.sql;
    await db.exec(`UPDATE webchat_channels SET secret = 'rotated-' || key`);
    await db.exec(`UPDATE channels SET secret = 'rotated-' || key`);
    const { hash, salt } = await hashPassword('a company password');
    await db.exec('UPDATE agents SET password_hash = ?, password_salt = ?', hash, salt);
    assert.deepEqual(await findDemoLeaks(db), []);
  });
});

const PUBLIC_ROOT = fileURLToPath(new URL('../../server/public', import.meta.url));

/** A built tree like rollup's: a loader at a fixed name, chunks named by their content hash. */
async function fakeBuild(dir: string): Promise<void> {
  const code = `export const text = ${JSON.stringify('conecta '.repeat(2000))};\n`;
  await mkdir(join(dir, 'cdn/webchat'), { recursive: true });
  await writeFile(join(dir, 'cdn/conecta-webchat.js'), code);
  await writeFile(join(dir, 'cdn/webchat/lite-socket-Bq3xY_9z.js'), code);
}

/** The server as `conecta-server start` builds it, on a seeded database (for agents to log in) and a fake build. */
async function startProductionLike(more: Partial<ServerOptions> = {}): Promise<TestServer> {
  const distDir = await mkdtemp(join(tmpdir(), 'conecta-dist-'));
  await fakeBuild(distDir);
  const t = await startTestServer({
    staticRoots: [
      { prefix: '/', root: PUBLIC_ROOT },
      { prefix: '/dist/cdn/', root: join(distDir, 'cdn') },
    ],
    more: { strictPages: true, ...more },
  });
  return {
    ...t,
    async close() {
      await t.close();
      await rm(distDir, { recursive: true, force: true });
    },
  };
}

describe('security headers', () => {
  let p: TestServer;
  before(async () => (p = await startProductionLike()));
  after(() => p.close());

  it('sends the pages the server serves with a strict Content-Security-Policy', async () => {
    const page = await fetch(`${p.url}/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  });

  it('keeps the built elements embeddable on any site', async () => {
    const loader = await fetch(`${p.url}/dist/cdn/conecta-webchat.js`);
    assert.equal(loader.status, 200);
    assert.equal(loader.headers.get('access-control-allow-origin'), '*');
    assert.equal(loader.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(loader.headers.get('content-security-policy'), null);
  });

  it('leaves the strict policy off in the demo, whose pages stand in for other sites', async () => {
    const demo = await startProductionLike({ strictPages: false });
    try {
      const page = await fetch(`${demo.url}/`);
      assert.equal(page.headers.get('content-security-policy'), null);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    } finally {
      await demo.close();
    }
  });
});

describe('health and readiness', () => {
  let p: TestServer;
  before(async () => (p = await startProductionLike()));
  after(() => p.close());

  it('answers /health while the process runs', async () => {
    const response = await fetch(`${p.url}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('answers /ready when the database is open and migrated', async () => {
    const response = await fetch(`${p.url}/ready`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ready' });
  });

  it('answers /ready 503 when a migration is missing', async () => {
    const db = p.server.database.sql;
    const last = (await db.get('SELECT * FROM schema_migrations WHERE version = ?', migrations.length))!;
    try {
      await db.exec('DELETE FROM schema_migrations WHERE version = ?', migrations.length);
      const response = await fetch(`${p.url}/ready`);
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { status: 'not ready', reason: '1 migration(s) not applied' });
    } finally {
      await db.exec('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', last.version, last.applied_at);
    }
  });
});

describe('metrics', () => {
  const METRICS_TOKEN = 'metrics-token-for-the-tests';
  let p: TestServer;
  before(async () => (p = await startProductionLike({ metricsToken: METRICS_TOKEN })));
  after(() => p.close());

  const scrape = async (authorization?: string) => fetch(`${p.url}/metrics`, { headers: authorization ? { authorization } : {} });
  /** The value of one sample line, e.g. `conecta_sockets_connected{kind="agent"}`. */
  const sample = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('requires the metrics token when one is set', async () => {
    assert.equal((await scrape()).status, 401);
    assert.equal((await scrape('Bearer not-the-metrics-token')).status, 401);
    const response = await scrape(`Bearer ${METRICS_TOKEN}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
  });

  it('counts sockets by kind, commands by name and outcome with their latency, waiting sessions per team and messages stored', async () => {
    const ana = await connectAgent(p.url, await loginAgent(p.url, ANA));
    const visitor = await connectVisitor(p.url);
    try {
      const { session } = await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' });
      await visitor.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'Olá' });
      await ana.command('session.accept', { sessionId: 'no-such-session' });
      await ana.command('no.such.command' as never, {});

      const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
      assert.equal(sample(text, 'conecta_sockets_connected{kind="agent"}'), 1);
      assert.equal(sample(text, 'conecta_sockets_connected{kind="visitor"}'), 1);
      assert.equal(sample(text, 'conecta_commands_total{command="webchat.start",outcome="ok"}'), 1);
      assert.equal(sample(text, 'conecta_commands_total{command="session.accept",outcome="NOT_FOUND"}'), 1);
      assert.equal(sample(text, 'conecta_commands_total{command="(unknown)",outcome="UNKNOWN_COMMAND"}'), 1);
      assert.equal(sample(text, 'conecta_command_duration_seconds_count{command="message.send"}'), 1);
      assert.equal(sample(text, 'conecta_sessions_waiting{team="tm-suporte"}'), 1);
      assert.equal(sample(text, 'conecta_sessions_waiting{team="tm-vendas"}'), 0);
      assert.equal(sample(text, 'conecta_messages_stored_total{author="contact"}'), 1);
      assert.match(text, /^process_cpu_seconds_total /m);
    } finally {
      ana.close();
      visitor.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
    assert.equal(sample(after, 'conecta_sockets_connected{kind="agent"}'), 0);
  });

  it('is open without a token (then the reverse proxy keeps it private)', async () => {
    const open = await startProductionLike();
    try {
      assert.equal((await fetch(`${open.url}/metrics`)).status, 200);
    } finally {
      await open.close();
    }
  });
});

describe('logs', () => {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) };
  let p: TestServer;
  before(async () => (p = await startProductionLike({ logger: { level: 'info', destination } })));
  after(() => p.close());

  it('are JSON lines with the request id the caller gave, echoed back', async () => {
    const response = await fetch(`${p.url}/health`, { headers: { 'x-request-id': 'proxy-id-42' } });
    assert.equal(response.headers.get('x-request-id'), 'proxy-id-42');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(entries.some((entry) => entry.requestId === 'proxy-id-42' && (entry.req as { url?: string })?.url === '/health'));
  });

  it('give each request a new id when the caller gave none, or one that could forge log lines', async () => {
    const plain = (await fetch(`${p.url}/health`)).headers.get('x-request-id') ?? '';
    assert.match(plain, /^[0-9a-f-]{36}$/);
    const forged = (await fetch(`${p.url}/health`, { headers: { 'x-request-id': 'a"}\u0009{"level":60' } })).headers.get('x-request-id');
    assert.match(forged ?? '', /^[0-9a-f-]{36}$/);
  });

  it('never hold passwords, tokens, Authorization headers, query tokens or message bodies', async () => {
    const token = await loginAgent(p.url, ANA);
    await fetch(`${p.url}/api/agent/me?token=${token}&visitorToken=query-visitor-token`, { headers: { authorization: `Bearer ${token}` } });
    await postJson(`${p.url}/api/auth/login`, { email: ANA, password: 'a wrong password for the log' });
    const visitor = await connectVisitor(p.url);
    try {
      const { session } = await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' });
      await visitor.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'a private message body' });
    } finally {
      visitor.close();
    }
    const log = lines.join('');
    assert.ok(lines.length > 4);
    for (const secret of [
      token,
      'query-visitor-token',
      'a wrong password for the log',
      'conecta-demo',
      visitor.visitorToken,
      'a private message body',
    ]) {
      assert.ok(!log.includes(secret), `the log holds ${secret}`);
    }
    assert.match(log, /token=\[redacted\]&visitorToken=\[redacted\]/);
  });

  it('show the client address past the trusted proxies', async () => {
    const proxied: string[] = [];
    const behindProxy = await startProductionLike({
      trustedProxyHops: 1,
      logger: { level: 'info', destination: { write: (line) => void proxied.push(line) } },
    });
    try {
      await fetch(`${behindProxy.url}/health`, { headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' } });
      const entries = proxied.map((line) => JSON.parse(line) as { req?: { remoteAddress?: string } });
      assert.ok(
        entries.some((entry) => entry.req?.remoteAddress === '203.0.113.9'),
        proxied.join(''),
      );
    } finally {
      await behindProxy.close();
    }
  });
});

describe('static files', () => {
  let p: TestServer;
  before(async () => (p = await startProductionLike()));
  after(() => p.close());

  /** The answer's headers, asking for the given encodings (fetch decompresses the body, the headers stay). */
  const headersOf = async (path: string, acceptEncoding: string) =>
    (await fetch(`${p.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } })).headers;

  it('compresses with brotli or gzip, as the client accepts', async () => {
    assert.equal((await headersOf('/dist/cdn/conecta-webchat.js', 'br, gzip')).get('content-encoding'), 'br');
    assert.equal((await headersOf('/dist/cdn/conecta-webchat.js', 'gzip')).get('content-encoding'), 'gzip');
    assert.equal((await headersOf('/dist/cdn/conecta-webchat.js', 'identity')).get('content-encoding'), null);
  });

  it('caches files named by their content as immutable for a year', async () => {
    const headers = await headersOf('/dist/cdn/webchat/lite-socket-Bq3xY_9z.js', 'gzip');
    assert.equal(headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('caches the CDN loader, whose name stays across releases, a few minutes only', async () => {
    assert.equal((await headersOf('/dist/cdn/conecta-webchat.js', 'gzip')).get('cache-control'), 'public, max-age=300');
  });

  it('has pages asked for again each time', async () => {
    assert.equal((await headersOf('/', 'gzip')).get('cache-control'), 'no-cache');
  });
});
