import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  absorbResult,
  addLocalMessage,
  applyMessageStatus,
  setTyping,
  lastSeqHeld,
  mergeMessages,
  setLocalMessageStatus,
  upsertSession,
} from '../../src/client/reducers.js';
import { selectActive, selectWaiting } from '../../src/client/selectors.js';
import { initialState, type ConectaState } from '../../src/client/state.js';
import { Store } from '../../src/client/store.js';
import type { Agent } from '../../src/protocol/index.js';
import { aContact, aMessage, aSession } from './factories.js';

const ana: Agent = {
  id: 'ana',
  name: 'Ana',
  email: 'ana@x',
  nickname: null,
  extension: null,
  teamIds: ['suporte'],
  role: 'agent',
  permissions: { history: false, internalChat: false, statistics: false, bulkActions: false, startConversations: false },
  rating: null,
  photoUrl: null,
  language: null,
};

describe('reducers', () => {
  it('keeps the newest version of a session whatever the arrival order', () => {
    const newer = aSession({ status: 'active', agentId: 'ana', version: 2 });
    const state = upsertSession(upsertSession(initialState, newer), aSession({ version: 1 }));
    assert.equal(state.sessions.s1.status, 'active');
  });

  it('returns the same state object when an event changes nothing', () => {
    const state = mergeMessages(initialState, [aMessage(1), aMessage(2)]);
    assert.equal(mergeMessages(state, [aMessage(2)]), state);
    const withSession = upsertSession(state, aSession());
    assert.equal(upsertSession(withSession, aSession()), withSession);
  });

  it('orders messages by sequence and ignores duplicates', () => {
    const state = mergeMessages(mergeMessages(initialState, [aMessage(3), aMessage(1)]), [aMessage(2), aMessage(1)]);
    assert.deepEqual(
      state.messages.s1.map((m) => m.seq),
      [1, 2, 3],
    );
  });

  it('keeps unacknowledged messages after the acknowledged ones, then replaces them by id', () => {
    let state = mergeMessages(initialState, [aMessage(1)]);
    state = addLocalMessage(state, { ...aMessage(0, { id: 'local', createdAt: 5 }), status: 'sending' });
    state = mergeMessages(state, [aMessage(2)]);
    assert.deepEqual(
      state.messages.s1.map((m) => m.id),
      ['m1', 'm2', 'local'],
    );
    state = mergeMessages(state, [aMessage(3, { id: 'local' })]);
    assert.deepEqual(
      state.messages.s1.map((m) => [m.id, m.status]),
      [
        ['m1', 'sent'],
        ['m2', 'sent'],
        ['local', 'sent'],
      ],
    );
  });

  it('marks a local message failed, with the error code and message, but never an acknowledged one', () => {
    let state = addLocalMessage(initialState, { ...aMessage(0, { id: 'local' }), status: 'sending' });
    state = setLocalMessageStatus(state, 's1', 'local', 'failed', { code: 'TIMEOUT', message: 'Timed out' });
    assert.equal(state.messages.s1[0].status, 'failed');
    assert.equal(state.messages.s1[0].errorCode, 'TIMEOUT');
    assert.equal(state.messages.s1[0].error, 'Timed out');
    state = setLocalMessageStatus(state, 's1', 'local', 'sending');
    assert.equal(state.messages.s1[0].errorCode, undefined, 'a retry forgets the former failure');
    const sent = mergeMessages(state, [aMessage(1, { id: 'local' })]);
    assert.equal(setLocalMessageStatus(sent, 's1', 'local', 'failed'), sent);
  });

  it('knows the last acknowledged sequence number, for resync', () => {
    let state = mergeMessages(initialState, [aMessage(1), aMessage(2)]);
    state = addLocalMessage(state, { ...aMessage(0, { id: 'local' }), status: 'sending' });
    assert.equal(lastSeqHeld(state, 's1'), 2);
    assert.equal(lastSeqHeld(state, 'unknown'), 0);
  });

  it('absorbs any command result: agent, teams, sessions, contacts and messages', () => {
    const state = absorbResult(initialState, {
      agent: ana,
      teams: [{ id: 'suporte', name: 'Suporte' }],
      sessions: [aSession()],
      contacts: [aContact()],
      messages: [aMessage(1)],
    });
    assert.equal(state.me, ana);
    assert.equal(state.teams.suporte.name, 'Suporte');
    assert.equal(state.sessions.s1.protocol, '20261122-000001');
    assert.equal(state.contacts.c1.name, 'Carla');
    assert.equal(state.messages.s1.length, 1);
    assert.equal(absorbResult(state, null), state);
  });
});

describe('receipts and typing', () => {
  it('moves the status of one side’s messages forward, never back', () => {
    let state = mergeMessages(initialState, [
      aMessage(1, { authorKind: 'agent' }),
      aMessage(2, { authorKind: 'contact' }),
      aMessage(3, { authorKind: 'agent' }),
    ]);
    state = applyMessageStatus(state, { sessionId: 's1', upToSeq: 3, status: 'read', at: 50, authorKinds: ['agent'] });
    assert.deepEqual(
      state.messages.s1.map((m) => m.status),
      ['read', 'sent', 'read'],
    );
    const after = applyMessageStatus(state, { sessionId: 's1', upToSeq: 3, status: 'delivered', at: 60, authorKinds: ['agent'] });
    assert.equal(after, state);
    // A resync bringing an older copy does not move it back either.
    assert.equal(mergeMessages(state, [aMessage(1, { authorKind: 'agent' })]), state);
  });

  it('shows each typist once and removes them when they stop', () => {
    const carla = { authorKind: 'contact' as const, authorId: 'c1', authorName: 'Carla' };
    let state = setTyping(initialState, 's1', carla, true);
    assert.equal(setTyping(state, 's1', carla, true), state);
    assert.deepEqual(state.typing.s1, [carla]);
    state = setTyping(state, 's1', carla, false);
    assert.deepEqual(state.typing.s1, []);
  });
});

describe('selectors', () => {
  const state: ConectaState = absorbResult(initialState, {
    agent: ana,
    sessions: [
      aSession({ id: 'late', createdAt: 3_000 }),
      aSession({ id: 'early', createdAt: 1_000 }),
      aSession({ id: 'other-team', teamId: 'vendas' }),
      aSession({ id: 'mine', status: 'active', agentId: 'ana' }),
      aSession({ id: 'bruno', status: 'active', agentId: 'bruno' }),
    ],
  });

  it('lists waiting sessions of the agent’s teams, oldest first', () => {
    assert.deepEqual(
      selectWaiting(state).map((s) => s.id),
      ['early', 'late'],
    );
  });

  it('lists only the agent’s own active sessions', () => {
    assert.deepEqual(
      selectActive(state).map((s) => s.id),
      ['mine'],
    );
  });
});

describe('Store', () => {
  it('notifies a watcher only when its slice changes', () => {
    const store = new Store();
    const seen: number[] = [];
    store.watch(
      (state) => state.messages.s1?.length ?? 0,
      (count) => seen.push(count),
    );
    store.update((state) => mergeMessages(state, [aMessage(1)]));
    store.update((state) => upsertSession(state, aSession()));
    store.update((state) => mergeMessages(state, [aMessage(1)]));
    store.update((state) => mergeMessages(state, [aMessage(2)]));
    assert.deepEqual(seen, [1, 2]);
  });

  it('does not notify subscribers when an update returns the same state', () => {
    const store = new Store();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update((state) => state);
    store.update((state) => ({ ...state, connection: 'connected' }));
    unsubscribe();
    store.update((state) => ({ ...state, connection: 'disconnected' }));
    assert.equal(calls, 1);
  });
});
