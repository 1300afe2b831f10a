import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConectaClient } from '../../src/client/client.js';
import {
  ANA,
  DEMO_AGENTS,
  DEMO_PASSWORD,
  DEMO_TEAMS,
  NEVER_OPEN,
  connectVisitor,
  setWorkingHours,
  startTestServer,
  upload,
  type TestServer,
} from '../server/harness.js';
import { dropTestDatabase } from '../server/test-database.js';
import { agentSockets } from './node-sockets.js';
import { until } from './support.js';

/** What `<conecta-agent-bar>` needs of the real client and server: the agent's day, its connection, its logout. */
describe("the agent client's workday state", () => {
  let t: TestServer;
  const clients: ConectaClient[] = [];
  before(async () => (t = await startTestServer()));
  after(async () => {
    for (const client of clients) client.close();
    await t?.close();
  });

  const anaClient = async (url = t.url) => {
    const { token } = await ConectaClient.login(url, ANA, DEMO_PASSWORD);
    const client = new ConectaClient({ server: url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    clients.push(client);
    return { client, token };
  };

  it('keeps the snapshot’s availability and time logged in today, which grows from there', async () => {
    const { client } = await anaClient();
    const before = Date.now();
    await client.loadQueue();
    const { availability, loggedInToday } = client.store.state;
    assert.equal(availability?.agentId, DEMO_AGENTS.ana.id);
    assert.equal(availability?.state, 'online');
    assert.equal(typeof loggedInToday?.ms, 'number');
    assert.ok(loggedInToday!.at >= before);
  });

  it('logs out: the token is revoked on the server and the client closes', async () => {
    const { client, token } = await anaClient();
    await client.loadQueue();
    await client.logout();
    assert.equal(client.store.state.connection, 'disconnected');
    const { status } = await upload(t.url, new TextEncoder().encode('x'), 'a.txt', { authorization: `Bearer ${token}` }, 'text/plain');
    assert.equal(status, 401, 'the token no longer works');
  });

  it('counts failed attempts to reach a stopped server, and forgets them once it is back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'conecta-workday-'));
    let server = await startTestServer({ dataDir });
    const port = Number(new URL(server.url).port);
    try {
      const { client } = await anaClient(server.url);
      await client.loadQueue();
      assert.equal(client.store.state.connectionFailures ?? 0, 0);
      await server.close();
      await until(client, (state) => state.connection === 'connecting' && (state.connectionFailures ?? 0) > 0, 15_000);
      server = await startTestServer({ dataDir, port });
      await until(client, (state) => state.connection === 'connected' && state.connectionFailures === 0, 15_000);
    } finally {
      await server.close();
      await Promise.all([rm(dataDir, { recursive: true, force: true }), dropTestDatabase(dataDir)]);
    }
  });
});

/** Pauses, counters, profile and password through the client, against the real availability service. */
describe("the agent client's pauses, counters and profile", () => {
  const LUNCH = { id: 'pt-almoco', name: 'Almoço', timeLimitMs: 10 * 60_000 };
  let t: TestServer;
  let client: ConectaClient;
  before(async () => {
    t = await startTestServer();
    await t.server.repo.admin.pauseTypes.put(LUNCH);
    const { token } = await ConectaClient.login(t.url, ANA, DEMO_PASSWORD);
    client = new ConectaClient({ server: t.url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    await client.loadQueue();
    await client.loadCatalog();
  });
  after(async () => {
    client?.close();
    await t?.close();
  });

  it('lists the pause types, pauses, and resumes; online again, it reloads the queue', async () => {
    assert.deepEqual(
      client.store.state.catalog?.pauseTypes.find((type) => type.id === LUNCH.id),
      LUNCH,
    );
    const paused = await client.pause(LUNCH.id);
    assert.equal(paused.state, 'paused');
    assert.deepEqual(client.store.state.availability, paused);
    assert.equal(client.store.state.catalog?.agents.find((agent) => agent.id === DEMO_AGENTS.ana.id)?.availability.state, 'paused');
    const snapshotsBefore = client.store.state.loggedInToday!.at;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await client.resume();
    assert.equal(client.store.state.availability?.state, 'online');
    await until(client, (state) => state.loggedInToday!.at > snapshotsBefore);
  });

  it('loads the sessions that waited while the team was closed, once the team opens', async () => {
    await setWorkingHours(t, DEMO_TEAMS.suporte.id, NEVER_OPEN);
    try {
      await t.server.teamOpenings.look();
      const visitor = await connectVisitor(t.url);
      const { session } = await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Vera Lúcia', teamId: DEMO_TEAMS.suporte.id });
      visitor.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(client.store.state.sessions[session.id], undefined, 'offered while the team was closed');
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
      await t.server.teamOpenings.look();
      await until(client, (state) => state.sessions[session.id]?.status === 'waiting');
    } finally {
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
    }
  });

  it('loads the counters the server counts', async () => {
    const stats = await client.loadStats();
    assert.deepEqual(client.store.state.stats, stats);
    assert.equal(typeof stats.waiting, 'number');
  });

  it('changes the profile (into state.me) and refuses a wrong current password', async () => {
    const agent = await client.updateProfile({ nickname: 'Aninha', extension: '2041', language: 'es' });
    assert.equal(client.store.state.me, agent);
    assert.deepEqual([agent.nickname, agent.extension, agent.language], ['Aninha', '2041', 'es']);
    const refused = await client.changePassword('errada', 'uma-senha-nova-longa').catch((error: { code?: string }) => error);
    assert.equal((refused as { code?: string }).code, 'INVALID_PAYLOAD');
    await client.changePassword(DEMO_PASSWORD, 'uma-senha-nova-longa');
  });
});
