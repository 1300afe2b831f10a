import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markRefused } from '../../src/client/message-failures.js';
import { absorbResult, applyMessageStatus, lastSeqHeld, mergeMessages, setLocalMessageStatus } from '../../src/client/reducers.js';
import { initialState } from '../../src/client/state.js';
import type { MessageFailure } from '../../src/protocol/index.js';
import { aMessage } from './factories.js';

const failure: MessageFailure = { code: 'CHANNEL_REFUSED', message: '(131026) Receiver is incapable of receiving this message', at: 90 };

describe('an agent\u2019s message the channel refused after it was stored', () => {
  it('shows failed with the reason, in its place, from the message.status event', () => {
    let state = mergeMessages(initialState, [aMessage(1), aMessage(2, { authorKind: 'agent' }), aMessage(3)]);
    state = markRefused(state, 's1', 'm2', failure);
    const refused = state.messages.s1[1];
    assert.equal(refused.id, 'm2', 'keeps its place by seq');
    assert.equal(refused.status, 'failed');
    assert.equal(refused.errorCode, 'CHANNEL_REFUSED');
    assert.match(refused.error ?? '', /131026/);
    assert.equal(lastSeqHeld(state, 's1'), 3);
    assert.equal(markRefused(state, 's1', 'm2', failure), state, 'told twice, changes nothing');
  });

  it('shows failed from a resync, and a later status or a retry does not undo it', () => {
    let state = mergeMessages(initialState, [aMessage(1, { authorKind: 'agent' }), aMessage(2)]);
    state = absorbResult(state, { messages: [aMessage(1, { authorKind: 'agent', failure })], hasOlder: false });
    assert.deepEqual(
      state.messages.s1.map((m) => [m.id, m.status, m.errorCode]),
      [
        ['m1', 'failed', 'CHANNEL_REFUSED'],
        ['m2', 'sent', undefined],
      ],
    );
    assert.equal(applyMessageStatus(state, { sessionId: 's1', upToSeq: 2, status: 'read', at: 95, authorKinds: ['agent'] }), state);
    assert.equal(setLocalMessageStatus(state, 's1', 'm1', 'sending'), state, 'a retry cannot make it sending again');
    state = absorbResult(state, { messages: [aMessage(1, { authorKind: 'agent', failure })], hasOlder: false });
    assert.equal(state.messages.s1[0].status, 'failed');
  });
});
