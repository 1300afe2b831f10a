import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { queueOrder, WAITING_PAGE_SIZE, type CommandResults, type QueueCursor, type Session } from '../../src/protocol/index.js';
import { fillQueue } from './fill-queue.js';
import { ANA, DEMO_TEAMS, TestClock, T0, connectVisitor, startWithAgents, type TestServer, type TestSocket } from './harness.js';

const SUPORTE = DEMO_TEAMS.suporte.id;
const VENDAS = DEMO_TEAMS.vendas.id;
/** Issue 13's target for a desk's first snapshot, whatever the queue's length. */
const SNAPSHOT_BUDGET_BYTES = 200 * 1024;
const QUEUED = 2_500;

const bytesOf = (data: unknown) => Buffer.byteLength(JSON.stringify(data));

describe('the waiting queue: a bounded snapshot, then pages from the server', () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  let filled: Session[];
  before(async () => {
    ({
      t,
      agents: [ana],
    } = await startWithAgents([ANA], { now: clock.now }));
    filled = await fillQueue(t.server.repo, { teamId: SUPORTE, count: QUEUED, startAt: T0 - QUEUED * 1000 - 60_000 });
  });
  after(async () => {
    ana.close();
    await t.close();
  });

  /** Every page of `teamId`'s queue (null: the agent's teams), `limit` at a time; `between` runs after each page. */
  async function pageThrough(teamId: string | null, limit: number, between: (page: number) => Promise<void> = async () => {}) {
    const seen: Session[] = [];
    let after: QueueCursor | null = null;
    for (let page = 0; ; page++) {
      const answer: CommandResults['queue.page'] = await ana.ok('queue.page', { teamId, after, limit });
      assert.ok(answer.sessions.length <= limit);
      const contactIds = new Set(answer.contacts.map((c) => c.id));
      assert.ok(
        answer.sessions.every((s) => contactIds.has(s.contactId)),
        'each page carries the contacts of its sessions',
      );
      seen.push(...answer.sessions);
      if (!answer.next) return { seen, counts: answer.counts };
      assert.deepEqual(answer.next, { createdAt: answer.sessions.at(-1)!.createdAt, id: answer.sessions.at(-1)!.id });
      after = answer.next;
      await between(page);
    }
  }

  it(`answers a desk on ${QUEUED.toLocaleString('en')} waiting sessions in under 200 KB: the counts and the first page`, async () => {
    const snapshot = await ana.ok('agent.snapshot', {});
    const bytes = bytesOf(snapshot);
    assert.ok(bytes < SNAPSHOT_BUDGET_BYTES, `the snapshot is ${bytes} bytes`);
    const waiting = snapshot.sessions.filter((s) => s.status === 'waiting' && s.targetAgentId === null);
    assert.equal(waiting.length, WAITING_PAGE_SIZE);
    assert.deepEqual(
      waiting.map((s) => s.id),
      filled.slice(0, WAITING_PAGE_SIZE).map((s) => s.id),
      'the first page, oldest first',
    );
    assert.ok(snapshot.waiting.counts[SUPORTE]! >= QUEUED, `Suporte counts ${snapshot.waiting.counts[SUPORTE]}`);
    assert.equal(typeof snapshot.waiting.counts[VENDAS], 'number');
    assert.deepEqual(snapshot.waiting.next, { createdAt: waiting.at(-1)!.createdAt, id: waiting.at(-1)!.id });
    // Every contact a row shows, and no more than that.
    assert.equal(new Set(snapshot.contacts.map((c) => c.id)).size, snapshot.contacts.length);
    assert.ok(snapshot.contacts.length <= snapshot.sessions.length);
  });

  it('pages every waiting session once, in the queue order, while new ones join it', async () => {
    const joined: string[] = [];
    const { seen, counts } = await pageThrough(null, 100, async (page) => {
      if (page % 5 !== 0) return;
      // Visitors keep arriving while the agent scrolls, some within the same millisecond (ties go by id).
      clock.advance(1000);
      for (let i = 0; i < 2; i++) {
        const visitor = await connectVisitor(t.url);
        const { session } = await visitor.ok('webchat.start', { sessionId: randomUUID(), name: `Chegou ${page}-${i}`, teamId: SUPORTE });
        joined.push(session.id);
        visitor.close();
      }
    });
    const ids = seen.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, 'no session twice');
    for (let i = 1; i < seen.length; i++) assert.ok(queueOrder(seen[i - 1]!, seen[i]!) < 0, `out of order at ${i}`);
    const got = new Set(ids);
    assert.deepEqual(
      [...filled.map((s) => s.id), ...joined].filter((id) => !got.has(id)),
      [],
      'every session that waited, and every one that joined meanwhile',
    );
    assert.equal(seen.length, counts[SUPORTE]! + counts[VENDAS]!, 'the counts say how many there are');
  });

  it("pages one team's queue alone", async () => {
    const { seen } = await pageThrough(VENDAS, 100);
    assert.ok(seen.every((s) => s.teamId === VENDAS));
    const suporte = await ana.ok('queue.page', { teamId: SUPORTE, after: null, limit: 3 });
    assert.deepEqual(
      suporte.sessions.map((s) => s.id),
      filled.slice(0, 3).map((s) => s.id),
    );
  });

  it("tells the team's agents the new count when a session leaves the queue", async () => {
    const before = (await ana.ok('queue.page', { teamId: SUPORTE, after: null, limit: 1 })).counts[SUPORTE]!;
    await ana.ok('session.accept', { sessionId: filled[0]!.id });
    const told = await ana.waitFor('queue.counts', (e) => e.teamId === SUPORTE && e.waiting === before - 1);
    assert.deepEqual(told, { teamId: SUPORTE, waiting: before - 1 });
    // Accepted, it is the agent's own: held whole, no longer in the queue's pages.
    const snapshot = await ana.ok('agent.snapshot', {});
    assert.ok(snapshot.sessions.some((s) => s.id === filled[0]!.id && s.status === 'active'));
    assert.equal(snapshot.waiting.counts[SUPORTE], before - 1);
    const first = await ana.ok('queue.page', { teamId: SUPORTE, after: null, limit: 1 });
    assert.equal(first.sessions[0]!.id, filled[1]!.id);
  });

  it('refuses a page of a team the agent is not in, and a malformed cursor', async () => {
    const outside = await ana.command('queue.page', { teamId: DEMO_TEAMS.financeiro.id, after: null });
    assert.equal(outside.ok, false);
    if (!outside.ok) assert.equal(outside.error.code, 'FORBIDDEN');
    const malformed = await ana.command('queue.page', { after: { createdAt: 'yesterday', id: 'x' } });
    assert.equal(malformed.ok, false);
    if (!malformed.ok) assert.equal(malformed.error.code, 'INVALID_PAYLOAD');
  });
});
