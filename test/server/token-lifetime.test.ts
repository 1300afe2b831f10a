import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrations } from '../../server/src/db/migrations/index.js';
import { runMigrations } from '../../server/src/db/sqlite.js';
import { DEFAULT_TOKEN_TTL_MS } from '../../server/src/domain/auth.js';
import { hashToken } from '../../server/src/domain/secrets.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  T0,
  TestClock,
  connectAgent,
  connectVisitor,
  loginAgent,
  postJson,
  setAgentActive,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './harness.js';
import { openTestDatabase } from './test-database.js';

// better-sqlite3 is the server workspace's dependency, not the root's.
const Database = createRequire(new URL('../../server/package.json', import.meta.url))('better-sqlite3') as typeof import('better-sqlite3');

const SUPORTE = 'tm-suporte';
const HOUR = 60 * 60_000;

/** Resolves once the server closes the socket, with the `auth.ended` reasons it got before that; rejects after 3 s. */
function endedReasons(agent: TestSocket): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not closed within 3 s')), 3000);
    agent.socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(agent.received('auth.ended').map((event) => event.reason));
    });
  });
}

describe('agent tokens expire', () => {
  const clock = new TestClock();
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now, tokenTtlMs: 2 * HOUR })));
  after(() => t.close());

  it('login answers when the token stops working: now + tokenTtlMs', async () => {
    const { status, body } = await postJson(`${t.url}/api/auth/login`, { email: ANA, password: 'conecta-demo' });
    assert.equal(status, 200);
    assert.equal(body.expiresAt, clock.now() + 2 * HOUR);
    assert.equal(body.agent.id, DEMO_AGENTS.ana.id);
  });

  it('the sweep tells a socket whose token expired (auth.ended expired) and closes it; a fresher socket stays', async () => {
    const oldToken = await loginAgent(t.url, ANA);
    const old = await connectAgent(t.url, oldToken);
    clock.advance(HOUR);
    const fresh = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const ended = endedReasons(old);

    assert.equal(await t.server.tokenSweep.sweep(), 0, 'nothing has expired yet');
    clock.advance(HOUR);
    assert.equal(await t.server.tokenSweep.sweep(), 1);
    assert.deepEqual(await ended, ['expired']);
    assert.equal(fresh.socket.connected, true);
    assert.equal(fresh.received('auth.ended').length, 0);

    // The expired token opens nothing any more, over the socket or HTTP.
    await assert.rejects(connectAgent(t.url, oldToken), { message: 'UNAUTHENTICATED' });
    const logout = await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${oldToken}` });
    assert.equal(logout.status, 401);
    fresh.close();
  });

  it('refuses a handshake with a token one millisecond past its expiry', async () => {
    const token = await loginAgent(t.url, BRUNO);
    clock.advance(2 * HOUR - 1);
    (await connectAgent(t.url, token)).close();
    clock.advance(1);
    await assert.rejects(connectAgent(t.url, token), { message: 'UNAUTHENTICATED' });
  });
});

describe('the token sweep on a timer', () => {
  let t: TestServer;
  // Real time: a 300 ms lifetime, swept every 50 ms.
  before(async () => (t = await startTestServer({ tokenTtlMs: 300, tokenSweepMs: 50 })));
  after(() => t.close());

  it('closes the socket with reason expired within the sweep period after expiry', async () => {
    const agent = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const connectedAt = Date.now();
    assert.deepEqual(await endedReasons(agent), ['expired']);
    const closedAfter = Date.now() - connectedAt;
    assert.ok(closedAfter < 300 + 50 + 250, `closed ${closedAfter} ms after connecting`);
  });
});

describe('auth.refresh', () => {
  const clock = new TestClock();
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now })));
  after(() => t.close());

  it('moves the socket to a new token of the same agent: same socket id, same session subscriptions, new expiry', async () => {
    const firstToken = await loginAgent(t.url, ANA);
    const ana = await connectAgent(t.url, firstToken);
    const socketId = ana.socket.id;
    const maria = await connectVisitor(t.url);
    const sessionId = randomUUID();
    await maria.ok('webchat.start', { sessionId, name: 'Maria', teamId: SUPORTE });
    await ana.ok('session.sync', { sessionId, afterSeq: 0 });

    clock.advance(11 * HOUR);
    const secondToken = await loginAgent(t.url, ANA);
    assert.deepEqual(await ana.ok('auth.refresh', { token: secondToken }), { expiresAt: clock.now() + DEFAULT_TOKEN_TTL_MS });

    // Past the first token's expiry the socket lives on, under the second token.
    clock.advance(2 * HOUR);
    assert.equal(await t.server.tokenSweep.sweep(), 0);
    assert.equal(ana.socket.connected, true);
    assert.equal(ana.socket.id, socketId);
    await maria.ok('message.send', { id: randomUUID(), sessionId, text: 'still there?' });
    await ana.waitFor('message.created', (event) => event.message.text === 'still there?');

    // Logging out the second token now reaches this socket.
    const ended = endedReasons(ana);
    await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${secondToken}` });
    assert.deepEqual(await ended, ['revoked']);
    maria.close();
  });

  it('the old token’s logout no longer reaches a socket refreshed away from it', async () => {
    const firstToken = await loginAgent(t.url, ANA);
    const ana = await connectAgent(t.url, firstToken);
    await ana.ok('auth.refresh', { token: await loginAgent(t.url, ANA) });
    await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${firstToken}` });
    assert.equal((await ana.command('agent.snapshot', {})).ok, true);
    assert.equal(ana.socket.connected, true);
    ana.close();
  });

  it('refuses another agent’s token (FORBIDDEN) and an invalid one (UNAUTHENTICATED), and the socket keeps its token', async () => {
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const brunoToken = await loginAgent(t.url, BRUNO);
    const other = await ana.command('auth.refresh', { token: brunoToken });
    assert.equal(other.ok, false);
    assert.equal(!other.ok && other.error.code, 'FORBIDDEN');
    const invalid = await ana.command('auth.refresh', { token: 'tok_made_up' });
    assert.equal(!invalid.ok && invalid.error.code, 'UNAUTHENTICATED');
    const empty = await ana.command('auth.refresh', { token: '' });
    assert.equal(!empty.ok && empty.error.code, 'INVALID_PAYLOAD');

    // Still Ana, on her own token: the expiry sweep closes it at her token's time.
    const snapshot = await ana.ok('agent.snapshot', {});
    assert.equal(snapshot.agent.id, DEMO_AGENTS.ana.id);
    clock.advance(DEFAULT_TOKEN_TTL_MS);
    const ended = endedReasons(ana);
    await t.server.tokenSweep.sweep();
    assert.deepEqual(await ended, ['expired']);
  });

  it('refuses an expired token', async () => {
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const stale = await loginAgent(t.url, ANA);
    clock.advance(DEFAULT_TOKEN_TTL_MS);
    const refused = await ana.command('auth.refresh', { token: stale });
    assert.equal(!refused.ok && refused.error.code, 'UNAUTHENTICATED');
    ana.close();
  });
});

describe('logout and revocation tell the sockets why they close', () => {
  const clock = new TestClock();
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now })));
  after(() => t.close());

  it('logout sends auth.ended revoked to every socket of that token, then closes them', async () => {
    const token = await loginAgent(t.url, ANA);
    const tabs = [await connectAgent(t.url, token), await connectAgent(t.url, token)];
    const ended = tabs.map(endedReasons);
    await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
    assert.deepEqual(await Promise.all(ended), [['revoked'], ['revoked']]);
  });

  it('revokeAgent ends every token of the agent with the given reason, and no other agent’s', async () => {
    const [first, second] = [await loginAgent(t.url, ANA), await loginAgent(t.url, ANA)];
    const sockets = [await connectAgent(t.url, first), await connectAgent(t.url, second)];
    const bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    const ended = sockets.map(endedReasons);
    await t.server.services.auth.revokeAgent(DEMO_AGENTS.ana.id, 'deactivated');
    assert.deepEqual(await Promise.all(ended), [['deactivated'], ['deactivated']]);
    await assert.rejects(connectAgent(t.url, first), { message: 'UNAUTHENTICATED' });
    assert.equal(bruno.socket.connected, true);
    assert.equal(bruno.received('auth.ended').length, 0);
    bruno.close();
  });

  it('the sweep ends sockets whose token was revoked, or whose agent was deactivated, by another process', async () => {
    const [kept, revoked] = [await loginAgent(t.url, ANA), await loginAgent(t.url, ANA)];
    const keptSocket = await connectAgent(t.url, kept);
    const revokedSocket = await connectAgent(t.url, revoked);
    const bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    const ended = [endedReasons(revokedSocket), endedReasons(bruno)];
    // As `conecta-server apply` would, through its own connection to the database: this process is not told.
    const db = await openTestDatabase(t.dataDir);
    await db.sql.exec('DELETE FROM auth_tokens WHERE token_hash = ?', hashToken(revoked));
    await db.close();
    await setAgentActive(t, DEMO_AGENTS.bruno.id, false);

    assert.equal(await t.server.tokenSweep.sweep(), 2);
    assert.deepEqual(await Promise.all(ended), [['revoked'], ['deactivated']]);
    assert.equal(keptSocket.socket.connected, true);
    assert.equal(keptSocket.received('auth.ended').length, 0);
    await setAgentActive(t, DEMO_AGENTS.bruno.id, true);
    keptSocket.close();
  });
});

describe('deactivated agents', () => {
  const clock = new TestClock(T0);
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now })));
  after(() => t.close());

  it('cannot log in (the same answer as a wrong password) nor use a token they already had', async () => {
    const token = await loginAgent(t.url, BRUNO);
    const wrong = await postJson(`${t.url}/api/auth/login`, { email: BRUNO, password: 'wrong password' });
    await setAgentActive(t, DEMO_AGENTS.bruno.id, false);
    const refused = await postJson(`${t.url}/api/auth/login`, { email: BRUNO, password: 'conecta-demo' });
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.body, wrong.body);
    await assert.rejects(connectAgent(t.url, token), { message: 'UNAUTHENTICATED' });

    await setAgentActive(t, DEMO_AGENTS.bruno.id, true);
    (await connectAgent(t.url, token)).close();
  });
});

describe('migration 007 (auth tokens)', () => {
  it('gives the tokens issued before it an expiry: 12 hours after they were issued', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-007-'));
    const db = new Database(join(dir, 'conecta.sqlite'));
    try {
      const before007 = migrations.findIndex((sql) => sql.includes('CREATE TABLE api_keys'));
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
      migrations.slice(0, before007).forEach((sql, index) => {
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(index + 1, T0);
      });
      db.prepare(
        `INSERT INTO agents (id, name, email, password_hash, password_salt, created_at) VALUES ('ag-old', 'Old', 'old@x.dev', '', '', ?)`,
      ).run(T0);
      db.prepare(`INSERT INTO auth_tokens (token_hash, agent_id, created_at) VALUES ('h', 'ag-old', ?)`).run(T0);

      assert.equal(runMigrations(db), migrations.length - before007);
      assert.deepEqual(db.prepare('SELECT expires_at, api_key_id FROM auth_tokens').get(), {
        expires_at: T0 + DEFAULT_TOKEN_TTL_MS,
        api_key_id: null,
      });
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
