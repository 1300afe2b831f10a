import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absorbResult, replaceVisitor, setQueuePosition, upsertSession } from '../../src/client/reducers.js';
import { initialState } from '../../src/client/state.js';
import { aContact, aMessage, aSession } from './factories.js';

const visitor = { id: 'v1', contactId: 'c1', channelKey: 'demo', userId: null };

describe('visitor reducers', () => {
  it('records where a waiting session stands, and changes nothing for a repeat', () => {
    const state = setQueuePosition(upsertSession(initialState, aSession()), { sessionId: 's1', position: 3, etaMs: 90_000 });
    assert.deepEqual(state.queue.s1, { sessionId: 's1', position: 3, etaMs: 90_000 });
    assert.equal(setQueuePosition(state, { sessionId: 's1', position: 3, etaMs: 90_000 }), state);
    assert.equal(setQueuePosition(state, { sessionId: 's1', position: 2, etaMs: null }).queue.s1.position, 2);
  });

  it('drops a queue entry when its session leaves waiting', () => {
    const queued = setQueuePosition(upsertSession(initialState, aSession()), { sessionId: 's1', position: 1, etaMs: null });
    const accepted = absorbResult(queued, { session: aSession({ status: 'active', agentId: 'ana', version: 2 }) });
    assert.deepEqual(accepted.queue, {});
  });

  it('ignores a late queue event for a session no longer waiting', () => {
    const active = upsertSession(initialState, aSession({ status: 'active', version: 2 }));
    assert.equal(setQueuePosition(active, { sessionId: 's1', position: 1, etaMs: null }), active);
  });

  it('takes the whole queue from the visitor’s sessions answer', () => {
    const stale = setQueuePosition(initialState, { sessionId: 'gone', position: 4, etaMs: null });
    const state = absorbResult(stale, {
      contact: aContact(),
      sessions: [aSession(), aSession({ id: 's2', status: 'finished' })],
      queue: [{ sessionId: 's1', position: 2, etaMs: 60_000 }],
    });
    assert.deepEqual(Object.keys(state.queue), ['s1']);
    assert.equal(state.queue.s1.position, 2);
  });

  it('forgets everything held of the previous visitor when another one takes over', () => {
    let state = absorbResult({ ...initialState, visitor }, { contact: aContact(), session: aSession(), messages: [aMessage(1)] });
    state = setQueuePosition(state, { sessionId: 's1', position: 1, etaMs: null });
    const next = replaceVisitor(state, { ...visitor, id: 'v2', contactId: 'c2', userId: 'user-7' });
    assert.equal(next.visitor?.userId, 'user-7');
    assert.deepEqual([next.sessions, next.contacts, next.messages, next.queue, next.typing, next.hasOlder], [{}, {}, {}, {}, {}, {}]);
    assert.equal(next.connection, state.connection);
  });
});
