import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chatOf, selectChatConversations, selectChatMessages, selectChatUnreadTotal } from '../../src/client/chat-reducers.js';
import { ConectaClient } from '../../src/client/client.js';
import { ANA, BRUNO, DEMO_AGENTS, DEMO_PASSWORD, DEMO_TEAMS, addAgent, startTestServer, type TestServer } from '../server/harness.js';
import { agentSockets } from './node-sockets.js';
import { until } from './support.js';

const ana = DEMO_AGENTS.ana.id;
const bruno = DEMO_AGENTS.bruno.id;

describe("the agent client's internal chat", () => {
  let t: TestServer;
  const clients: ConectaClient[] = [];
  before(async () => {
    t = await startTestServer();
    await addAgent(t, { id: 'ag-davi', name: 'Davi Reis', email: 'davi@demo.conecta.dev', teamIds: [DEMO_TEAMS.suporte.id] });
  });
  after(async () => {
    for (const client of clients) client.close();
    await t.close();
  });

  const agentClient = async (email: string) => {
    const { token } = await ConectaClient.login(t.url, email, DEMO_PASSWORD);
    const client = new ConectaClient({ server: t.url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    clients.push(client);
    await client.loadQueue();
    return client;
  };

  it('sends at once as sending, then sent; the colleague sees it live with an unread count that reading clears', async () => {
    const anaClient = await agentClient(ANA);
    const brunoClient = await agentClient(BRUNO);
    await Promise.all([anaClient.chat.load(), brunoClient.chat.load()]);
    assert.deepEqual(selectChatConversations(brunoClient.store.state), []);

    const id = anaClient.chat.send(bruno, 'Bruno, pode me ajudar com um boleto?');
    assert.equal(selectChatMessages(anaClient.store.state, bruno)[0]?.status, 'sending');
    await until(anaClient, (state) => selectChatMessages(state, bruno)[0]?.status === 'sent');
    assert.equal(selectChatMessages(anaClient.store.state, bruno)[0]?.seq, 1);

    await until(brunoClient, (state) => selectChatMessages(state, ana).some((m) => m.id === id));
    assert.equal(selectChatUnreadTotal(brunoClient.store.state), 1);
    assert.equal(selectChatConversations(brunoClient.store.state)[0]?.lastMessage?.text, 'Bruno, pode me ajudar com um boleto?');
    assert.equal(selectChatUnreadTotal(anaClient.store.state), 0, "one's own messages are never unread");

    brunoClient.chat.markRead(ana);
    assert.equal(selectChatUnreadTotal(brunoClient.store.state), 0);
    // Ana learns it was read.
    await until(anaClient, (state) => selectChatMessages(state, bruno)[0]?.readAt !== null);
    // And the server agrees: a fresh load still shows nothing unread.
    await brunoClient.chat.load();
    assert.equal(selectChatUnreadTotal(brunoClient.store.state), 0);
  });

  it('pages the history back until the first message', async () => {
    const brunoClient = await agentClient(BRUNO);
    for (let n = 0; n < 60; n++) await brunoClient.command('chat.send', { id: crypto.randomUUID(), toAgentId: ana, text: `linha ${n}` });
    // Connected after: nothing heard live, everything from the history.
    const anaClient = await agentClient(ANA);
    await anaClient.chat.open(bruno);
    assert.equal(selectChatMessages(anaClient.store.state, bruno).length, 50);
    assert.equal(chatOf(anaClient.store.state).hasOlder[bruno], true);
    await anaClient.chat.loadOlder(bruno);
    const all = selectChatMessages(anaClient.store.state, bruno);
    assert.deepEqual(
      all.map((m) => m.seq),
      Array.from({ length: 61 }, (_, i) => i + 1),
    );
    assert.equal(chatOf(anaClient.store.state).hasOlder[bruno], false);
    // The session messages stay apart: chat.history's `messages` are not a session's.
    assert.equal(anaClient.store.state.messages.undefined, undefined);
  });

  it('says the chat is forbidden to an agent without the permission, and a refused message fails with the reason', async () => {
    const davi = await agentClient('davi@demo.conecta.dev');
    await davi.chat.load();
    assert.equal(chatOf(davi.store.state).forbidden, true);

    const anaClient = await agentClient(ANA);
    anaClient.chat.send('ag-davi', 'Oi Davi');
    await until(anaClient, (state) => selectChatMessages(state, 'ag-davi')[0]?.status === 'failed');
    assert.equal(selectChatMessages(anaClient.store.state, 'ag-davi')[0]?.errorCode, 'FORBIDDEN');
  });
});
