import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConectaClient } from '../../src/client/client.js';
import { demoVisitor } from './demo-visitor.js';
import { until, written } from './support.js';
import { DEMO_TEAMS, startTestServer, type TestServer } from '../server/harness.js';

/** Buckets of one token refilled in 50 ms: the second request at once is refused with a short retry time. */
const ONE_AT_A_TIME = { perSecond: 20, burst: 1 };
const LIFTED = { perSecond: 1000, burst: 1000 };

describe('a visitor told RATE_LIMITED waits the retry time instead of failing', () => {
  let t: TestServer;
  let url: string;
  const clients: ConectaClient[] = [];

  before(async () => {
    t = await startTestServer({
      rateLimits: {
        visitorTokens: { perAddress: ONE_AT_A_TIME, perChannel: LIFTED },
        messages: { perVisitor: ONE_AT_A_TIME, perAddress: LIFTED, perChannel: LIFTED },
      },
    });
    url = t.url;
  });
  after(async () => {
    for (const client of clients) client.close();
    await t.close();
  });

  const visitorClient = () => {
    const client = demoVisitor(url);
    clients.push(client);
    return client;
  };

  it('gets its visitor token after the wait when another visitor of its address just took one', async () => {
    const [first, second] = [visitorClient(), visitorClient()];
    const answers = await Promise.all([first.command('webchat.sessions', {}), second.command('webchat.sessions', {})]);
    assert.deepEqual(
      answers.map((answer) => answer.sessions),
      [[], []],
    );
    assert.notEqual(first.store.state.visitor?.id, second.store.state.visitor?.id);
  });

  it('sends messages written faster than its limit once allowed, none failed', async () => {
    const visitor = visitorClient();
    const sessionId = await visitor.startWebchat({ name: 'Rita', teamId: DEMO_TEAMS.suporte.id });
    for (const text of ['um', 'dois', 'três']) visitor.sendMessage(sessionId, text);
    await until(visitor, (state) => written(state, sessionId).every((message) => message.status !== 'sending'));
    assert.deepEqual(
      written(visitor.store.state, sessionId).map((m) => [m.text, m.status]),
      [
        ['um', 'sent'],
        ['dois', 'sent'],
        ['três', 'sent'],
      ],
    );
  });
});
