import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Session } from '../../src/protocol/index.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  DEMO_TAGS,
  DEMO_TEAMS,
  DEMO_WAITING_TIMEOUT_MS,
  TestClock,
  addAgent,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  startTestServer,
  LONG_TOKEN_TTL_MS,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
  setWorkingHours,
} from './harness.js';

const { suporte: SUPORTE, vendas: VENDAS, financeiro: FINANCEIRO } = DEMO_TEAMS;
const CARLA = { id: 'ag-carla', name: 'Carla Dias', email: 'carla@demo.conecta.dev', teamIds: [FINANCEIRO.id] };

describe('the agent session workflow', () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  let bruno: TestSocket;
  let carla: TestSocket;
  let maria: VisitorSocket;
  /**
   * A new webchat session, accepted by `owner` unless null: of a new Maria (`maria` is the latest)
   * unless `sameVisitor`, since a visitor holds one open session per channel.
   */
  const open = async (owner: TestSocket | null = ana, teamId: string = SUPORTE.id, sameVisitor = false): Promise<Session> => {
    if (!sameVisitor) {
      maria.close();
      maria = await connectVisitor(t.url);
    }
    const { session } = await maria.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria Souza', teamId });
    return owner ? (await owner.ok('session.accept', { sessionId: session.id })).session : session;
  };
  const errorOf = (ack: { ok: boolean; error?: unknown }) =>
    ack.ok ? null : (ack.error as { code: string; message: string; fields?: Record<string, string> });

  before(async () => {
    // Tokens outlive the clock's jumps (a day of waiting timeout): an expired token's socket is refused.
    t = await startTestServer({
      now: clock.now,
      tokenTtlMs: LONG_TOKEN_TTL_MS,
      rateLimits: { commands: { perSecond: 1000, burst: 1000 } },
    });
    await addAgent(t, CARLA);
    ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    carla = await connectAgent(t.url, await loginAgent(t.url, CARLA.email));
    maria = await connectVisitor(t.url);
  });
  after(async () => {
    for (const socket of [ana, bruno, carla, maria]) socket.close();
    await t.close();
  });

  describe('session.transfer', () => {
    it('to an agent: waiting for that agent only, recorded with names and note, routed to that agent and not its team', async () => {
      const session = await open();
      const { session: moved } = await ana.ok('session.transfer', {
        sessionId: session.id,
        toTeamId: FINANCEIRO.id,
        toAgentId: DEMO_AGENTS.bruno.id,
        note: ' Segunda via do boleto ',
      });
      assert.equal(moved.status, 'waiting');
      assert.equal(moved.teamId, FINANCEIRO.id);
      assert.equal(moved.agentId, null);
      assert.equal(moved.targetAgentId, DEMO_AGENTS.bruno.id);
      await bruno.waitFor('session.updated', (e) => e.session.id === session.id && e.session.targetAgentId === DEMO_AGENTS.bruno.id);
      await ana.waitFor('session.updated', (e) => e.session.id === session.id && e.session.status === 'waiting');
      await delay(50);
      assert.equal(carla.received('session.updated', (e) => e.session.id === session.id).length, 0, 'Carla (Financeiro) is not told');

      assert.ok((await bruno.ok('agent.snapshot', {})).sessions.some((s) => s.id === session.id));
      assert.ok(!(await carla.ok('agent.snapshot', {})).sessions.some((s) => s.id === session.id));
      assert.equal(errorOf(await carla.command('session.accept', { sessionId: session.id }))?.code, 'FORBIDDEN');

      const synced = await bruno.ok('session.sync', { sessionId: session.id });
      const record = synced.messages.at(-1)!;
      assert.equal(record.kind, 'system');
      assert.deepEqual(record.system, {
        type: 'transferred',
        byAgentId: DEMO_AGENTS.ana.id,
        byAgentName: 'Ana',
        toTeamId: FINANCEIRO.id,
        toTeamName: 'Financeiro',
        toAgentId: DEMO_AGENTS.bruno.id,
        toAgentName: 'Bruno Lima',
        note: 'Segunda via do boleto',
      });
      const accepted = await bruno.ok('session.accept', { sessionId: session.id });
      assert.equal(accepted.session.agentId, DEMO_AGENTS.bruno.id);
      assert.equal(accepted.session.targetAgentId, null);
      assert.equal(
        errorOf(await ana.command('message.send', { id: randomUUID(), sessionId: session.id, text: 'still here?' }))?.code,
        'FORBIDDEN',
      );
    });

    it('to a team: waiting for the whole team; a waiting session may be transferred by a member of its team', async () => {
      // New waiting sessions are offered live only inside the team's working hours (the demo's Financeiro has some).
      await setWorkingHours(t, FINANCEIRO.id, null);
      const waiting = await open(null);
      const { session } = await bruno.ok('session.transfer', { sessionId: waiting.id, toTeamId: FINANCEIRO.id });
      assert.equal(session.targetAgentId, null);
      await carla.waitFor('session.updated', (e) => e.session.id === waiting.id && e.session.teamId === FINANCEIRO.id);
      assert.ok((await carla.ok('agent.snapshot', {})).sessions.some((s) => s.id === waiting.id));
    });

    it('refuses: not the owner (FORBIDDEN), an agent outside the team (fields.toAgentId), no such team, finished, unknown session', async () => {
      const session = await open();
      assert.equal(errorOf(await bruno.command('session.transfer', { sessionId: session.id, toTeamId: VENDAS.id }))?.code, 'FORBIDDEN');
      const outside = errorOf(
        await ana.command('session.transfer', { sessionId: session.id, toTeamId: VENDAS.id, toAgentId: DEMO_AGENTS.bruno.id }),
      );
      assert.equal(outside?.code, 'INVALID_PAYLOAD');
      assert.match(outside?.fields?.toAgentId ?? '', /not a member of Vendas/);
      assert.equal(
        errorOf(await ana.command('session.transfer', { sessionId: session.id, toTeamId: 'tm-nope' }))?.fields?.toTeamId,
        'is not a team',
      );
      assert.equal(errorOf(await ana.command('session.transfer', { sessionId: 'nope', toTeamId: VENDAS.id }))?.code, 'NOT_FOUND');
      await ana.ok('session.finish', { sessionId: session.id });
      assert.equal(
        errorOf(await ana.command('session.transfer', { sessionId: session.id, toTeamId: VENDAS.id }))?.code,
        'SESSION_FINISHED',
      );
    });
  });

  describe('session.invite and session.leave', () => {
    it('the invitee is told, may read and write (signed with its name), and leaves; then it may not write', async () => {
      const session = await open();
      const invited = await ana.ok('session.invite', { sessionId: session.id, agentId: DEMO_AGENTS.bruno.id });
      assert.deepEqual(invited.session.invitedAgentIds, [DEMO_AGENTS.bruno.id]);
      await bruno.waitFor(
        'session.updated',
        (e) => e.session.id === session.id && e.session.invitedAgentIds.includes(DEMO_AGENTS.bruno.id),
      );
      assert.ok(
        (await bruno.ok('agent.snapshot', {})).sessions.some((s) => s.id === session.id),
        'listed on the invitee\u2019s desk',
      );
      const invitation = await bruno.waitFor(
        'message.created',
        (e) => e.message.sessionId === session.id && e.message.system?.type === 'invited',
      );
      assert.deepEqual(invitation.message.system, {
        type: 'invited',
        byAgentId: DEMO_AGENTS.ana.id,
        byAgentName: 'Ana',
        agentId: DEMO_AGENTS.bruno.id,
        agentName: 'Bruno Lima',
      });

      const written = await bruno.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'Oi Maria, sou do financeiro.' });
      assert.equal(written.message.authorKind, 'agent');
      assert.equal(written.message.authorName, 'Bruno Lima');
      await maria.waitFor('message.created', (e) => e.message.id === written.message.id);
      await ana.waitFor('message.created', (e) => e.message.id === written.message.id);

      const left = await bruno.ok('session.leave', { sessionId: session.id });
      assert.deepEqual(left.session.invitedAgentIds, []);
      assert.equal(
        (await ana.waitFor('message.created', (e) => e.message.sessionId === session.id && e.message.system?.type === 'left')).message.text,
        'Bruno Lima left the session.',
      );
      assert.equal(
        errorOf(await bruno.command('message.send', { id: randomUUID(), sessionId: session.id, text: 'oops' }))?.code,
        'FORBIDDEN',
      );
    });

    it('refuses: a non-owner inviting (FORBIDDEN), inviting oneself (fields.agentId), an unknown agent (NOT_FOUND), leaving uninvited (FORBIDDEN)', async () => {
      const session = await open();
      assert.equal(errorOf(await bruno.command('session.invite', { sessionId: session.id, agentId: CARLA.id }))?.code, 'FORBIDDEN');
      assert.ok(errorOf(await ana.command('session.invite', { sessionId: session.id, agentId: DEMO_AGENTS.ana.id }))?.fields?.agentId);
      assert.equal(errorOf(await ana.command('session.invite', { sessionId: session.id, agentId: 'ag-nobody' }))?.code, 'NOT_FOUND');
      assert.equal(errorOf(await carla.command('session.leave', { sessionId: session.id }))?.code, 'FORBIDDEN');
    });
  });

  describe('park, rescue and bulk finish', () => {
    it('park makes an active session pending and rescue active again, each recorded', async () => {
      const session = await open();
      const parked = await ana.ok('session.park', { sessionId: session.id });
      assert.equal(parked.session.status, 'pending');
      assert.ok((await ana.ok('agent.snapshot', {})).sessions.some((s) => s.id === session.id && s.status === 'pending'));
      const rescued = await ana.ok('session.rescue', { sessionIds: [session.id] });
      assert.equal(rescued.sessions[0]!.status, 'active');
      const { messages } = await ana.ok('session.sync', { sessionId: session.id });
      assert.deepEqual(
        messages.map((m) => m.system?.type),
        ['accepted', 'parked', 'rescued'],
      );
    });

    it('park refuses a session of someone else (FORBIDDEN) and a waiting one (FORBIDDEN)', async () => {
      const mine = await open();
      assert.equal(errorOf(await bruno.command('session.park', { sessionId: mine.id }))?.code, 'FORBIDDEN');
      const waiting = await open(null);
      assert.equal(errorOf(await ana.command('session.park', { sessionId: waiting.id }))?.code, 'FORBIDDEN');
    });

    it('rescue is all-or-nothing: one session of another agent refuses the whole batch', async () => {
      const mine = await open();
      const theirs = await open(bruno);
      await ana.ok('session.park', { sessionId: mine.id });
      await bruno.ok('session.park', { sessionId: theirs.id });
      const refused = errorOf(await ana.command('session.rescue', { sessionIds: [mine.id, theirs.id] }));
      assert.equal(refused?.code, 'FORBIDDEN');
      assert.equal((await t.server.repo.getSession(mine.id))!.status, 'pending', 'the first one was rolled back');
    });

    it('more than 50 sessions are refused with a clear message', async () => {
      const ids = Array.from({ length: 51 }, () => randomUUID());
      for (const name of ['session.rescue', 'session.finishMany'] as const) {
        const error = errorOf(await ana.command(name, { sessionIds: ids }));
        assert.equal(error?.code, 'INVALID_PAYLOAD');
        assert.equal(error?.fields?.sessionIds, 'lists more than 50 sessions: select at most 50 at once');
      }
    });

    it('finishMany finishes the caller\u2019s active and pending sessions at once, recorded as bulk; all or nothing', async () => {
      const [a, b, c] = [await open(), await open(), await open()];
      await ana.ok('session.park', { sessionId: b!.id });
      const other = await open(bruno);
      assert.equal(errorOf(await ana.command('session.finishMany', { sessionIds: [a!.id, other.id] }))?.code, 'FORBIDDEN');
      assert.equal((await t.server.repo.getSession(a!.id))!.status, 'active');

      const done = await ana.ok('session.finishMany', { sessionIds: [a!.id, b!.id, c!.id] });
      assert.deepEqual(
        done.sessions.map((s) => s.status),
        ['finished', 'finished', 'finished'],
      );
      const { messages } = await ana.ok('session.sync', { sessionId: b!.id });
      assert.deepEqual(messages.at(-1)!.system, { type: 'finished', agentId: DEMO_AGENTS.ana.id, agentName: 'Ana', bulk: true });
    });
  });

  describe('session.setTags', () => {
    it('sets tags of the session\u2019s team and refuses another team\u2019s in fields.tagIds', async () => {
      const session = await open();
      const tagged = await ana.ok('session.setTags', { sessionId: session.id, tagIds: [DEMO_TAGS.agendamento.id] });
      assert.deepEqual(tagged.session.tagIds, [DEMO_TAGS.agendamento.id]);
      const refused = errorOf(await ana.command('session.setTags', { sessionId: session.id, tagIds: [DEMO_TAGS.negociacao.id] }));
      assert.equal(refused?.code, 'INVALID_PAYLOAD');
      assert.match(refused?.fields?.tagIds ?? '', /tg-negociacao/);
      assert.equal(errorOf(await carla.command('session.setTags', { sessionId: session.id, tagIds: [] }))?.code, 'FORBIDDEN');
    });
  });

  describe('notes', () => {
    it('are shared: Ana writes, Bruno sees, edits and deletes it, each change an event to every agent', async () => {
      const session = await open();
      const contactId = session.contactId;
      const id = randomUUID();
      const created = await ana.ok('note.save', { id, contactId, text: 'Prefere contato à tarde.' });
      assert.equal(created.note.authorName, 'Ana');
      await bruno.waitFor('note.updated', (e) => e.note.id === id && e.note.version === 1);
      assert.deepEqual(
        (await bruno.ok('note.list', { contactId })).notes.map((n) => n.text),
        ['Prefere contato à tarde.'],
      );

      const edited = await bruno.ok('note.save', { id, contactId, text: 'Prefere contato pela manhã.' });
      assert.equal(edited.note.version, 2);
      await ana.waitFor('note.updated', (e) => e.note.id === id && e.note.version === 2);

      assert.deepEqual(await bruno.ok('note.delete', { noteId: id }), { noteId: id, contactId });
      await ana.waitFor('note.deleted', (e) => e.noteId === id);
      assert.deepEqual((await ana.ok('note.list', { contactId })).notes, []);
      assert.equal(errorOf(await ana.command('note.delete', { noteId: id }))?.code, 'NOT_FOUND');
      assert.equal(errorOf(await ana.command('note.save', { id: randomUUID(), contactId: 'ct-nope', text: 'x' }))?.code, 'NOT_FOUND');
      assert.equal(
        errorOf(await ana.command('note.save', { id: randomUUID(), contactId, text: '   ' }))?.fields?.text,
        'must not be empty',
      );
      assert.equal(errorOf(await maria.command('note.list', { contactId }))?.code, 'FORBIDDEN');
    });
  });

  describe('contact.history and the history permission', () => {
    it('Ana (history) sees the contact\u2019s finished sessions of every team; Bruno (no history) only his teams\u2019', async () => {
      const vendas = await open(ana, VENDAS.id);
      await ana.ok('session.finish', { sessionId: vendas.id });
      const financeiro = await open(bruno, FINANCEIRO.id, true);
      await bruno.ok('session.finish', { sessionId: financeiro.id });
      const contactId = vendas.contactId;

      const anas = await ana.ok('contact.history', { contactId, limit: 100 });
      assert.ok(
        anas.sessions.some((s) => s.id === financeiro.id),
        'Ana sees Financeiro through the permission',
      );
      assert.ok(anas.sessions.some((s) => s.id === vendas.id));
      assert.ok(await ana.ok('session.sync', { sessionId: financeiro.id }));

      const brunos = await bruno.ok('contact.history', { contactId, limit: 100 });
      assert.ok(brunos.sessions.some((s) => s.id === financeiro.id));
      assert.ok(!brunos.sessions.some((s) => s.id === vendas.id), 'Bruno is not in Vendas and has no history permission');
      assert.equal(errorOf(await bruno.command('session.sync', { sessionId: vendas.id }))?.code, 'FORBIDDEN');

      const page = await ana.ok('contact.history', { contactId, limit: 1 });
      assert.equal(page.sessions.length, 1);
      assert.equal(page.hasMore, true);
      assert.equal(errorOf(await ana.command('contact.history', { contactId: 'ct-nope' }))?.code, 'NOT_FOUND');
    });
  });

  describe('session.sync paging and session.older', () => {
    it('answers the tail with hasOlder, pages forward with hasMore, and back with session.older', async () => {
      const session = await open(); // message 1: accepted
      for (let i = 2; i <= 6; i++) await ana.ok('message.send', { id: randomUUID(), sessionId: session.id, text: `m${i}` });
      const tail = await ana.ok('session.sync', { sessionId: session.id, limit: 2 });
      assert.deepEqual(
        tail.messages.map((m) => m.seq),
        [5, 6],
      );
      assert.equal(tail.hasOlder, true);
      assert.equal(tail.hasMore, false);
      const older = await ana.ok('session.older', { sessionId: session.id, beforeSeq: 5, limit: 3 });
      assert.deepEqual(
        older.messages.map((m) => m.seq),
        [2, 3, 4],
      );
      assert.equal(older.hasOlder, true);
      const first = await ana.ok('session.older', { sessionId: session.id, beforeSeq: 2, limit: 3 });
      assert.deepEqual(
        first.messages.map((m) => m.seq),
        [1],
      );
      assert.equal(first.hasOlder, false);
      const forward = await ana.ok('session.sync', { sessionId: session.id, afterSeq: 2, limit: 3 });
      assert.deepEqual(
        forward.messages.map((m) => m.seq),
        [3, 4, 5],
      );
      assert.equal(forward.hasMore, true);
      assert.equal((await ana.ok('session.sync', { sessionId: session.id, afterSeq: 5, limit: 3 })).hasMore, false);
      assert.equal(errorOf(await carla.command('session.older', { sessionId: session.id, beforeSeq: 3 }))?.code, 'FORBIDDEN');
    });
  });

  describe('message.receipt', () => {
    it('the visitor marks the agent\u2019s messages delivered then read; status never moves back', async () => {
      const session = await open();
      const sent = await ana.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'Olá!' });
      clock.advance(1000);
      await maria.ok('message.receipt', { sessionId: session.id, upToSeq: sent.message.seq, status: 'delivered' });
      const delivered = await ana.waitFor('message.status', (e) => e.sessionId === session.id && e.status === 'delivered');
      assert.deepEqual(delivered, {
        sessionId: session.id,
        upToSeq: sent.message.seq,
        status: 'delivered',
        at: clock.now(),
        authorKinds: ['agent'],
      });
      clock.advance(1000);
      await maria.ok('message.receipt', { sessionId: session.id, upToSeq: sent.message.seq, status: 'read' });
      await ana.waitFor('message.status', (e) => e.sessionId === session.id && e.status === 'read');
      const before = ana.received('message.status', (e) => e.sessionId === session.id).length;
      clock.advance(1000);
      await maria.ok('message.receipt', { sessionId: session.id, upToSeq: sent.message.seq, status: 'delivered' });
      await delay(50);
      assert.equal(ana.received('message.status', (e) => e.sessionId === session.id).length, before, 'nothing moved: no event');
      const stored = (await ana.ok('session.sync', { sessionId: session.id })).messages.find((m) => m.id === sent.message.id)!;
      assert.equal(stored.deliveredAt, clock.now() - 3000 + 1000);
      assert.equal(stored.readAt, clock.now() - 1000);

      const theirs = await maria.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'Oi' });
      await ana.ok('message.receipt', { sessionId: session.id, upToSeq: theirs.message.seq, status: 'read' });
      const seen = await maria.waitFor('message.status', (e) => e.sessionId === session.id && e.authorKinds.includes('contact'));
      assert.equal(seen.status, 'read');
      assert.equal(
        errorOf(await carla.command('message.receipt', { sessionId: session.id, upToSeq: 1, status: 'read' }))?.code,
        'FORBIDDEN',
      );
    });
  });

  describe('session.typing', () => {
    it('is relayed to the other side, not back to the sender', async () => {
      const session = await open();
      await ana.ok('session.sync', { sessionId: session.id });
      assert.deepEqual(await maria.ok('session.typing', { sessionId: session.id, typing: true }), {});
      const typing = await ana.waitFor('session.typing', (e) => e.sessionId === session.id);
      assert.deepEqual(typing, {
        sessionId: session.id,
        authorKind: 'contact',
        authorId: maria.visitor.contactId,
        authorName: 'Maria Souza',
        typing: true,
      });
      await ana.ok('session.typing', { sessionId: session.id, typing: true });
      await maria.waitFor('session.typing', (e) => e.sessionId === session.id && e.authorKind === 'agent');
      await delay(50);
      assert.equal(maria.received('session.typing', (e) => e.authorKind === 'contact' && e.sessionId === session.id).length, 0);
      assert.equal(ana.received('session.typing', (e) => e.authorKind === 'agent' && e.sessionId === session.id).length, 0);
      assert.equal(errorOf(await carla.command('session.typing', { sessionId: session.id, typing: true }))?.code, 'FORBIDDEN');
    });
  });

  describe('queue.search', () => {
    it('finds sessions by contact name, CPF digits and phone digits, only among those the agent may see', async () => {
      const session = await open(null, VENDAS.id);
      await ana.ok('contact.save', { id: session.contactId, name: 'Maria Souza', phone: '+5511987654321', document: '529.982.247-25' });
      const found = async (who: TestSocket, query: string) =>
        (await who.ok('queue.search', { query })).sessions.some((s) => s.id === session.id);
      assert.equal(await found(ana, 'souza'), true);
      assert.equal(await found(ana, '529.982'), true);
      assert.equal(await found(ana, '98765-4321'), true);
      assert.equal(await found(ana, 'Joana'), false);
      assert.equal(await found(bruno, 'souza'), false, 'Bruno is not in Vendas');
      const filtered = await ana.ok('queue.search', { query: 'souza', teamId: SUPORTE.id, statuses: ['waiting'] });
      assert.ok(filtered.sessions.every((s) => s.teamId === SUPORTE.id && s.status === 'waiting'));
      assert.equal(errorOf(await ana.command('queue.search', { query: 'x', teamId: FINANCEIRO.id }))?.code, 'FORBIDDEN');
      assert.equal((await ana.ok('queue.search', { query: '', limit: 1 })).sessions.length, 1);
    });
  });

  describe('agent.catalog', () => {
    it('lists every colleague (online or not), every team, and the tags, templates and canned responses of the agent\u2019s teams', async () => {
      const catalog = await ana.ok('agent.catalog', {});
      assert.deepEqual(
        catalog.teams.map((team) => team.name),
        ['Financeiro', 'Suporte', 'Vendas'],
      );
      const bruno = catalog.agents.find((a) => a.id === DEMO_AGENTS.bruno.id)!;
      assert.equal(bruno.online, true);
      assert.deepEqual(bruno.teamIds, [FINANCEIRO.id, SUPORTE.id]);
      assert.ok(catalog.tags.every((tag) => tag.teamId !== FINANCEIRO.id));
      assert.ok(catalog.tags.some((tag) => tag.teamId === VENDAS.id));
      assert.ok(catalog.templates.some((tpl) => tpl.name === 'retomar_atendimento'));
      assert.deepEqual(
        catalog.cannedResponses.map((c) => c.shortcut),
        ['horario', 'ola'],
        'Financeiro\u2019s segundavia is not Ana\u2019s',
      );
    });
  });

  describe('the team\u2019s waiting timeout', () => {
    it('expireWaiting finishes sessions waiting longer than the team allows, recorded as expired', async () => {
      const waiting = await open(null);
      clock.advance(DEMO_WAITING_TIMEOUT_MS - 1);
      const stale = (await t.server.repo.listExpiredWaiting(clock.now())).map((s) => s.id);
      assert.ok(!stale.includes(waiting.id));
      await t.server.services.sessions.expireWaiting();
      assert.equal((await t.server.repo.getSession(waiting.id))!.status, 'waiting');
      clock.advance(1);
      assert.ok((await t.server.services.sessions.expireWaiting()) >= 1);
      const expired = (await t.server.repo.getSession(waiting.id))!;
      assert.equal(expired.status, 'finished');
      assert.equal(expired.finishedAt, clock.now());
      await bruno.waitFor('session.updated', (e) => e.session.id === waiting.id && e.session.status === 'finished');
      const { messages } = await ana.ok('session.sync', { sessionId: waiting.id });
      assert.deepEqual(messages.at(-1)!.system, { type: 'expired' });
    });
  });
});
