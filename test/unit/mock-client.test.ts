import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectMessages } from '../../src/client/selectors.js';
import {
  createMockClient,
  webchatActiveFixture,
  webchatChannel,
  webchatNewVisitorFixture,
  webchatReturningFixture,
} from '../fixtures/index.js';

// The browser tests of <conecta-webchat> lean on MockClient behaving like the server: these pin it.
describe('MockClient as a webchat visitor', () => {
  it('starts a waiting session with its first message and its place in the queue', async () => {
    const client = createMockClient(webchatNewVisitorFixture());
    const sessionId = await client.startWebchat({ name: 'Joana', teamId: 'vendas', text: 'Quero um orçamento' });
    const state = client.store.state;
    assert.equal(state.sessions[sessionId].status, 'waiting');
    assert.equal(state.contacts[state.visitor!.contactId].name, 'Joana');
    assert.deepEqual(
      selectMessages(state, sessionId).map((m) => [m.text, m.authorKind]),
      [['Quero um orçamento', 'contact']],
    );
    assert.equal(state.queue[sessionId].position, 1);
    assert.deepEqual(client.calls.at(-1), {
      method: 'startWebchat',
      args: [{ name: 'Joana', teamId: 'vendas', text: 'Quero um orçamento' }],
    });
  });

  it('holds the start to the channel’s pre-chat rules and teams', async () => {
    const client = createMockClient(webchatNewVisitorFixture());
    assert.equal(webchatChannel.prechat.name, 'required');
    await assert.rejects(client.startWebchat({ teamId: 'suporte' }), { code: 'INVALID_PAYLOAD', fields: { name: 'is required' } });
    await assert.rejects(client.startWebchat({ name: 'Ana', teamId: 'nenhum' }), { code: 'INVALID_PAYLOAD' });
  });

  it('simulates the server’s events: queue, acceptance, typing, agent messages and read receipts', async () => {
    const client = createMockClient(webchatReturningFixture());
    client.pushQueue({ sessionId: 'session-1', position: 1, etaMs: 30_000 });
    assert.equal(client.store.state.queue['session-1'].etaMs, 30_000);
    client.pushAccepted('session-1', { id: 'agent-ana', name: 'Ana' });
    assert.equal(client.store.state.sessions['session-1'].agentName, 'Ana');
    assert.equal(client.store.state.queue['session-1'], undefined);
    client.pushTyping('session-1', true);
    assert.equal(client.store.state.typing['session-1'][0].authorName, 'Ana');
    const reply = client.pushAgentMessage('session-1', 'Olá!');
    assert.deepEqual(client.store.state.typing['session-1'], []);
    assert.equal(selectMessages(client.store.state, 'session-1').at(-1)?.id, reply.id);
    client.pushMessageStatus('session-1', 'read');
    assert.ok(
      selectMessages(client.store.state, 'session-1')
        .filter((m) => m.authorKind === 'contact')
        .every((m) => m.status === 'read'),
    );
  });

  it('finishes the visitor’s session, and rates only a finished one, once', async () => {
    const client = createMockClient(webchatActiveFixture());
    await assert.rejects(client.rateSession('session-1', 5), { code: 'FORBIDDEN' });
    await client.finishWebchat('session-1');
    assert.equal(client.store.state.sessions['session-1'].status, 'finished');
    await client.rateSession('session-1', 5, 'Ótimo');
    assert.deepEqual(
      [client.store.state.sessions['session-1'].rating, client.store.state.sessions['session-1'].ratingComment],
      [5, 'Ótimo'],
    );
    await assert.rejects(client.rateSession('session-1', 2), { code: 'CONFLICT' });
  });

  it('refuses a bad hash and keeps the visitor; another user or a reset drops what was held', async () => {
    const client = createMockClient(webchatActiveFixture());
    const before = client.store.state.visitor;
    await assert.rejects(client.setUser({ id: 'u1', hash: 'invalid' }), { code: 'IDENTITY_REJECTED' });
    assert.equal(client.store.state.visitor, before);
    assert.ok(client.store.state.sessions['session-1']);

    await client.setUser({ id: 'u1', hash: 'ok', name: 'Usuária' });
    assert.equal(client.store.state.visitor?.userId, 'u1');
    assert.deepEqual(client.store.state.sessions, {});
    assert.equal(client.store.state.contacts[client.store.state.visitor!.contactId].name, 'Usuária');

    await client.setUser(null);
    assert.equal(client.store.state.visitor?.userId, null);
    const anonymous = client.store.state.visitor;
    await client.resetVisitor();
    assert.notEqual(client.store.state.visitor?.id, anonymous?.id);
    const identityCalls = client.calls.filter((c) => c.method === 'setUser' || c.method === 'resetVisitor');
    assert.deepEqual(
      identityCalls.map((c) => [c.method, (c.args[0] as { id?: string } | null | undefined)?.id ?? null]),
      [
        ['setUser', 'u1'],
        ['setUser', 'u1'],
        ['setUser', null],
        ['resetVisitor', null],
      ],
    );
  });
});
