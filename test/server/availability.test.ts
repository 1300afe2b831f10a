import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { AgentAvailability, Session } from '../../src/protocol/index.js';
import { DEFAULT_AVAILABILITY_SETTINGS } from '../../server/src/db/sqlite/availability-store.js';
import type { AvailabilitySettings } from '../../server/src/db/repository.js';
import { agentRoom } from '../../server/src/socket/rooms.js';
import { ADMIN } from './admin-support.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  DEMO_TEAMS,
  NEVER_OPEN,
  TestClock,
  addAgent,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  postJson,
  setWorkingHours,
  startTestServer,
  LONG_TOKEN_TTL_MS,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

const MINUTE = 60_000;
const ana = DEMO_AGENTS.ana.id;
const bruno = DEMO_AGENTS.bruno.id;
const CARLA = { id: 'ag-carla', name: 'Carla Dias', email: 'carla@demo.conecta.dev', teamIds: [DEMO_TEAMS.suporte.id] };
const LUNCH = { id: 'pt-almoco', name: 'Almoço', timeLimitMs: 10 * MINUTE };
const TRAINING = { id: 'pt-treinamento', name: 'Treinamento', timeLimitMs: null };

describe('agent availability', () => {
  const clock = new TestClock();
  let t: TestServer;
  let anaSocket: TestSocket;
  let brunoSocket: TestSocket;
  let visitor: VisitorSocket;

  const settle = async (changes: Partial<AvailabilitySettings>) =>
    t.server.repo.putAvailabilitySettings({ ...DEFAULT_AVAILABILITY_SETTINGS, ...changes });
  const errorOf = (ack: { ok: boolean; error?: unknown }) =>
    ack.ok ? null : (ack.error as { code: string; message: string; fields?: Record<string, string> });
  /** A new visitor's waiting session in `teamId`. */
  const waitingSession = async (teamId: string = DEMO_TEAMS.suporte.id): Promise<Session> => {
    visitor?.close();
    visitor = await connectVisitor(t.url);
    return (await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria Souza', teamId })).session;
  };
  /** Whether `socket` was offered the session (a `session.updated` while it waited), after the others had time to hear of it. */
  const offered = (socket: TestSocket, session: Session) =>
    socket.received('session.updated', (e) => e.session.id === session.id && e.session.status === 'waiting').length > 0;
  const stateOf = async (agentId: string) => (await t.server.services.availability.of(agentId)).state;

  before(async () => {
    t = await startTestServer({ now: clock.now, tokenTtlMs: LONG_TOKEN_TTL_MS });
    await t.server.repo.admin.pauseTypes.put(LUNCH);
    await t.server.repo.admin.pauseTypes.put(TRAINING);
    await addAgent(t, CARLA);
    anaSocket = await connectAgent(t.url, await loginAgent(t.url, ANA));
    brunoSocket = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
  });
  after(async () => {
    for (const socket of [anaSocket, brunoSocket, visitor]) socket?.close();
    await t.close();
  });
  beforeEach(async () => {
    await settle({});
    // Each test starts with Ana and Bruno online.
    for (const socket of [anaSocket, brunoSocket]) {
      if ((await socket.ok('agent.snapshot', {})).availability.state !== 'online') await socket.ok('agent.resume', {});
    }
  });

  it('is online from the first socket, told to every agent, and answered by snapshot and catalog', async () => {
    const snapshot = await anaSocket.ok('agent.snapshot', {});
    assert.equal(snapshot.availability.state, 'online');
    const catalog = await anaSocket.ok('agent.catalog', {});
    assert.equal(catalog.agents.find((a) => a.id === bruno)?.availability.state, 'online');
    assert.equal(catalog.agents.find((a) => a.id === CARLA.id)?.availability.state, 'offline');
    // The demo's pause types (demo/company.yaml), these two rewritten by the test.
    assert.deepEqual(
      catalog.pauseTypes.filter((p) => p.id === LUNCH.id || p.id === TRAINING.id),
      [LUNCH, TRAINING],
    );
  });

  it('offers a new waiting session to online colleagues, not to a paused agent; again once it resumes', async () => {
    const paused = await anaSocket.ok('agent.pause', { pauseTypeId: LUNCH.id });
    assert.deepEqual(paused, { agentId: ana, state: 'paused', pauseTypeId: LUNCH.id, since: clock.time, pauseLimitMs: LUNCH.timeLimitMs });
    await brunoSocket.waitFor('agent.availability', (a) => a.agentId === ana && a.state === 'paused');

    const whilePaused = await waitingSession();
    await brunoSocket.waitFor('session.updated', (e) => e.session.id === whilePaused.id);
    await delay(100);
    assert.equal(offered(anaSocket, whilePaused), false, 'the paused agent was offered the session');
    // Found some other way (a list loaded before the pause), it still cannot be taken on a break.
    const refused = errorOf(await anaSocket.command('session.accept', { sessionId: whilePaused.id }));
    assert.equal(refused?.code, 'AGENT_PAUSED');

    await anaSocket.ok('agent.resume', {});
    await anaSocket.ok('session.accept', { sessionId: whilePaused.id });
    const afterResume = await waitingSession();
    await anaSocket.waitFor('session.updated', (e) => e.session.id === afterResume.id);
  });

  it('tells the team’s online agents when its hours begin, so they load what waited while it was closed', async () => {
    await setWorkingHours(t, DEMO_TEAMS.suporte.id, NEVER_OPEN);
    try {
      assert.deepEqual(await t.server.teamOpenings.look(), []);
      const overnight = await waitingSession();
      const pausesAnnounced = () => anaSocket.received('agent.availability', (e) => e.agentId === ana && e.state === 'paused').length;
      const announcedBefore = pausesAnnounced();
      await anaSocket.ok('agent.pause', { pauseTypeId: LUNCH.id });
      // The agent leaves its teams' rooms as its pause is announced, just after the answer (a database read later).
      for (const deadline = Date.now() + 3000; pausesAnnounced() === announcedBefore && Date.now() < deadline;) await delay(10);
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
      assert.deepEqual(await t.server.teamOpenings.look(), [DEMO_TEAMS.suporte.id]);
      await brunoSocket.waitFor('team.opened', (e) => e.teamId === DEMO_TEAMS.suporte.id);
      assert.ok((await brunoSocket.ok('agent.snapshot', {})).sessions.some((s) => s.id === overnight.id));
      // Told once, and not to an agent on a break (who reloads the queue when the break ends).
      assert.deepEqual(await t.server.teamOpenings.look(), []);
      await delay(100);
      assert.equal(anaSocket.received('team.opened').length, 0);
      assert.equal(brunoSocket.received('team.opened').length, 1);
    } finally {
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
    }
  });

  it('tells nothing on its first look after taking the watch over from another node: its last look is stale', async () => {
    await setWorkingHours(t, DEMO_TEAMS.suporte.id, NEVER_OPEN);
    try {
      // This node looked while the team was closed, then another node held the watch (and told the opening).
      await t.server.teamOpenings.look();
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
      assert.deepEqual(await t.server.teamOpenings.look({ forget: true }), []);
      // From then on it compares with what it saw.
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, NEVER_OPEN);
      assert.deepEqual(await t.server.teamOpenings.look(), []);
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
      assert.deepEqual(await t.server.teamOpenings.look(), [DEMO_TEAMS.suporte.id]);
    } finally {
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
    }
  });

  it('offers nothing outside the team’s working hours, even to online agents', async () => {
    await setWorkingHours(t, DEMO_TEAMS.suporte.id, NEVER_OPEN);
    try {
      const closed = await waitingSession();
      const control = await waitingSession(DEMO_TEAMS.vendas.id);
      await setWorkingHours(t, DEMO_TEAMS.vendas.id, null);
      const open = await waitingSession(DEMO_TEAMS.vendas.id);
      await anaSocket.waitFor('session.updated', (e) => e.session.id === open.id);
      assert.equal(offered(anaSocket, closed), false);
      assert.equal(offered(brunoSocket, closed), false);
      // Vendas has the demo's hours, closed on Sunday (the test clock's day).
      assert.equal(offered(anaSocket, control), false);
      // Still in the queue for whoever loads it.
      assert.ok((await anaSocket.ok('agent.snapshot', {})).sessions.some((s) => s.id === closed.id));
    } finally {
      await setWorkingHours(t, DEMO_TEAMS.suporte.id, null);
    }
  });

  it('records each pause with its limit and how far past it it went; a switch ends one record and starts another', async () => {
    clock.advance(MINUTE); // after the pauses of the tests before
    const start = clock.time;
    await anaSocket.ok('agent.pause', { pauseTypeId: LUNCH.id });
    clock.advance(12 * MINUTE);
    const switched = await anaSocket.ok('agent.pause', { pauseTypeId: TRAINING.id });
    assert.deepEqual(switched, { agentId: ana, state: 'paused', pauseTypeId: TRAINING.id, since: clock.time, pauseLimitMs: null });
    clock.advance(5 * MINUTE);
    await anaSocket.ok('agent.resume', {});
    const pauses = await t.server.repo.listPauses(ana, start);
    assert.deepEqual(
      pauses.map(({ pauseTypeId, startedAt, endedAt, limitMs, overrunMs }) => ({ pauseTypeId, startedAt, endedAt, limitMs, overrunMs })),
      [
        { pauseTypeId: LUNCH.id, startedAt: start, endedAt: start + 12 * MINUTE, limitMs: 10 * MINUTE, overrunMs: 2 * MINUTE },
        { pauseTypeId: TRAINING.id, startedAt: start + 12 * MINUTE, endedAt: start + 17 * MINUTE, limitMs: null, overrunMs: null },
      ],
    );
    // A pause ended within its limit went over by nothing.
    await anaSocket.ok('agent.pause', { pauseTypeId: LUNCH.id });
    clock.advance(MINUTE);
    await anaSocket.ok('agent.resume', {});
    assert.equal((await t.server.repo.listPauses(ana, start)).at(-1)?.overrunMs, 0);
    assert.equal(errorOf(await anaSocket.command('agent.pause', { pauseTypeId: 'pt-nope' }))?.code, 'NOT_FOUND');
  });

  it('a reload keeps the pause; every socket gone for the grace period is away; a socket back is online', async () => {
    await settle({ awayGraceMs: 150 });
    await addAgentSocketCycle();

    async function addAgentSocketCycle() {
      const token = await loginAgent(t.url, CARLA.email);
      let carla = await connectAgent(t.url, token);
      await anaSocket.waitFor('agent.availability', (a) => a.agentId === CARLA.id && a.state === 'online');
      await carla.ok('agent.pause', { pauseTypeId: TRAINING.id });
      carla.close();
      carla = await connectAgent(t.url, token);
      assert.equal((await carla.ok('agent.snapshot', {})).availability.state, 'paused');
      // Back from the reload still paused: not offered new sessions.
      const whilePaused = await waitingSession();
      await brunoSocket.waitFor('session.updated', (e) => e.session.id === whilePaused.id);
      await delay(100);
      assert.equal(offered(carla, whilePaused), false);
      carla.close();
      const away = await anaSocket.waitFor('agent.availability', (a) => a.agentId === CARLA.id && a.state === 'away');
      assert.equal(away.pauseTypeId, null);
      // Going away ended the pause record.
      assert.notEqual((await t.server.repo.listPauses(CARLA.id, 0)).at(-1)?.endedAt, null);
      // Away: no session offered; a transfer to her is refused.
      const session = await waitingSession();
      await brunoSocket.waitFor('session.updated', (e) => e.session.id === session.id);
      const refused = errorOf(
        await brunoSocket.command('session.transfer', { sessionId: session.id, toTeamId: DEMO_TEAMS.suporte.id, toAgentId: CARLA.id }),
      );
      assert.equal(refused?.code, 'AGENT_UNAVAILABLE');
      assert.deepEqual(refused?.fields, { toAgentId: 'is away' });
      carla = await connectAgent(t.url, token);
      await anaSocket.waitFor('agent.availability', (a) => a.agentId === CARLA.id && a.state === 'online' && a.since >= away.since);
      carla.close();
    }
  });

  it('a socket that comes back within the grace period keeps the agent online', async () => {
    await settle({ awayGraceMs: 300 });
    const token = await loginAgent(t.url, CARLA.email);
    let carla = await connectAgent(t.url, token);
    await waitForState(CARLA.id, 'online');
    carla.close();
    while ((await t.server.io.in(agentRoom(CARLA.id)).fetchSockets()).length > 0) await delay(10);
    carla = await connectAgent(t.url, token);
    await delay(500);
    assert.equal(await stateOf(CARLA.id), 'online');
    carla.close();
  });

  it('stays online after logging out of one device while another is still connected; offline after the last', async () => {
    const phone = await loginAgent(t.url, CARLA.email);
    const laptop = await loginAgent(t.url, CARLA.email);
    const onPhone = await connectAgent(t.url, phone);
    const onLaptop = await connectAgent(t.url, laptop);
    await waitForState(CARLA.id, 'online');
    assert.equal((await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${phone}` })).status, 200);
    await onPhone.waitFor('auth.ended');
    await delay(200);
    assert.equal(await stateOf(CARLA.id), 'online', 'still at work on the laptop');
    assert.equal((await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${laptop}` })).status, 200);
    await waitForState(CARLA.id, 'offline');
    onPhone.close();
    onLaptop.close();
  });

  it('is offline after a logout; a transfer to an offline agent is refused, or waits for the team when so configured', async () => {
    const token = await loginAgent(t.url, CARLA.email);
    const carla = await connectAgent(t.url, token);
    await waitForState(CARLA.id, 'online');
    assert.equal((await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` })).status, 200);
    await anaSocket.waitFor('agent.availability', (a) => a.agentId === CARLA.id && a.state === 'offline');
    carla.close();

    const session = await waitingSession();
    const transfer = { sessionId: session.id, toTeamId: DEMO_TEAMS.suporte.id, toAgentId: CARLA.id };
    const refused = errorOf(await brunoSocket.command('session.transfer', transfer));
    assert.equal(refused?.code, 'AGENT_UNAVAILABLE');
    assert.match(refused!.message, /Carla Dias is offline/);

    await settle({ transferToUnavailable: 'team' });
    const { session: moved } = await brunoSocket.ok('session.transfer', transfer);
    assert.equal(moved.targetAgentId, null);
    assert.equal(moved.teamId, DEMO_TEAMS.suporte.id);

    // An online colleague takes transfers as before.
    const direct = await brunoSocket.ok('session.transfer', { ...transfer, toAgentId: ana });
    assert.equal(direct.session.targetAgentId, ana);
  });

  it('keeps the agent’s active sessions on pause by default; returns them to the team when so configured', async () => {
    const kept = await waitingSession();
    await anaSocket.ok('session.accept', { sessionId: kept.id });
    await anaSocket.ok('agent.pause', { pauseTypeId: LUNCH.id });
    assert.equal((await t.server.repo.getSession(kept.id))?.agentId, ana);
    await anaSocket.ok('agent.resume', {});

    await settle({ sessionsOnPause: 'requeue' });
    await anaSocket.ok('agent.pause', { pauseTypeId: LUNCH.id });
    const requeued = await t.server.repo.getSession(kept.id);
    assert.equal(requeued?.status, 'waiting');
    assert.equal(requeued?.agentId, null);
    assert.equal(requeued?.teamId, DEMO_TEAMS.suporte.id);
  });

  it('tells every agent socket of a change, and no visitor', async () => {
    const second = await connectAgent(t.url, await loginAgent(t.url, ANA));
    try {
      visitor?.close();
      visitor = await connectVisitor(t.url);
      await brunoSocket.ok('agent.pause', { pauseTypeId: LUNCH.id });
      const heard = (socket: TestSocket) => socket.waitFor('agent.availability', (a) => a.agentId === bruno && a.state === 'paused');
      const [one, two, own] = await Promise.all([heard(anaSocket), heard(second), heard(brunoSocket)]);
      assert.deepEqual(one, two);
      assert.deepEqual(one, own);
      await delay(100);
      assert.deepEqual(
        visitor.events.filter((e) => e.name.startsWith('agent.')),
        [],
      );
    } finally {
      second.close();
    }
  });

  it('follows the settings the admin API writes, with the defaults for what they leave out', async () => {
    await t.server.services.admin.put(ADMIN, 'availability-settings', 'availability', { transferToUnavailable: 'team' });
    assert.deepEqual(await t.server.services.availability.settings(), { ...DEFAULT_AVAILABILITY_SETTINGS, transferToUnavailable: 'team' });
    const session = await waitingSession();
    const { session: moved } = await brunoSocket.ok('session.transfer', {
      sessionId: session.id,
      toTeamId: DEMO_TEAMS.suporte.id,
      toAgentId: CARLA.id,
    });
    assert.equal(moved.targetAgentId, null);
  });

  it('adds up the time logged in today', async () => {
    const token = await loginAgent(t.url, CARLA.email);
    let carla = await connectAgent(t.url, token);
    await waitForState(CARLA.id, 'online');
    const before = (await carla.ok('agent.snapshot', {})).loggedInTodayMs;
    clock.advance(5 * MINUTE);
    assert.equal((await carla.ok('agent.snapshot', {})).loggedInTodayMs, before + 5 * MINUTE);
    carla.close();
    // Closed stretches are kept; the time without a socket does not count.
    while ((await t.server.io.in(agentRoom(CARLA.id)).fetchSockets()).length > 0) await delay(10);
    await delay(100);
    clock.advance(MINUTE);
    carla = await connectAgent(t.url, token);
    assert.equal((await carla.ok('agent.snapshot', {})).loggedInTodayMs, before + 5 * MINUTE);
    carla.close();
  });

  async function waitForState(agentId: string, state: AgentAvailability['state']) {
    const deadline = Date.now() + 3000;
    while ((await stateOf(agentId)) !== state) {
      if (Date.now() > deadline) throw new Error(`${agentId} never became ${state}`);
      await delay(10);
    }
  }
});

describe('agent statistics', () => {
  const clock = new TestClock();
  let t: TestServer;
  let anaSocket: TestSocket;
  let brunoSocket: TestSocket;

  before(async () => {
    t = await startTestServer({ now: clock.now, tokenTtlMs: LONG_TOKEN_TTL_MS });
    anaSocket = await connectAgent(t.url, await loginAgent(t.url, ANA));
    brunoSocket = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
  });
  after(async () => {
    anaSocket.close();
    brunoSocket.close();
    await t.close();
  });

  it('counts from the database: waiting in the agent’s teams, in service, finished today, the rating', async () => {
    const start = async (teamId: string) => {
      const visitor = await connectVisitor(t.url);
      const { session } = await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria Souza', teamId });
      visitor.close();
      return session;
    };
    await start(DEMO_TEAMS.suporte.id);
    await start(DEMO_TEAMS.financeiro.id); // not one of Ana's teams
    const active = await start(DEMO_TEAMS.vendas.id);
    await anaSocket.ok('session.accept', { sessionId: active.id });
    const parked = await start(DEMO_TEAMS.suporte.id);
    await anaSocket.ok('session.accept', { sessionId: parked.id });
    await anaSocket.ok('session.park', { sessionId: parked.id });
    const yesterday = await start(DEMO_TEAMS.suporte.id);
    await anaSocket.ok('session.accept', { sessionId: yesterday.id });
    clock.advance(-24 * 60 * MINUTE);
    await anaSocket.ok('session.finish', { sessionId: yesterday.id });
    clock.advance(24 * 60 * MINUTE);
    for (let i = 0; i < 2; i++) {
      const done = await start(DEMO_TEAMS.suporte.id);
      await anaSocket.ok('session.accept', { sessionId: done.id });
      await anaSocket.ok('session.finish', { sessionId: done.id });
    }
    await t.server.repo.addAgentRating(ana, 5);
    await t.server.repo.addAgentRating(ana, 2);

    const stats = await anaSocket.ok('agent.stats', {});
    const db = t.server.database.sql;
    const count = async (where: string, ...params: unknown[]) =>
      Number((await db.get(`SELECT COUNT(*) AS n FROM sessions WHERE ${where}`, ...params))!.n);
    const midnight = Date.UTC(2026, 10, 22);
    const ratings = (await db.get('SELECT rating_sum, rating_count FROM agent_ratings WHERE agent_id = ?', ana)) as {
      rating_sum: number;
      rating_count: number;
    };
    assert.deepEqual(stats, {
      waiting: await count(`status = 'waiting' AND team_id IN (?, ?)`, DEMO_TEAMS.suporte.id, DEMO_TEAMS.vendas.id),
      inService: await count(`agent_id = ? AND status IN ('active', 'pending')`, ana),
      finishedToday: await count(`agent_id = ? AND status = 'finished' AND finished_at >= ?`, ana, midnight),
      averageRating: ratings.rating_sum / ratings.rating_count,
      ratingCount: ratings.rating_count,
    });
    assert.deepEqual(stats, { waiting: 1, inService: 2, finishedToday: 2, averageRating: 3.5, ratingCount: 2 });
  });

  it('counts "today" in the company’s time zone', async () => {
    // 13:00 UTC is 10:00 in São Paulo: the session finished yesterday at 13:00 UTC is still yesterday there.
    await t.server.repo.putAvailabilitySettings({ ...DEFAULT_AVAILABILITY_SETTINGS, timeZone: 'America/Sao_Paulo' });
    assert.equal((await anaSocket.ok('agent.stats', {})).finishedToday, 2);
    // At 02:00 UTC the next day it is still the 22nd in São Paulo (23:00), but already the 23rd in UTC.
    clock.advance(13 * 60 * MINUTE);
    assert.equal((await anaSocket.ok('agent.stats', {})).finishedToday, 2);
    await t.server.repo.putAvailabilitySettings(DEFAULT_AVAILABILITY_SETTINGS);
    assert.equal((await anaSocket.ok('agent.stats', {})).finishedToday, 0);
    clock.advance(-13 * 60 * MINUTE);
  });

  it('is refused without the statistics permission', async () => {
    const ack = await brunoSocket.command('agent.stats', {});
    assert.equal(ack.ok ? null : ack.error.code, 'FORBIDDEN');
  });
});
