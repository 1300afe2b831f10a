import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConectaClient } from '../../src/client/client.js';
import type { ConectaState } from '../../src/client/state.js';
import { ANA, BRUNO, DEMO_AGENTS, DEMO_PASSWORD, postJson, startTestServer, type TestServer } from '../server/harness.js';
import { agentSockets } from './node-sockets.js';
import { until } from './support.js';

const brunoOnline = (state: ConectaState) => state.catalog?.agents.find((agent) => agent.id === DEMO_AGENTS.bruno.id)?.online;

describe("the agent client's catalog follows colleagues' presence", () => {
  let t: TestServer;
  const clients: ConectaClient[] = [];
  before(async () => (t = await startTestServer()));
  after(async () => {
    for (const client of clients) client.close();
    await t.close();
  });

  const agentClient = async (email: string) => {
    const { token } = await ConectaClient.login(t.url, email, DEMO_PASSWORD);
    const client = new ConectaClient({ server: t.url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    clients.push(client);
    return { client, token };
  };

  it('shows a colleague online when he connects and offline once he logged out, without reloading the catalog', async () => {
    const { client: ana } = await agentClient(ANA);
    await ana.loadCatalog();
    assert.equal(brunoOnline(ana.store.state), false);

    const { client: bruno, token } = await agentClient(BRUNO);
    await bruno.connect();
    await until(ana, (state) => brunoOnline(state) === true);

    const { status } = await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
    assert.equal(status, 200);
    await until(ana, (state) => brunoOnline(state) === false);
  });
});
