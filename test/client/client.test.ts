import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type ConectaServer } from '../../server/src/app.js';
import { ConectaClient } from '../../src/client/client.js';
import { selectMessages, selectWaiting } from '../../src/client/selectors.js';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/index.js';
import { agentSockets } from './node-sockets.js';
import { demoVisitor } from './demo-visitor.js';
import { until, written } from './support.js';
import { dropTestDatabase, testDatabaseOptions } from '../server/test-database.js';
import { ANA, DEMO_CHANNEL_KEY, DEMO_PASSWORD } from '../server/harness.js';

const texts = (client: ConectaClient, sessionId: string) => written(client.store.state, sessionId).map((m) => `${m.text}:${m.status}`);

describe('ConectaClient against a real server', () => {
  let dataDir: string;
  let server: ConectaServer;
  let url: string;
  let port: number;
  const clients: ConectaClient[] = [];

  const start = async () => {
    server = await createServer({ ...(await testDatabaseOptions(dataDir)), seed: true });
    url = await server.listen(port, '127.0.0.1');
    port = Number(new URL(url).port);
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-client-'));
    port = 0;
    await start();
  });

  after(async () => {
    for (const client of clients) client.close();
    await server.close();
    await Promise.all([rm(dataDir, { recursive: true, force: true }), dropTestDatabase(dataDir)]);
  });

  const visitorClient = () => {
    const client = demoVisitor(url);
    clients.push(client);
    return client;
  };
  const agentClient = async (email: string) => {
    const { token } = await ConectaClient.login(url, email, DEMO_PASSWORD);
    const client = ConectaClient.shared({ server: url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    clients.push(client);
    return client;
  };

  it('shares one client per server and identity', async () => {
    const { token } = await ConectaClient.login(url, ANA, DEMO_PASSWORD);
    const first = ConectaClient.shared({ server: url, token });
    assert.equal(ConectaClient.shared({ server: `${url}/`, token }), first);
    assert.notEqual(ConectaClient.shared({ server: url, channel: DEMO_CHANNEL_KEY }), first);
    clients.push(first, ConectaClient.shared({ server: url, channel: DEMO_CHANNEL_KEY }));
  });

  it('rejects a wrong password with the server’s message', async () => {
    await assert.rejects(ConectaClient.login(url, ANA, 'wrong'), { name: 'ConectaError' });
  });

  it('carries a conversation both ways, and after a server restart delivers what was written offline, once and in order', async () => {
    const visitor = visitorClient();
    const channel = await visitor.fetchChannel();
    const suporte = channel.teams.find((team) => team.name === 'Suporte')!;
    const sessionId = await visitor.startWebchat({ name: 'Carla', email: null, teamId: suporte.id });
    assert.equal(visitor.store.state.sessions[sessionId].status, 'waiting');

    const ana = await agentClient(ANA);
    await ana.loadQueue();
    assert.ok(selectWaiting(ana.store.state).some((s) => s.id === sessionId));
    await ana.command('session.accept', { sessionId });
    await ana.openSession(sessionId);
    await until(visitor, (s) => s.sessions[sessionId]?.status === 'active');

    visitor.sendMessage(sessionId, 'Olá, preciso de ajuda');
    await until(ana, (s) => written(s, sessionId).length === 1);
    ana.sendMessage(sessionId, 'Claro! Como posso ajudar?');
    await until(visitor, (s) => written(s, sessionId).length === 2);

    // The server goes away; the visitor keeps writing.
    await server.close();
    await until(visitor, (s) => s.connection !== 'connected');
    visitor.sendMessage(sessionId, 'primeira offline');
    visitor.sendMessage(sessionId, 'segunda offline');
    assert.deepEqual(texts(visitor, sessionId).slice(2), ['primeira offline:sending', 'segunda offline:sending']);

    await start();
    await until(visitor, (s) => selectMessages(s, sessionId).every((m) => m.status === 'sent') && s.connection === 'connected');
    // The agent missed the events while away: its resync fetches them.
    await until(ana, (s) => written(s, sessionId).length === 4);
    const expected = ['Olá, preciso de ajuda', 'Claro! Como posso ajudar?', 'primeira offline', 'segunda offline'];
    assert.deepEqual(
      written(ana.store.state, sessionId).map((m) => m.text),
      expected,
    );
    // Every message once, numbered without gaps (the first is the system note of the accept).
    assert.deepEqual(
      selectMessages(ana.store.state, sessionId).map((m) => m.seq),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      written(visitor.store.state, sessionId).map((m) => m.text),
      expected,
    );
  });

  it('stores a message sent twice with the same id once', async () => {
    const visitor = visitorClient();
    const channel = await visitor.fetchChannel();
    const sessionId = await visitor.startWebchat({ name: 'Davi', email: null, teamId: channel.teams[0].id });
    const payload = { id: crypto.randomUUID(), sessionId, text: 'só uma vez' };
    const [first, second] = await Promise.all([visitor.command('message.send', payload), visitor.command('message.send', payload)]);
    assert.equal(first.message.seq, second.message.seq);
    const ana = await agentClient(ANA);
    const { messages } = await ana.command('session.sync', { sessionId, afterSeq: 0 });
    assert.equal(messages.length, 1);
  });

  it('marks a message failed with the server’s error code and reason', async () => {
    const visitor = visitorClient();
    const channel = await visitor.fetchChannel();
    const sessionId = await visitor.startWebchat({ name: 'Eva', email: null, teamId: channel.teams[0].id });
    const id = visitor.sendMessage(sessionId, 'x'.repeat(MAX_MESSAGE_LENGTH + 1));
    await until(visitor, (s) => selectMessages(s, sessionId).some((m) => m.id === id && m.status === 'failed'));
    const failed = selectMessages(visitor.store.state, sessionId).find((m) => m.id === id)!;
    assert.equal(failed.errorCode, 'INVALID_PAYLOAD');
    assert.match(failed.error ?? '', /.+/);
  });
});
