import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConectaClient } from '../../src/client/client.js';
import { WAITING_PAGE_SIZE } from '../../src/protocol/index.js';
import { selectQueue } from '../../src/elements/conecta-queue/queue-selectors.js';
import { fillQueue } from '../server/fill-queue.js';
import { ANA, DEMO_PASSWORD, DEMO_TEAMS, startTestServer, type TestServer } from '../server/harness.js';
import { agentSockets } from './node-sockets.js';
import { until } from './support.js';

const SUPORTE = DEMO_TEAMS.suporte.id;

describe("ConectaClient's waiting queue, paged by a real server", () => {
  let t: TestServer;
  let client: ConectaClient;
  const shown = () => selectQueue(client.store.state, { teamId: SUPORTE, query: '' });
  before(async () => {
    t = await startTestServer();
    await fillQueue(t.server.repo, { teamId: SUPORTE, count: 120, startAt: Date.now() - 3_600_000 });
    const { token } = await ConectaClient.login(t.url, ANA, DEMO_PASSWORD);
    client = ConectaClient.shared({ server: t.url, token, commandTimeoutMs: 5_000, socketFactory: agentSockets });
  });
  after(async () => {
    client.close();
    await t.close();
  });

  it('holds the first page and the counts, loads the rest page by page, and follows the counts', async () => {
    await client.loadQueue();
    const total = client.store.state.waitingQueue!.counts[SUPORTE]!;
    assert.ok(total >= 120, `Suporte counts ${total}`);
    assert.equal(shown().lists.waiting.length, WAITING_PAGE_SIZE);
    assert.equal(shown().counts.waiting, total);
    assert.equal(shown().moreWaiting, true);

    while (shown().moreWaiting) await client.loadMoreWaiting(SUPORTE);
    assert.equal(shown().lists.waiting.length, total);
    assert.equal(new Set(shown().lists.waiting.map((s) => s.id)).size, total);

    // Another agent's accept takes one out of the queue: the event and the count both say so.
    const taken = shown().lists.waiting[0]!;
    const { token } = await ConectaClient.login(t.url, 'bruno@demo.conecta.dev', DEMO_PASSWORD);
    const bruno = ConectaClient.shared({ server: t.url, token, commandTimeoutMs: 5_000, socketFactory: agentSockets });
    try {
      await bruno.command('session.accept', { sessionId: taken.id });
      await until(client, (state) => state.waitingQueue?.counts[SUPORTE] === total - 1);
      await until(client, () => !shown().lists.waiting.some((s) => s.id === taken.id));
      assert.equal(shown().counts.waiting, total - 1);
    } finally {
      bruno.close();
    }

    // A snapshot again (a reconnection) starts over from the first page.
    await client.loadQueue();
    assert.equal(shown().lists.waiting.length, WAITING_PAGE_SIZE);
  });
});
