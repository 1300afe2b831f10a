import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { commandHandlers } from '../../server/src/socket/commands.js';
import { commandSchemas, type Ack, type CommandName, type ErrorCode } from '../../src/protocol/index.js';
import {
  ANA,
  BRUNO,
  DEMO_PASSWORD,
  DEMO_TEAMS,
  DEMO_WHATSAPP,
  TestClock,
  addAgent,
  connect,
  connectAgent,
  connectVisitor,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

/**
 * Every command, sent by everyone who must not send it, is refused. The rows are this file's; the
 * commands are the protocol's, read at run time: a new command without its row fails the first test.
 *
 * The callers, around one active session of Suporte owned by Bruno and started by visitor A:
 * - visitorA: the session's own visitor (refused every agent command);
 * - visitorB: another visitor of the same channel (refused A's session);
 * - outsider: an agent of Financeiro only, with no permission (refused Suporte's sessions);
 * - plain: an agent of Suporte with no permission, not in the session (refused what needs one);
 * - expired: Ana, the owner, on a socket whose token has expired (refused everything).
 * No one (no token, a bad or revoked one) cannot even connect: see the last tests.
 */
type Caller = 'visitorA' | 'visitorB' | 'outsider' | 'plain' | 'expired';

interface World {
  sessionA: string;
  waitingB: string;
  finishedA: string;
  contactA: string;
  noteId: string;
  brunoId: string;
  plainId: string;
  brunoToken: string;
  pauseTypeId: string;
  templateId: string;
  tagId: string;
  /** Two parked sessions of plain's own, for the bulk actions it may not take. */
  plainPending: string[];
}

interface Row {
  payload: (w: World) => unknown;
  refused: Caller[];
  /** A payload for one caller, where the general one would be refused for another reason. */
  as?: Partial<Record<Caller, (w: World) => unknown>>;
}

const VISITORS: Caller[] = ['visitorA', 'visitorB'];
const AGENTS: Caller[] = ['outsider', 'plain', 'expired'];
/** Agent commands about the agent itself: refused to visitors and to an expired token. */
const OWN: Caller[] = [...VISITORS, 'expired'];
/** Commands that need the session's ownership. */
const OWNER_ONLY: Caller[] = [...VISITORS, 'outsider', 'plain', 'expired'];
/** Commands that need the internalChat permission. */
const CHAT: Caller[] = [...VISITORS, 'outsider', 'plain', 'expired'];

const MATRIX: Record<CommandName, Row> = {
  'auth.refresh': { payload: (w) => ({ token: w.brunoToken }), refused: [...OWN, 'outsider'] },
  'agent.snapshot': { payload: () => ({}), refused: OWN },
  'queue.page': { payload: () => ({ teamId: DEMO_TEAMS.suporte.id }), refused: [...OWN, 'outsider'] },
  'agent.pause': { payload: (w) => ({ pauseTypeId: w.pauseTypeId }), refused: OWN },
  'agent.resume': { payload: () => ({}), refused: OWN },
  'agent.stats': { payload: () => ({}), refused: [...OWN, 'outsider', 'plain'] },
  'agent.profile': { payload: () => ({ nickname: 'Mallory' }), refused: OWN },
  'agent.password': { payload: () => ({ current: DEMO_PASSWORD, next: 'a-brand-new-password-1' }), refused: OWN },
  'session.accept': { payload: (w) => ({ sessionId: w.waitingB }), refused: [...OWN, 'outsider'] },
  // Writing first to a contact needs the startConversations permission (neither outsider nor plain has it).
  'session.start': {
    payload: (w) => ({
      sessionId: randomUUID(),
      contactId: w.contactA,
      channelKey: DEMO_WHATSAPP.key,
      teamId: DEMO_TEAMS.suporte.id,
      message: { id: randomUUID(), text: 'Olá!' },
    }),
    refused: [...OWN, 'outsider', 'plain'],
  },
  'session.finish': { payload: (w) => ({ sessionId: w.sessionA }), refused: OWNER_ONLY },
  'session.sync': { payload: (w) => ({ sessionId: w.sessionA }), refused: ['visitorB', 'outsider', 'expired'] },
  'session.older': { payload: (w) => ({ sessionId: w.sessionA, beforeSeq: 3 }), refused: ['visitorB', 'outsider', 'expired'] },
  'message.send': {
    payload: (w) => ({ id: randomUUID(), sessionId: w.sessionA, text: 'not yours' }),
    refused: ['visitorB', 'outsider', 'plain', 'expired'],
  },
  'message.sendTemplate': { payload: (w) => ({ id: randomUUID(), sessionId: w.sessionA, templateId: w.templateId }), refused: OWNER_ONLY },
  'message.receipt': {
    payload: (w) => ({ sessionId: w.sessionA, upToSeq: 1, status: 'read' }),
    refused: ['visitorB', 'outsider', 'expired'],
  },
  'session.typing': { payload: (w) => ({ sessionId: w.sessionA, typing: true }), refused: ['visitorB', 'outsider', 'expired'] },
  'agent.catalog': { payload: () => ({}), refused: OWN },
  'chat.list': { payload: () => ({}), refused: CHAT },
  'chat.history': { payload: (w) => ({ withAgentId: w.brunoId }), refused: CHAT },
  'chat.send': { payload: (w) => ({ id: randomUUID(), toAgentId: w.brunoId, text: 'psst' }), refused: CHAT },
  'chat.read': { payload: (w) => ({ withAgentId: w.brunoId, upToSeq: 1 }), refused: CHAT },
  'queue.search': { payload: () => ({ query: 'Visitante', teamId: DEMO_TEAMS.suporte.id }), refused: [...OWN, 'outsider'] },
  'session.park': { payload: (w) => ({ sessionId: w.sessionA }), refused: OWNER_ONLY },
  'session.rescue': {
    payload: (w) => ({ sessionIds: [w.sessionA] }),
    refused: OWNER_ONLY,
    as: { plain: (w) => ({ sessionIds: w.plainPending }) },
  },
  'session.finishMany': {
    payload: (w) => ({ sessionIds: [w.sessionA] }),
    refused: OWNER_ONLY,
    as: { plain: (w) => ({ sessionIds: w.plainPending }) },
  },
  'session.transfer': { payload: (w) => ({ sessionId: w.sessionA, toTeamId: DEMO_TEAMS.vendas.id }), refused: OWNER_ONLY },
  'session.invite': { payload: (w) => ({ sessionId: w.sessionA, agentId: w.plainId }), refused: OWNER_ONLY },
  'session.leave': { payload: (w) => ({ sessionId: w.sessionA }), refused: OWNER_ONLY },
  'session.setTags': { payload: (w) => ({ sessionId: w.sessionA, tagIds: [w.tagId] }), refused: OWNER_ONLY },
  'contact.history': { payload: (w) => ({ contactId: w.contactA }), refused: OWN },
  'contact.gallery': { payload: (w) => ({ contactId: w.contactA }), refused: OWN },
  // Notes and contacts are the company's, shared by every agent (DESIGN.md): refused to visitors only.
  'note.list': { payload: (w) => ({ contactId: w.contactA }), refused: OWN },
  'note.save': { payload: (w) => ({ id: randomUUID(), contactId: w.contactA, text: 'a note' }), refused: OWN },
  'note.delete': { payload: (w) => ({ noteId: w.noteId }), refused: OWN },
  'contact.get': { payload: (w) => ({ contactId: w.contactA }), refused: OWN },
  'contact.save': { payload: (w) => ({ id: w.contactA, name: 'Renamed by a stranger' }), refused: OWN },
  'contact.search': { payload: () => ({ query: 'a' }), refused: OWN },
  'contact.settings': { payload: () => ({}), refused: OWN },
  'contact.cep': { payload: () => ({ cep: '01310-100' }), refused: OWN },
  'webchat.sessions': { payload: () => ({}), refused: AGENTS },
  'webchat.start': { payload: () => ({ sessionId: randomUUID(), teamId: DEMO_TEAMS.suporte.id, name: 'Eve' }), refused: AGENTS },
  'webchat.finish': { payload: (w) => ({ sessionId: w.sessionA }), refused: ['visitorB', ...AGENTS] },
  'webchat.rate': { payload: (w) => ({ sessionId: w.finishedA, score: 1 }), refused: ['visitorB', ...AGENTS] },
};

/** What a refusal for who the sender is may answer; anything else (INVALID_PAYLOAD, CONFLICT…) says the row tests nothing. */
const REFUSALS: readonly ErrorCode[] = ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'];

const TOKEN_TTL_MS = 60 * 60 * 1000;

describe('authorization matrix', () => {
  let t: TestServer;
  const clock = new TestClock();
  let callers: Record<Caller, TestSocket>;
  let bruno: TestSocket;
  let world: World;

  before(async () => {
    // Each caller sends every command of the table: its command budget must not be what refuses it.
    t = await startTestServer({
      now: clock.now,
      tokenTtlMs: TOKEN_TTL_MS,
      rateLimits: { commands: { perSecond: 1000, burst: 10_000 } },
    });
    // Ana's token is issued first and expires first: the others are issued later, with TTL to spare.
    const expired = await connectAgent(t.url, await loginAgent(t.url, ANA));
    clock.advance(TOKEN_TTL_MS - 60_000);
    await addAgent(t, { id: 'ag-outsider', name: 'Otto Outsider', email: 'otto@demo.conecta.dev', teamIds: [DEMO_TEAMS.financeiro.id] });
    await addAgent(t, { id: 'ag-plain', name: 'Paula Plain', email: 'paula@demo.conecta.dev', teamIds: [DEMO_TEAMS.suporte.id] });
    await t.server.database.sql.exec("UPDATE agents SET perm_bulk_actions = 0 WHERE id IN ('ag-outsider', 'ag-plain')");
    const brunoToken = await loginAgent(t.url, BRUNO);
    bruno = await connectAgent(t.url, brunoToken);
    const outsider = await connectAgent(t.url, await loginAgent(t.url, 'otto@demo.conecta.dev'));
    const plain = await connectAgent(t.url, await loginAgent(t.url, 'paula@demo.conecta.dev'));
    const visitorA = await connectVisitor(t.url);
    const visitorB = await connectVisitor(t.url);

    const start = async (visitor: VisitorSocket) => {
      const sessionId = randomUUID();
      await visitor.ok('webchat.start', { sessionId, teamId: DEMO_TEAMS.suporte.id, name: 'Visitante', text: 'olá' });
      return sessionId;
    };
    // One open session per visitor: A's finished one first, then its active one.
    const finishedA = await start(visitorA);
    await bruno.ok('session.accept', { sessionId: finishedA });
    await bruno.ok('session.finish', { sessionId: finishedA });
    const sessionA = await start(visitorA);
    await bruno.ok('session.accept', { sessionId: sessionA });
    for (const text of ['um', 'dois', 'três']) await bruno.ok('message.send', { id: randomUUID(), sessionId: sessionA, text });
    const waitingB = await start(visitorB);
    const plainPending: string[] = [];
    for (let i = 0; i < 2; i++) {
      const other = await connectVisitor(t.url);
      const sessionId = await start(other);
      other.close();
      await plain.ok('session.accept', { sessionId });
      await plain.ok('session.park', { sessionId });
      plainPending.push(sessionId);
    }
    const contactA = visitorA.visitor.contactId;
    const noteId = randomUUID();
    await bruno.ok('note.save', { id: noteId, contactId: contactA, text: 'keep me' });
    const first = async (table: string, where = '') =>
      String((await t.server.database.sql.get(`SELECT id FROM ${table} ${where} LIMIT 1`))!.id);
    world = {
      sessionA,
      waitingB,
      finishedA,
      contactA,
      noteId,
      brunoId: 'ag-bruno',
      plainId: 'ag-plain',
      brunoToken,
      pauseTypeId: await first('pause_types'),
      templateId: await first('templates', `WHERE team_id = '${DEMO_TEAMS.suporte.id}'`),
      tagId: await first('tags', `WHERE team_id = '${DEMO_TEAMS.suporte.id}'`),
      plainPending,
    };
    clock.advance(120_000);
    callers = { visitorA, visitorB, outsider, plain, expired };
  });
  after(async () => {
    for (const socket of [...Object.values(callers ?? {}), bruno]) socket?.close();
    await t?.close();
  });

  it('has a row for every command of the protocol and of the server, and no other', () => {
    const rows = Object.keys(MATRIX).sort();
    assert.deepEqual(rows, Object.keys(commandSchemas).sort(), 'commands without a row (or rows without a command)');
    assert.deepEqual(rows, Object.keys(commandHandlers).sort(), 'handlers without a row');
  });

  for (const [name, row] of Object.entries(MATRIX) as [CommandName, Row][]) {
    it(`refuses ${name} to ${row.refused.join(', ')}`, async () => {
      for (const caller of row.refused) {
        const payload = (row.as?.[caller] ?? row.payload)(world);
        const answer = (await callers[caller].command(name, payload)) as Ack<unknown>;
        assert.equal(answer.ok, false, `${name} as ${caller} was accepted: ${JSON.stringify(answer).slice(0, 300)}`);
        if (!answer.ok) {
          assert.ok(REFUSALS.includes(answer.error.code), `${name} as ${caller}: ${answer.error.code} ${answer.error.message}`);
        }
      }
    });
  }

  it('lets no one connect without a token, with a bad one, or with an expired one', async () => {
    const expiredToken = callers.expired.socket.auth as { token: string };
    for (const auth of [{}, { token: 'not-a-token' }, { visitorToken: 'not-a-token' }, expiredToken]) {
      await assert.rejects(connect(t.url, auth), /UNAUTHENTICATED/, JSON.stringify(auth));
    }
  });

  it('closes the sockets of a revoked token at once, and refuses it afterwards', async () => {
    const token = await loginAgent(t.url, BRUNO);
    const socket = await connectAgent(t.url, token);
    const ended = new Promise((resolve) => socket.socket.once('disconnect', resolve));
    assert.equal((await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` })).status, 200);
    await ended;
    await assert.rejects(connect(t.url, { token }), /UNAUTHENTICATED/);
    const http = await fetch(`${t.url}/api/admin/v1/teams`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(http.status, 401);
  });

  it('lets a socket whose token expired come back with a fresh token of its own agent, and only that', async () => {
    const expired = callers.expired;
    assert.equal(((await expired.command('agent.snapshot', {})) as Ack<unknown>).ok, false);
    assert.equal(((await expired.command('auth.refresh', { token: world.brunoToken })) as Ack<unknown>).ok, false);
    assert.equal(((await expired.command('auth.refresh', { token: await loginAgent(t.url, ANA) })) as Ack<unknown>).ok, true);
    assert.equal(((await expired.command('agent.snapshot', {})) as Ack<unknown>).ok, true);
  });
});
