import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { emptyContactRecord, type Session } from '../../src/protocol/index.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  TestClock,
  T0,
  connectVisitor,
  delay,
  startWithAgents,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

const SUPORTE = 'tm-suporte';
const VENDAS = 'tm-vendas';

describe('a webchat conversation from start to finish', () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  let bruno: TestSocket;
  let maria: VisitorSocket;
  before(async () => {
    ({
      t,
      agents: [ana, bruno],
    } = await startWithAgents([ANA, BRUNO], { now: clock.now }));
    maria = await connectVisitor(t.url);
  });
  after(async () => {
    maria.close();
    await t.close();
  });

  it('visitor start → agent sees it → accept (system message) → messages both ways in seq order → finish', async () => {
    const sessionId = randomUUID();
    const started = await maria.ok('webchat.start', { sessionId, name: ' Maria Souza ', email: 'Maria@Example.com', teamId: SUPORTE });
    assert.equal(started.session.status, 'waiting');
    assert.equal(started.session.version, 1);
    assert.equal(started.session.contactId, maria.visitor.contactId);
    assert.equal(started.session.channel, 'webchat');
    assert.equal(started.session.channelKey, 'demo');
    assert.equal(started.session.protocol, '20261122-000001');
    assert.deepEqual(started.contact, {
      id: maria.visitor.contactId,
      name: 'Maria Souza',
      email: 'maria@example.com',
      phone: null,
      document: null,
      ...emptyContactRecord(),
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    });

    // Both agents of Suporte get the new waiting session without asking.
    await ana.waitFor('session.updated', (e) => e.session.id === sessionId);
    await bruno.waitFor('session.updated', (e) => e.session.id === sessionId);
    const snapshot = await ana.ok('agent.snapshot', {});
    assert.deepEqual(
      snapshot.teams.map((team) => team.name),
      ['Suporte', 'Vendas'],
    );
    assert.deepEqual(
      snapshot.sessions.map((s) => s.id),
      [sessionId],
    );
    assert.deepEqual(
      snapshot.contacts.map((c) => c.id),
      [maria.visitor.contactId],
    );

    clock.advance(5_000);
    const first = await maria.ok('message.send', { id: randomUUID(), sessionId, text: '  Hi, my order has not arrived.  ' });
    assert.equal(first.message.seq, 1);
    assert.equal(first.message.text, 'Hi, my order has not arrived.');
    assert.equal(first.message.authorKind, 'contact');
    assert.equal(first.message.authorName, 'Maria Souza');
    assert.equal(first.session.lastInboundAt, T0 + 5_000);
    assert.equal(first.session.version, 2);

    clock.advance(55_000);
    const accepted = await ana.ok('session.accept', { sessionId });
    assert.equal(accepted.session.status, 'active');
    assert.equal(accepted.session.agentId, DEMO_AGENTS.ana.id);
    assert.equal(accepted.session.acceptedAt, T0 + 60_000);
    assert.equal(accepted.session.version, 3);
    assert.equal(accepted.session.lastSeq, 2, 'the accept is recorded as message 2');
    const recorded = await maria.waitFor('message.created', (e) => e.message.seq === 2);
    assert.equal(recorded.message.kind, 'system');
    assert.deepEqual(recorded.message.system, { type: 'accepted', agentId: DEMO_AGENTS.ana.id, agentName: 'Ana' });
    await maria.waitFor('session.updated', (e) => e.session.version === 3);
    await bruno.waitFor('session.updated', (e) => e.session.version === 3 && e.session.status === 'active');

    clock.advance(30_000);
    const reply = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Hi Maria! Let me check that for you.' });
    assert.equal(reply.message.seq, 3);
    assert.equal(reply.message.authorKind, 'agent');
    assert.equal(reply.message.authorName, 'Ana');
    assert.equal(reply.session.lastInboundAt, T0 + 5_000, 'an agent message does not move lastInboundAt');
    await maria.waitFor('message.created', (e) => e.message.id === reply.message.id);

    const third = await maria.ok('message.send', { id: randomUUID(), sessionId, text: 'Thanks!' });
    assert.equal(third.message.seq, 4);
    await ana.waitFor('message.created', (e) => e.message.id === third.message.id);
    assert.equal(bruno.received('message.created').length, 0, 'a teammate is not sent the messages of a session attended by another');
    assert.equal(bruno.received('session.updated', (e) => e.session.lastSeq >= 3).length, 0, 'nor its new last messages');

    clock.advance(60_000);
    const finished = await ana.ok('session.finish', { sessionId });
    assert.equal(finished.session.status, 'finished');
    assert.equal(finished.session.finishedAt, clock.now());
    assert.equal(finished.session.version, 6);
    assert.equal(finished.session.lastSeq, 5, 'the finish is recorded as message 5');
    assert.equal(finished.session.lastMessageText, 'Thanks!');

    const late = await maria.command('message.send', { id: randomUUID(), sessionId, text: 'One more thing' });
    assert.equal(!late.ok && late.error.code, 'SESSION_FINISHED');
    const again = await ana.ok('session.finish', { sessionId });
    assert.equal(again.session.version, 6, 'finishing again by the owner changes nothing');
    assert.deepEqual((await ana.ok('agent.snapshot', {})).sessions, []);

    const history = await maria.ok('webchat.sessions', {});
    assert.equal(history.contact?.id, maria.visitor.contactId);
    assert.deepEqual(
      history.sessions.map((s) => [s.id, s.status]),
      [[sessionId, 'finished']],
    );
  });
});

describe('session rules', () => {
  let t: TestServer;
  let ana: TestSocket;
  let bruno: TestSocket;
  let visitor: VisitorSocket;
  // A visitor of its own per session: a visitor holds one open session per channel.
  const start = async (teamId = SUPORTE): Promise<Session> => {
    const own = await connectVisitor(t.url);
    const { session } = await own.ok('webchat.start', { sessionId: randomUUID(), name: 'Visitor', teamId });
    own.close();
    return session;
  };

  before(async () => {
    ({
      t,
      agents: [ana, bruno],
    } = await startWithAgents([ANA, BRUNO]));
    visitor = await connectVisitor(t.url);
  });
  after(async () => {
    visitor.close();
    await t.close();
  });

  it('two agents accepting at once: exactly one wins, the other gets ALREADY_ACCEPTED', async () => {
    for (let round = 0; round < 5; round++) {
      const session = await start();
      const answers = await Promise.all([
        ana.command('session.accept', { sessionId: session.id }),
        bruno.command('session.accept', { sessionId: session.id }),
      ]);
      const winners = answers.filter((a) => a.ok);
      const losers = answers.filter((a) => !a.ok);
      assert.equal(winners.length, 1);
      assert.equal(losers.length, 1);
      assert.equal(!losers[0]!.ok && losers[0]!.error.code, 'ALREADY_ACCEPTED');
      assert.match(!losers[0]!.ok ? losers[0]!.error.message : '', /Another agent has already accepted/);
      assert.equal(winners[0]!.ok && winners[0]!.data.session.version, 2);
    }
  });

  it('accepting again by the owner succeeds and changes nothing', async () => {
    const session = await start();
    const first = await ana.ok('session.accept', { sessionId: session.id });
    const second = await ana.ok('session.accept', { sessionId: session.id });
    assert.deepEqual(second.session, first.session);
  });

  it('an agent of another team cannot accept (FORBIDDEN), sync (FORBIDDEN) or see it in its snapshot', async () => {
    const session = await start(VENDAS); // Bruno is in Suporte and Financeiro only
    const accept = await bruno.command('session.accept', { sessionId: session.id });
    assert.equal(!accept.ok && accept.error.code, 'FORBIDDEN');
    const sync = await bruno.command('session.sync', { sessionId: session.id, afterSeq: 0 });
    assert.equal(!sync.ok && sync.error.code, 'FORBIDDEN');
    assert.ok(!(await bruno.ok('agent.snapshot', {})).sessions.some((s) => s.id === session.id));
    assert.ok((await ana.ok('agent.snapshot', {})).sessions.some((s) => s.id === session.id));
  });

  it('only the owner writes in and finishes a session; accepting a finished one is SESSION_FINISHED', async () => {
    const session = await start();
    const early = await ana.command('message.send', { id: randomUUID(), sessionId: session.id, text: 'hello' });
    assert.equal(!early.ok && early.error.code, 'FORBIDDEN', 'accept before writing');
    const finishWaiting = await ana.command('session.finish', { sessionId: session.id });
    assert.equal(!finishWaiting.ok && finishWaiting.error.code, 'FORBIDDEN');

    await ana.ok('session.accept', { sessionId: session.id });
    const intruderWrites = await bruno.command('message.send', { id: randomUUID(), sessionId: session.id, text: 'hi' });
    assert.equal(!intruderWrites.ok && intruderWrites.error.code, 'FORBIDDEN');
    const intruderFinishes = await bruno.command('session.finish', { sessionId: session.id });
    assert.equal(!intruderFinishes.ok && intruderFinishes.error.code, 'FORBIDDEN');

    await ana.ok('session.finish', { sessionId: session.id });
    const acceptFinished = await bruno.command('session.accept', { sessionId: session.id });
    assert.equal(!acceptFinished.ok && acceptFinished.error.code, 'SESSION_FINISHED');
    const finishOthers = await bruno.command('session.finish', { sessionId: session.id });
    assert.equal(!finishOthers.ok && finishOthers.error.code, 'SESSION_FINISHED');
    const agentWritesFinished = await ana.command('message.send', { id: randomUUID(), sessionId: session.id, text: 'bye' });
    assert.equal(!agentWritesFinished.ok && agentWritesFinished.error.code, 'SESSION_FINISHED');
  });

  it('answers NOT_FOUND for a session that does not exist', async () => {
    for (const name of ['session.accept', 'session.finish'] as const) {
      const answer = await ana.command(name, { sessionId: 'no-such-session' });
      assert.equal(!answer.ok && answer.error.code, 'NOT_FOUND');
    }
  });

  it('gives every session a unique YYYYMMDD-NNNNNN protocol', async () => {
    const sessions = await Promise.all(Array.from({ length: 12 }, () => start()));
    const protocols = sessions.map((s) => s.protocol);
    for (const protocol of protocols) assert.match(protocol, /^\d{8}-\d{6}$/);
    assert.equal(new Set(protocols).size, protocols.length);
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    assert.ok(protocols.every((p) => p.startsWith(today)));
  });

  it('webchat.start is idempotent by sessionId, and refuses another visitor’s id with CONFLICT', async () => {
    const sessionId = randomUUID();
    const first = await visitor.ok('webchat.start', { sessionId, name: 'Visitor', teamId: SUPORTE });
    await ana.waitFor('session.updated', (e) => e.session.id === sessionId);
    const repeat = await visitor.ok('webchat.start', { sessionId, name: 'Other name', teamId: VENDAS });
    assert.deepEqual(repeat.session, first.session);
    await delay(50);
    assert.equal(ana.received('session.updated', (e) => e.session.id === sessionId).length, 1, 'no event for a repeat');

    const stranger = await connectVisitor(t.url);
    const stolen = await stranger.command('webchat.start', { sessionId, name: 'Stranger', teamId: SUPORTE });
    assert.equal(!stolen.ok && stolen.error.code, 'CONFLICT');
    stranger.close();
  });

  it('webchat.start refuses a team the channel does not offer, in fields.teamId', async () => {
    const answer = await visitor.command('webchat.start', { sessionId: randomUUID(), name: 'V', teamId: 'tm-nope' });
    assert.equal(!answer.ok && answer.error.code, 'INVALID_PAYLOAD');
    assert.ok(!answer.ok && answer.error.fields?.teamId);
  });
});
