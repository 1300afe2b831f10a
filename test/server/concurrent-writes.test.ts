import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ANA, BRUNO, DEMO_AGENTS, connectAgent, connectVisitor, loginAgent, startTestServer, type TestServer } from './harness.js';

/**
 * Numbers the domain reads then writes (a session's next message, a pair's next chat message, the
 * protocol counter) stay unique and gapless when commands race: SQLite has one writer; PostgreSQL
 * runs transactions side by side on its pool, so its runner must serialize them (WRITER_LOCK).
 */
describe('concurrent writes', { timeout: 60_000 }, () => {
  const BURST = 25;
  let t: TestServer;
  // A burst is what the per-visitor and per-socket limits are for: lifted here.
  const lifted = { perSecond: 1000, burst: 10_000 };
  before(
    async () =>
      (t = await startTestServer({
        rateLimits: { commands: lifted, messages: { perVisitor: lifted, perAddress: lifted, perChannel: lifted } },
      })),
  );
  after(() => t.close());

  it('numbers a burst of messages in one session 1…N, each stored once', async () => {
    const visitor = await connectVisitor(t.url);
    const sessionId = randomUUID();
    await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: 'tm-suporte' });
    const sent = await Promise.all(
      Array.from({ length: BURST }, (_, i) => visitor.ok('message.send', { id: randomUUID(), sessionId, text: `message ${i}` })),
    );
    const seqs = sent.map((answer) => answer.message.seq).sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: BURST }, (_, i) => i + 1),
    );
    const stored = await t.server.database.sql.all('SELECT seq FROM messages WHERE session_id = ? ORDER BY seq', sessionId);
    assert.deepEqual(
      stored.map((row) => row.seq),
      seqs,
    );
    visitor.close();
  });

  it('numbers a burst of internal-chat messages of one pair 1…N, from both sides', async () => {
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    const sent = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        i % 2 === 0
          ? ana.ok('chat.send', { id: randomUUID(), toAgentId: DEMO_AGENTS.bruno.id, text: `a${i}` })
          : bruno.ok('chat.send', { id: randomUUID(), toAgentId: DEMO_AGENTS.ana.id, text: `b${i}` }),
      ),
    );
    assert.deepEqual(
      sent.map((message) => message.seq).sort((a, b) => a - b),
      Array.from({ length: BURST }, (_, i) => i + 1),
    );
    ana.close();
    bruno.close();
  });

  it('gives sessions started at once distinct protocols', async () => {
    const visitors = await Promise.all(Array.from({ length: 10 }, () => connectVisitor(t.url)));
    const started = await Promise.all(
      visitors.map((visitor) => visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' })),
    );
    assert.equal(new Set(started.map((answer) => answer.session.protocol)).size, visitors.length);
    for (const visitor of visitors) visitor.close();
  });
});
