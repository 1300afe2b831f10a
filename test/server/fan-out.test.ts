import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  BRUNO,
  addAgent,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  startWithAgents,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

const SUPORTE = 'tm-suporte';

/**
 * Each change of a session goes only to those who show it (DESIGN.md, "Performance rules"): a
 * waiting session's row to its team, an attended session to its participants and supervisors. With
 * the whole team sent every message, a team of 50 cost 54 frames a message.
 */
describe('who is sent a session’s changes', () => {
  let t: TestServer;
  let ana: TestSocket; // owner: follows the team like a supervisor
  let bruno: TestSocket;
  let carla: TestSocket; // a teammate who never takes the session
  let sofia: TestSocket; // the team's supervisor
  let maria: VisitorSocket;
  before(async () => {
    ({
      t,
      agents: [ana, bruno],
    } = await startWithAgents([ANA, BRUNO]));
    await addAgent(t, { id: 'ag-carla', name: 'Carla', email: 'carla@example.com', teamIds: [SUPORTE] });
    await addAgent(t, { id: 'ag-sofia', name: 'Sofia', email: 'sofia@example.com', teamIds: [SUPORTE], role: 'supervisor' });
    carla = await connectAgent(t.url, await loginAgent(t.url, 'carla@example.com'));
    sofia = await connectAgent(t.url, await loginAgent(t.url, 'sofia@example.com'));
    maria = await connectVisitor(t.url);
  });
  after(async () => {
    maria.close();
    carla.close();
    sofia.close();
    await t.close();
  });

  it('sends a waiting session to the team, its acceptance to the team, then its messages only to its owner and supervisors', async () => {
    const sessionId = await startedSession(maria);
    for (const agent of [ana, bruno, carla, sofia]) await agent.waitFor('session.updated', (e) => e.session.id === sessionId);

    await bruno.ok('session.accept', { sessionId });
    // The acceptance takes the row out of every queue of the team.
    await carla.waitFor('session.updated', (e) => e.session.id === sessionId && e.session.status === 'active');

    const sent = await maria.ok('message.send', { id: randomUUID(), sessionId, text: 'Meu pedido não chegou' });
    const seq = sent.message.seq;
    await bruno.waitFor('message.created', (e) => e.message.id === sent.message.id);
    await sofia.waitFor('session.updated', (e) => e.session.id === sessionId && e.session.lastSeq === seq);
    await ana.waitFor('session.updated', (e) => e.session.id === sessionId && e.session.lastSeq === seq);
    await bruno.ok('session.finish', { sessionId });
    await sofia.waitFor('session.updated', (e) => e.session.id === sessionId && e.session.status === 'finished');
    await delay(50);
    const toCarla = carla.events.filter((e) => JSON.stringify(e.payload).includes(sessionId));
    assert.deepEqual(
      toCarla.map((e) => `${e.name} ${(e.payload as { session?: { status: string } }).session?.status}`),
      ['session.updated waiting', 'session.updated active'],
      'a teammate sees the row arrive and leave, nothing of the conversation',
    );
  });

  it('sends a new waiting session’s later messages to the online team, whose queue shows them', async () => {
    const sessionId = await startedSession(maria);
    const sent = await maria.ok('message.send', { id: randomUUID(), sessionId, text: 'Alguém?' });
    await carla.waitFor('session.updated', (e) => e.session.id === sessionId && e.session.lastSeq === sent.message.seq);
    assert.equal(carla.received('message.created', (e) => e.message.sessionId === sessionId).length, 0);
  });
});

async function startedSession(visitor: VisitorSocket): Promise<string> {
  const sessionId = randomUUID();
  await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: SUPORTE });
  return sessionId;
}
