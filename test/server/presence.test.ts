import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentRoom } from '../../server/src/socket/rooms.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  connectAgent,
  delay,
  loginAgent,
  postJson,
  startWithAgents,
  type TestServer,
  type TestSocket,
} from './harness.js';

const bruno = DEMO_AGENTS.bruno.id;

describe('agent presence', () => {
  let t: TestServer;
  let ana: TestSocket;
  before(
    async () =>
      ({
        t,
        agents: [ana],
      } = await startWithAgents([ANA])),
  );
  after(() => t.close());

  /** Bruno's presence as Ana heard it, in order. */
  const heard = () => ana.received('agent.presence', (p) => p.agentId === bruno).map((p) => p.online);
  const logout = (token: string) => postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
  /** Until the server holds exactly `count` sockets of Bruno (a closed one is gone from its rooms). */
  const brunoSockets = async (count: number) => {
    while ((await t.server.io.in(agentRoom(bruno)).fetchSockets()).length !== count) await delay(10);
  };
  const catalogSaysOnline = async () => (await ana.ok('agent.catalog', {})).agents.find((a) => a.id === bruno)?.online;

  it('tells the other agents when a colleague comes online and when his last device logs out', async () => {
    ana.events.length = 0;
    const desk = await loginAgent(t.url, BRUNO);
    const crm = await loginAgent(t.url, BRUNO);
    const onDesk = await connectAgent(t.url, desk);
    await ana.waitFor('agent.presence', (p) => p.agentId === bruno && p.online);
    const inCrm = await connectAgent(t.url, crm);
    assert.equal(await catalogSaysOnline(), true);

    assert.equal((await logout(desk)).status, 200);
    await brunoSockets(1);
    assert.equal((await logout(crm)).status, 200);
    await ana.waitFor('agent.presence', (p) => p.agentId === bruno && !p.online);
    assert.equal(await catalogSaysOnline(), false);
    // Online once (the second device changed nothing), offline once (only the last logout did).
    assert.deepEqual(heard(), [true, false]);
    onDesk.close();
    inCrm.close();
  });

  it('keeps a colleague online while one of his two tabs is still open', async () => {
    ana.events.length = 0;
    const token = await loginAgent(t.url, BRUNO);
    const first = await connectAgent(t.url, token);
    await ana.waitFor('agent.presence', (p) => p.agentId === bruno && p.online);
    const second = await connectAgent(t.url, token);
    await brunoSockets(2);

    first.close();
    await brunoSockets(1);
    assert.equal(await catalogSaysOnline(), true);
    second.close();
    await ana.waitFor('agent.presence', (p) => p.agentId === bruno && !p.online);
    // Back again: had the first tab's closing said "offline", it would show before this "online".
    const again = await connectAgent(t.url, token);
    await ana.waitFor('agent.presence', (p) => p.agentId === bruno && p.online && heard().length >= 3);
    assert.deepEqual(heard(), [true, false, true]);
    again.close();
  });
});
