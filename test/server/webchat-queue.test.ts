import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { QueuePosition } from '../../src/protocol/index.js';
import {
  ANA,
  TestClock,
  connect,
  connectVisitor,
  delay,
  postInbound,
  startWithAgents,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

/** A visitor waiting in a team's queue. */
interface Waiting {
  visitor: VisitorSocket;
  sessionId: string;
}

async function startWaiting(t: TestServer, teamId: string, name: string): Promise<Waiting> {
  const visitor = await connectVisitor(t.url);
  const sessionId = randomUUID();
  await visitor.ok('webchat.start', { sessionId, name, teamId });
  return { visitor, sessionId };
}

/**
 * Waits until the visitor was told `expected` about its session (in something told after the first
 * `since` things, when given), and checks it was the last thing told. Without `etaMs`, any estimate matches.
 */
async function told(waiting: Waiting, expected: { position: number; etaMs?: number | null }, since = 0): Promise<void> {
  const match = (e: QueuePosition) =>
    e.sessionId === waiting.sessionId && e.position === expected.position && (!('etaMs' in expected) || e.etaMs === expected.etaMs);
  const toldOf = () => waiting.visitor.received('webchat.queue', (e) => e.sessionId === waiting.sessionId);
  await waiting.visitor.waitFor('webchat.queue', () => toldOf().slice(since).some(match));
  const last = toldOf().at(-1);
  assert.ok(last && match(last), `last told ${JSON.stringify(last)}`);
}

const queueEvents = (socket: TestSocket) => socket.received('webchat.queue').length;

describe('queue position', () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  before(
    async () =>
      ({
        t,
        agents: [ana],
      } = await startWithAgents([ANA], { now: clock.now })),
  );
  after(() => t.close());

  it('tells each waiting visitor its place, moves them up as sessions leave the queue, and says nothing otherwise', async () => {
    const first = await startWaiting(t, 'tm-suporte', 'Primeira');
    clock.advance(1000);
    const second = await startWaiting(t, 'tm-suporte', 'Segunda');
    clock.advance(1000);
    const third = await startWaiting(t, 'tm-suporte', 'Terceira');
    await told(first, { position: 1, etaMs: null });
    await told(second, { position: 2, etaMs: null });
    await told(third, { position: 3, etaMs: null });
    assert.deepEqual((await third.visitor.ok('webchat.sessions', {})).queue, [{ sessionId: third.sessionId, position: 3, etaMs: null }]);
    await delay(50);
    assert.equal(queueEvents(first.visitor), 1, 'newcomers behind a visitor do not change its place');

    // A message in a waiting session moves no one.
    const before = queueEvents(second.visitor) + queueEvents(third.visitor);
    await second.visitor.ok('message.send', { id: randomUUID(), sessionId: second.sessionId, text: 'Alô?' });
    await delay(50);
    assert.equal(queueEvents(second.visitor) + queueEvents(third.visitor), before);

    await ana.ok('session.accept', { sessionId: first.sessionId });
    await told(second, { position: 1, etaMs: null });
    await told(third, { position: 2, etaMs: null });
    await delay(50);
    assert.equal(queueEvents(first.visitor), 1, 'a session that left the queue is not told again');
    assert.deepEqual((await first.visitor.ok('webchat.sessions', {})).queue, []);

    await second.visitor.ok('webchat.finish', { sessionId: second.sessionId });
    await told(third, { position: 1, etaMs: null });
    for (const waiting of [first, second, third]) waiting.visitor.close();
  });

  it('counts every waiting session of the team, whatever its channel, oldest first', async () => {
    clock.advance(1000);
    await postInbound(t.url, { from: '+5521990001111', name: 'Zap', text: 'Oi', externalId: randomUUID() });
    clock.advance(1000);
    const waiting = await startWaiting(t, 'tm-suporte', 'Depois do Zap');
    const { queue } = await waiting.visitor.ok('webchat.sessions', {});
    const standing = (await ana.ok('agent.snapshot', {})).sessions.filter((s) => s.teamId === 'tm-suporte' && s.status === 'waiting');
    assert.equal(queue[0]?.position, standing.length);
    assert.equal(standing.at(-1)?.id, waiting.sessionId);
    assert.ok(standing.some((s) => s.channel === 'whatsapp'));
    waiting.visitor.close();
  });

  it('a transfer moves the session into the other team’s line (by when it began) and the ones behind it up', async () => {
    for (const s of (await ana.ok('agent.snapshot', {})).sessions.filter((s) => s.status === 'waiting')) {
      await ana.ok('session.accept', { sessionId: s.id });
    }
    clock.advance(1000);
    const leaving = await startWaiting(t, 'tm-suporte', 'Vai para vendas');
    clock.advance(1000);
    const staying = await startWaiting(t, 'tm-suporte', 'Fica');
    await told(staying, { position: 2 });
    // It was first in Suporte's line already: what Vendas tells it must be news.
    const heard = queueEvents(leaving.visitor);
    await ana.ok('session.transfer', { sessionId: leaving.sessionId, toTeamId: 'tm-vendas' });
    await told(staying, { position: 1 });
    await told(leaving, { position: 1, etaMs: null }, heard);
    const [vendas] = (await leaving.visitor.ok('webchat.sessions', {})).queue;
    assert.deepEqual(vendas, { sessionId: leaving.sessionId, position: 1, etaMs: null }); // Vendas has no history yet
    leaving.visitor.close();
    staying.visitor.close();
  });

  it('a waiting timeout moves the ones behind up', async () => {
    await t.server.repo.setTeamWaitingTimeout('tm-financeiro', 60_000);
    const expiring = await startWaiting(t, 'tm-financeiro', 'Cansou');
    clock.advance(30_000);
    const behind = await startWaiting(t, 'tm-financeiro', 'Atrás');
    await told(behind, { position: 2 });
    clock.advance(31_000);
    assert.equal(await t.server.services.sessions.expireWaiting(), 1);
    await told(behind, { position: 1 });
    expiring.visitor.close();
    behind.visitor.close();
  });

  it('tells a visitor where it stands as soon as it connects, on every device of its contact', async () => {
    const waiting = await startWaiting(t, 'tm-vendas', 'Recarregou');
    const { queue } = await waiting.visitor.ok('webchat.sessions', {});
    const reloaded = await connect(t.url, { visitorToken: waiting.visitor.visitorToken });
    const heard = await reloaded.waitFor('webchat.queue', (e) => e.sessionId === waiting.sessionId);
    assert.deepEqual(heard, queue[0]);
    waiting.visitor.close();
    reloaded.close();
  });
});

describe('estimated wait', () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  before(
    async () =>
      ({
        t,
        agents: [ana],
      } = await startWithAgents([ANA], { now: clock.now })),
  );
  after(() => t.close());

  it('is the position × the team’s average wait over its recent accepted sessions, from the third one on', async () => {
    const a = await startWaiting(t, 'tm-suporte', 'A');
    const b = await startWaiting(t, 'tm-suporte', 'B');
    const c = await startWaiting(t, 'tm-suporte', 'C');
    clock.advance(60_000);
    await ana.ok('session.accept', { sessionId: a.sessionId }); // waited 60 s
    clock.advance(60_000);
    await ana.ok('session.accept', { sessionId: b.sessionId }); // waited 120 s
    const watcher = await startWaiting(t, 'tm-suporte', 'Observa');
    await told(watcher, { position: 2, etaMs: null }); // two samples: no estimate yet
    clock.advance(60_000);
    await ana.ok('session.accept', { sessionId: c.sessionId }); // waited 180 s: mean 120 s
    await told(watcher, { position: 1, etaMs: 120_000 });
    const next = await startWaiting(t, 'tm-suporte', 'Próxima');
    await told(next, { position: 2, etaMs: 240_000 });
    assert.deepEqual((await next.visitor.ok('webchat.sessions', {})).queue, [{ sessionId: next.sessionId, position: 2, etaMs: 240_000 }]);

    // A faster accept lowers the mean: everyone waiting hears the new estimate.
    await ana.ok('session.accept', { sessionId: watcher.sessionId }); // waited 60 s: mean (60+120+180+60)/4 = 105 s
    await told(next, { position: 1, etaMs: 105_000 });
    for (const waiting of [a, b, c, watcher, next]) waiting.visitor.close();
  });
});
