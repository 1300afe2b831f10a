import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  BRUNO,
  TestClock,
  connectAgent,
  connectVisitor,
  loginAgent,
  startWithAgents,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

describe('the visitor ends and rates its conversation', () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  let bruno: TestSocket;
  before(
    async () =>
      ({
        t,
        agents: [ana, bruno],
      } = await startWithAgents([ANA, BRUNO], { now: clock.now })),
  );
  after(() => t.close());

  /** A visitor's session in Suporte, accepted by `agent` unless null. */
  async function conversation(agent: TestSocket | null): Promise<{ visitor: VisitorSocket; sessionId: string }> {
    const visitor = await connectVisitor(t.url);
    const sessionId = randomUUID();
    await visitor.ok('webchat.start', { sessionId, name: 'Helena', teamId: 'tm-suporte' });
    if (agent) await agent.ok('session.accept', { sessionId });
    return { visitor, sessionId };
  }

  it('shows the owner’s nickname (else name) as agentName, null while waiting, everywhere sessions appear', async () => {
    const { visitor, sessionId } = await conversation(null);
    assert.equal((await visitor.ok('webchat.sessions', {})).sessions[0]?.agentName, null);
    await ana.ok('session.accept', { sessionId });
    const updated = await visitor.waitFor('session.updated', (e) => e.session.status === 'active');
    assert.equal(updated.session.agentName, 'Ana');
    assert.equal((await visitor.ok('session.sync', { sessionId })).session.agentName, 'Ana');
    assert.equal((await visitor.ok('webchat.sessions', {})).sessions[0]?.agentName, 'Ana');
    assert.equal((await ana.ok('agent.snapshot', {})).sessions.find((s) => s.id === sessionId)?.agentName, 'Ana');

    await ana.ok('session.transfer', { sessionId, toTeamId: 'tm-financeiro', toAgentId: 'ag-bruno' });
    assert.equal((await visitor.ok('session.sync', { sessionId })).session.agentName, null);
    await bruno.ok('session.accept', { sessionId });
    assert.equal((await visitor.ok('session.sync', { sessionId })).session.agentName, 'Bruno Lima', 'no nickname: the name');
    visitor.close();
  });

  it('webchat.finish ends the visitor’s own session: recorded, announced to the agent, repeatable', async () => {
    const { visitor, sessionId } = await conversation(ana);
    clock.advance(5000);
    const { session } = await visitor.ok('webchat.finish', { sessionId });
    assert.equal(session.status, 'finished');
    assert.equal(session.finishedAt, clock.time);
    assert.equal(session.agentId, 'ag-ana', 'the owner stays: the rating is theirs');

    const seen = await ana.waitFor('session.updated', (e) => e.session.id === sessionId && e.session.status === 'finished');
    assert.equal(seen.session.version, session.version);
    const record = await ana.waitFor('message.created', (e) => e.message.sessionId === sessionId && e.message.system?.type === 'finished');
    assert.deepEqual(record.message.system, { type: 'finished', agentId: null, agentName: null, bulk: false });

    const repeat = await visitor.ok('webchat.finish', { sessionId });
    assert.equal(repeat.session.version, session.version, 'a repeat changes nothing');
    const late = await visitor.command('message.send', { id: randomUUID(), sessionId, text: 'ainda aí?' });
    assert.ok(!late.ok);
    assert.equal(late.error.code, 'SESSION_FINISHED');
    visitor.close();
  });

  it('webchat.finish refuses another visitor’s session (NOT_FOUND) and agents (FORBIDDEN)', async () => {
    const { visitor, sessionId } = await conversation(null);
    const stranger = await connectVisitor(t.url);
    const answer = await stranger.command('webchat.finish', { sessionId });
    assert.ok(!answer.ok);
    assert.equal(answer.error.code, 'NOT_FOUND');
    const asAgent = await ana.command('webchat.finish', { sessionId });
    assert.ok(!asAgent.ok);
    assert.equal(asAgent.error.code, 'FORBIDDEN');
    // A waiting session can be given up too.
    assert.equal((await visitor.ok('webchat.finish', { sessionId })).session.status, 'finished');
    visitor.close();
    stranger.close();
  });

  it('a rating feeds the agent’s average in agent.snapshot and agent.catalog; null before the first', async () => {
    assert.equal((await bruno.ok('agent.snapshot', {})).agent.rating, null);
    const summaryOf = async (agentId: string) => (await ana.ok('agent.catalog', {})).agents.find((a) => a.id === agentId)?.rating;
    assert.equal(await summaryOf('ag-bruno'), null);

    const first = await conversation(bruno);
    await bruno.ok('session.finish', { sessionId: first.sessionId });
    const rated = await first.visitor.ok('webchat.rate', { sessionId: first.sessionId, score: 5, comment: '  Ótimo atendimento!  ' });
    assert.equal(rated.session.rating, 5);
    assert.equal(rated.session.ratingComment, 'Ótimo atendimento!');
    const seen = await bruno.waitFor('session.updated', (e) => e.session.id === first.sessionId && e.session.rating === 5);
    assert.equal(seen.session.ratingComment, 'Ótimo atendimento!');
    assert.deepEqual((await bruno.ok('agent.snapshot', {})).agent.rating, { average: 5, count: 1 });

    const second = await conversation(bruno);
    await second.visitor.ok('webchat.finish', { sessionId: second.sessionId });
    await second.visitor.ok('webchat.rate', { sessionId: second.sessionId, score: 2 });
    assert.deepEqual((await bruno.ok('agent.snapshot', {})).agent.rating, { average: 3.5, count: 2 });
    assert.deepEqual(await summaryOf('ag-bruno'), { average: 3.5, count: 2 });
    assert.equal((await ana.ok('agent.snapshot', {})).agent.rating, null, 'another agent’s sessions do not count');
    first.visitor.close();
    second.visitor.close();
  });

  it('rates once: a repeat of the same rating answers it, a different one is CONFLICT and changes nothing', async () => {
    const { visitor, sessionId } = await conversation(ana);
    await visitor.ok('webchat.finish', { sessionId });
    const first = await visitor.ok('webchat.rate', { sessionId, score: 4, comment: 'Bom' });
    const retry = await visitor.ok('webchat.rate', { sessionId, score: 4, comment: 'Bom' });
    assert.deepEqual(retry.session, first.session);
    const changed = await visitor.command('webchat.rate', { sessionId, score: 1 });
    assert.ok(!changed.ok);
    assert.equal(changed.error.code, 'CONFLICT');
    assert.deepEqual((await ana.ok('agent.snapshot', {})).agent.rating, { average: 4, count: 1 });
    visitor.close();
  });

  it('refuses to rate an unfinished session (CONFLICT), one closed without a survey (FORBIDDEN), or another’s (NOT_FOUND)', async () => {
    const open = await conversation(ana);
    const early = await open.visitor.command('webchat.rate', { sessionId: open.sessionId, score: 5 });
    assert.ok(!early.ok);
    assert.equal(early.error.code, 'CONFLICT');

    await ana.ok('session.finishMany', { sessionIds: [open.sessionId] });
    const bulk = await open.visitor.command('webchat.rate', { sessionId: open.sessionId, score: 5 });
    assert.ok(!bulk.ok);
    assert.equal(bulk.error.code, 'FORBIDDEN');

    await t.server.repo.setTeamWaitingTimeout('tm-vendas', 1000);
    const visitor = await connectVisitor(t.url);
    const expiredId = randomUUID();
    await visitor.ok('webchat.start', { sessionId: expiredId, name: 'Ivo', teamId: 'tm-vendas' });
    clock.advance(2000);
    await t.server.services.sessions.expireWaiting();
    const expired = await visitor.command('webchat.rate', { sessionId: expiredId, score: 3 });
    assert.ok(!expired.ok);
    assert.equal(expired.error.code, 'FORBIDDEN');

    const mine = await conversation(ana);
    await ana.ok('session.finish', { sessionId: mine.sessionId });
    const foreign = await visitor.command('webchat.rate', { sessionId: mine.sessionId, score: 1 });
    assert.ok(!foreign.ok);
    assert.equal(foreign.error.code, 'NOT_FOUND');
    for (const score of [0, 6, 2.5]) {
      const bad = await mine.visitor.command('webchat.rate', { sessionId: mine.sessionId, score });
      assert.ok(!bad.ok);
      assert.equal(bad.error.code, 'INVALID_PAYLOAD');
      assert.ok(bad.error.fields?.score);
    }
    for (const s of [open.visitor, visitor, mine.visitor]) s.close();
  });

  it('a rating given after the agent finished reaches every socket of the owner (tabs opened before and after the finish)', async () => {
    const { visitor, sessionId } = await conversation(ana);
    await ana.ok('session.finish', { sessionId });
    const before = (await ana.ok('agent.snapshot', {})).agent.rating;
    const laterTab = await connectAgent(t.url, await loginAgent(t.url, ANA));
    await visitor.ok('webchat.rate', { sessionId, score: 3, comment: 'Demorou um pouco' });
    for (const socket of [ana, laterTab]) {
      const seen = await socket.waitFor('session.updated', (e) => e.session.id === sessionId && e.session.rating === 3);
      assert.equal(seen.session.ratingComment, 'Demorou um pouco');
      assert.equal(seen.session.status, 'finished');
    }
    const after = (await laterTab.ok('agent.snapshot', {})).agent.rating;
    assert.ok(after, 'the snapshot after the rating carries an average');
    assert.equal(after.count, (before?.count ?? 0) + 1);
    assert.equal(after.average, ((before?.average ?? 0) * (before?.count ?? 0) + 3) / after.count);
    laterTab.close();
    visitor.close();
  });

  it('a session the visitor gave up while waiting may be rated, and feeds no agent', async () => {
    const { visitor, sessionId } = await conversation(null);
    await visitor.ok('webchat.finish', { sessionId });
    const { session } = await visitor.ok('webchat.rate', { sessionId, score: 1, comment: 'Ninguém atendeu' });
    assert.equal(session.rating, 1);
    assert.equal(session.agentId, null);
    visitor.close();
  });
});
