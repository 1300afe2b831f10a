import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConectaClient } from '../../src/client/client.js';
import { ANA, DEMO_PASSWORD, DEMO_TEAMS, connectVisitor, startTestServer, type TestServer } from '../server/harness.js';
import { agentSockets } from './node-sockets.js';
import { until } from './support.js';

describe("the agent client follows the contacts' ratings of the agent's sessions", () => {
  let t: TestServer;
  let client: ConectaClient;
  before(async () => {
    t = await startTestServer();
    const { token } = await ConectaClient.login(t.url, ANA, DEMO_PASSWORD);
    client = new ConectaClient({ server: t.url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    await client.loadQueue();
  });
  after(async () => {
    client.close();
    await t.close();
  });

  it('a rating given after the agent finished shows on the session and moves the agent’s average, without a reload', async () => {
    const visitor = await connectVisitor(t.url);
    const sessionId = crypto.randomUUID();
    await visitor.ok('webchat.start', { sessionId, name: 'Helena', teamId: DEMO_TEAMS.suporte.id });
    await client.command('session.accept', { sessionId });
    await client.command('session.finish', { sessionId });
    const before = client.store.state.me?.rating ?? null;

    await visitor.ok('webchat.rate', { sessionId, score: 2, comment: 'Não resolveu' });
    await until(client, (state) => state.sessions[sessionId]?.rating === 2);
    assert.equal(client.store.state.sessions[sessionId]?.ratingComment, 'Não resolveu');
    const count = (before?.count ?? 0) + 1;
    await until(client, (state) => state.me?.rating?.count === count);
    assert.equal(client.store.state.me?.rating?.average, ((before?.average ?? 0) * (before?.count ?? 0) + 2) / count);
    visitor.close();
  });
});
