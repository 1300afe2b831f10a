import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type ConectaServer } from '../../server/src/app.js';
import { ConectaClient } from '../../src/client/client.js';
import { PersistedOutbox } from '../../src/client/persisted-outbox.js';
import { selectMessages } from '../../src/client/selectors.js';
import type { ConectaState } from '../../src/client/state.js';
import type { TokenStorage } from '../../src/client/visitor-token.js';
import type { WebchatUser } from '../../src/protocol/entities.js';
import { agentSockets } from './node-sockets.js';
import { demoVisitor } from './demo-visitor.js';
import { browserStorage, until, written } from './support.js';
import { ANA, DEMO_CHANNEL_KEY, DEMO_PASSWORD, DEMO_WEBCHAT_SECRET } from '../server/harness.js';

const user = (id: string, extra: Partial<WebchatUser> = {}): WebchatUser => ({
  id,
  hash: createHmac('sha256', DEMO_WEBCHAT_SECRET).update(id).digest('hex'),
  ...extra,
});

describe('ConectaClient as a webchat visitor, against a real server', () => {
  let dataDir: string;
  let server: ConectaServer;
  let url: string;
  let port = 0;
  const clients: ConectaClient[] = [];

  const start = async () => {
    server = await createServer({ dataDir, seed: true, expireEveryMs: 0 });
    url = await server.listen(port, '127.0.0.1');
    port = Number(new URL(url).port);
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-visitor-'));
    await start();
  });

  after(async () => {
    for (const client of clients) client.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const visitorClient = (storage: TokenStorage = browserStorage()) => {
    const client = demoVisitor(url, { storage });
    clients.push(client);
    return client;
  };
  const agentClient = async () => {
    const { token } = await ConectaClient.login(url, ANA, DEMO_PASSWORD);
    const client = new ConectaClient({ server: url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    clients.push(client);
    return client;
  };
  const teamId = async (client: ConectaClient) => (await client.fetchChannel()).teams.find((team) => team.name === 'Suporte')!.id;

  it('starts with the first message, follows its place in the queue, and drops it once an agent takes it', async () => {
    const visitor = visitorClient();
    const sessionId = await visitor.startWebchat({ name: 'Carla', teamId: await teamId(visitor), text: 'Meu pedido atrasou' });
    const state = visitor.store.state;
    assert.equal(state.sessions[sessionId].status, 'waiting');
    assert.deepEqual(
      written(state, sessionId).map((m) => [m.text, m.authorKind, m.status]),
      [['Meu pedido atrasou', 'contact', 'sent']],
    );
    await until(visitor, (s) => s.queue[sessionId]?.position >= 1);

    const ana = await agentClient();
    await ana.command('session.accept', { sessionId });
    await until(visitor, (s) => s.sessions[sessionId]?.status === 'active');
    assert.equal(visitor.store.state.queue[sessionId], undefined);
    assert.ok(visitor.store.state.sessions[sessionId].agentName);
  });

  it('fills the queue from the sessions it loads (a reload while waiting)', async () => {
    const storage = browserStorage();
    const first = visitorClient(storage);
    const sessionId = await first.startWebchat({ name: 'Bia', teamId: await teamId(first) });
    first.close();
    const reloaded = visitorClient(storage);
    await reloaded.loadVisitorSessions();
    assert.equal(reloaded.store.state.sessions[sessionId]?.status, 'waiting');
    assert.ok(reloaded.store.state.queue[sessionId]?.position >= 1);
  });

  it('ends its conversation and rates it once; an unfinished one cannot be rated', async () => {
    const visitor = visitorClient();
    const sessionId = await visitor.startWebchat({ name: 'Davi', teamId: await teamId(visitor), text: 'Oi' });
    const ana = await agentClient();
    await ana.command('session.accept', { sessionId });
    await assert.rejects(visitor.rateSession(sessionId, 5), { name: 'ConectaError' });

    await visitor.finishWebchat(sessionId);
    assert.equal(visitor.store.state.sessions[sessionId].status, 'finished');
    await visitor.rateSession(sessionId, 4, 'Rápido e gentil');
    assert.deepEqual(
      [visitor.store.state.sessions[sessionId].rating, visitor.store.state.sessions[sessionId].ratingComment],
      [4, 'Rápido e gentil'],
    );
    await assert.rejects(visitor.rateSession(sessionId, 1, 'mudei de ideia'), { name: 'ConectaError' });
    assert.equal(visitor.store.state.sessions[sessionId].rating, 4);

    // The rating feeds the agent's average.
    await ana.loadQueue();
    assert.ok((ana.store.state.me?.rating?.count ?? 0) >= 1);
  });

  it('refuses a user whose hash does not match with IDENTITY_REJECTED and keeps the current visitor', async () => {
    const storage = browserStorage();
    const visitor = visitorClient(storage);
    const sessionId = await visitor.startWebchat({ name: 'Eva', teamId: await teamId(visitor) });
    const before = { visitor: visitor.store.state.visitor, token: [...storage.map.values()][0] };
    await assert.rejects(visitor.setUser({ id: 'user-eva', hash: 'f'.repeat(64) }), { name: 'ConectaError', code: 'IDENTITY_REJECTED' });
    assert.equal(visitor.store.state.visitor, before.visitor);
    assert.equal([...storage.map.values()][0], before.token);
    assert.equal(visitor.store.state.sessions[sessionId].status, 'waiting');
    visitor.sendMessage(sessionId, 'ainda aqui');
    await until(visitor, (s) => written(s, sessionId).some((m) => m.text === 'ainda aqui' && m.status === 'sent'));
  });

  it('links a verified user’s conversations across devices, and returns to an anonymous visitor with setUser(null)', async () => {
    const laptop = visitorClient();
    await laptop.connect();
    const anonymousSession = await laptop.startWebchat({ name: 'Fábio', teamId: await teamId(laptop) });
    const userId = `user-${crypto.randomUUID()}`;

    // A first verification keeps this browser's conversation (the server adopts the anonymous visitor).
    await laptop.setUser(user(userId, { name: 'Fábio Nunes' }));
    assert.equal(laptop.store.state.visitor?.userId, userId);
    await until(laptop, (s) => s.connection === 'connected');
    // One open conversation per visitor and channel: the adopted one ends before the next starts.
    await laptop.command('webchat.finish', { sessionId: anonymousSession });
    const sessionId = await laptop.startWebchat({ teamId: await teamId(laptop), text: 'do notebook' });

    // Another device: its own anonymous visitor first, then the same user.
    const phone = visitorClient();
    await phone.connect();
    await phone.startWebchat({ name: 'Alguém', teamId: await teamId(phone) });
    await phone.setUser(user(userId));
    assert.equal(phone.store.state.visitor?.contactId, laptop.store.state.visitor?.contactId);
    // The phone's anonymous conversation is not this user's: it is gone from the store.
    assert.deepEqual(Object.keys(phone.store.state.sessions).sort(), [anonymousSession, sessionId].sort());
    assert.deepEqual(written(phone.store.state, sessionId), []); // not opened yet
    await phone.openSession(sessionId);
    assert.deepEqual(
      written(phone.store.state, sessionId).map((m) => m.text),
      ['do notebook'],
    );
    await until(phone, (s) => s.connection === 'connected');
    phone.sendMessage(sessionId, 'do celular');
    await until(laptop, (s) => written(s, sessionId).some((m) => m.text === 'do celular'));

    // Logout: an anonymous visitor again, with nothing of the user's left.
    await phone.setUser(null);
    assert.equal(phone.store.state.visitor?.userId, null);
    assert.notEqual(phone.store.state.visitor?.contactId, laptop.store.state.visitor?.contactId);
    assert.deepEqual(phone.store.state.sessions, {});
    assert.deepEqual(phone.store.state.messages, {});
    await until(phone, (s) => s.connection === 'connected');
    await phone.loadVisitorSessions();
    assert.deepEqual(phone.store.state.sessions, {});
  });

  it('forgets the visitor on reset and carries on as a new one', async () => {
    const storage = browserStorage();
    const visitor = visitorClient(storage);
    const sessionId = await visitor.startWebchat({ name: 'Gabi', teamId: await teamId(visitor), text: 'antes do logout' });
    const previous = { visitor: visitor.store.state.visitor!, token: [...storage.map.values()][0] };
    const persisted = new PersistedOutbox(visitor.server, DEMO_CHANNEL_KEY);
    await persisted.save(previous.visitor.contactId, {
      id: crypto.randomUUID(),
      sessionId,
      text: 'não enviada',
      attachments: [],
      createdAt: Date.now(),
      authorId: null,
      authorName: '',
    });

    await visitor.resetVisitor();
    const state = visitor.store.state;
    assert.ok(state.visitor);
    assert.notEqual(state.visitor.id, previous.visitor.id);
    assert.notEqual(state.visitor.contactId, previous.visitor.contactId);
    assert.notEqual([...storage.map.values()][0], previous.token);
    assert.deepEqual([state.sessions, state.messages, state.queue], [{}, {}, {}]);
    assert.deepEqual(await persisted.load(previous.visitor.contactId), []);

    const next = await visitor.startWebchat({ name: 'Outra pessoa', teamId: await teamId(visitor) });
    await until(visitor, (s) => s.connection === 'connected');
    assert.equal(visitor.store.state.sessions[next].contactId, state.visitor.contactId);
    await visitor.loadVisitorSessions();
    assert.deepEqual(Object.keys(visitor.store.state.sessions), [next]);
  });

  it('sends what a closed page left unsent when the next one starts, in order and once, even from two tabs', async () => {
    const storage = browserStorage();
    const page = visitorClient(storage);
    const sessionId = await page.startWebchat({ name: 'Helena', teamId: await teamId(page), text: 'primeira' });
    await until(page, (s) => s.connection === 'connected');

    // Offline: written, persisted, not sent; then the tab is closed.
    await server.close();
    await until(page, (s) => s.connection !== 'connected');
    page.sendMessage(sessionId, 'segunda (offline)');
    page.sendMessage(sessionId, 'terceira (offline)');
    await new Promise((resolve) => setTimeout(resolve, 50)); // the writes reach the persisted outbox
    page.close();

    await start();
    // The site is opened again, in two tabs at once: both send what was left; the server keeps each once.
    const tab1 = visitorClient(storage);
    const tab2 = visitorClient(storage);
    await Promise.all([tab1.connect(), tab2.connect()]);
    const sent = (s: ConectaState) =>
      written(s, sessionId).filter((m) => m.text.includes('offline') && m.status !== 'sending').length === 2;
    await Promise.all([until(tab1, sent), until(tab2, sent)]);

    const ana = await agentClient();
    const { messages } = await ana.command('session.sync', { sessionId, afterSeq: 0 });
    assert.deepEqual(
      messages.map((m) => m.text),
      ['primeira', 'segunda (offline)', 'terceira (offline)'],
    );
    const outbox = new PersistedOutbox(tab1.server, DEMO_CHANNEL_KEY);
    assert.deepEqual(await outbox.load(tab1.store.state.visitor!.contactId), []);
  });

  it('fails a persisted message the server refuses for good, and forgets it', async () => {
    const visitor = visitorClient();
    const sessionId = await visitor.startWebchat({ name: 'Igor', teamId: await teamId(visitor) });
    await visitor.finishWebchat(sessionId);
    const id = visitor.sendMessage(sessionId, 'depois do fim');
    await until(visitor, (s) => selectMessages(s, sessionId).some((m) => m.id === id && m.status === 'failed'));
    const outbox = new PersistedOutbox(visitor.server, DEMO_CHANNEL_KEY);
    assert.deepEqual(await outbox.load(visitor.store.state.visitor!.contactId), []);
  });
});
