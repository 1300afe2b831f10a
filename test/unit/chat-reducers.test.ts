import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addLocalChatMessage,
  chatOf,
  markChatReadLocally,
  mergeChatMessages,
  selectChatConversations,
  selectChatMessages,
  selectChatUnreadTotal,
  setChatConversations,
  setLocalChatStatus,
} from '../../src/client/chat-reducers.js';
import { absorbResult } from '../../src/client/reducers.js';
import { initialState, type ConectaState } from '../../src/client/state.js';
import type { Agent, ChatMessage } from '../../src/protocol/index.js';

const me = { id: 'ana' } as Agent;
const fromBruno = (seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `b${seq}`,
  seq,
  fromAgentId: 'bruno',
  toAgentId: 'ana',
  text: `oi ${seq}`,
  attachments: [],
  createdAt: seq * 1000,
  readAt: null,
  ...overrides,
});
const loaded = (): ConectaState => setChatConversations({ ...initialState, me }, []);

describe('internal chat reducers', () => {
  it('holds nothing of the chat in the initial state (the webchat carries none of it)', () => {
    assert.equal(initialState.chat, undefined);
    assert.deepEqual(chatOf(initialState).messages, {});
  });

  it('counts a colleague’s new message once, whatever the number of copies, and not a read copy again', () => {
    let state = mergeChatMessages(loaded(), [fromBruno(1)]);
    const again = mergeChatMessages(state, [fromBruno(1)]);
    assert.equal(again, state, 'a duplicate event changes nothing');
    assert.equal(selectChatUnreadTotal(state), 1);
    state = mergeChatMessages(state, [fromBruno(1, { readAt: 5000 })]);
    assert.equal(selectChatUnreadTotal(state), 0);
    assert.equal(selectChatMessages(state, 'bruno')[0]?.readAt, 5000);
    assert.equal(mergeChatMessages(state, [fromBruno(1)]), state, 'an unread copy arriving late does not undo the read mark');
  });

  it('keeps history pages out of the unread counts and the last message, under the colleague it names', () => {
    const state = mergeChatMessages({ ...loaded(), me: null }, [fromBruno(1), fromBruno(2)], { fromHistory: true, withAgentId: 'bruno' });
    assert.deepEqual(
      selectChatMessages(state, 'bruno').map((m) => m.seq),
      [1, 2],
    );
    assert.deepEqual(selectChatConversations(state), []);
  });

  it('orders acknowledged messages by seq and keeps those still sending last; a failed one can go again', () => {
    let state = addLocalChatMessage(loaded(), {
      id: 'local',
      seq: 0,
      fromAgentId: 'ana',
      toAgentId: 'bruno',
      text: 'já vou',
      attachments: [],
      createdAt: 0,
      readAt: null,
      status: 'sending',
    });
    state = mergeChatMessages(state, [fromBruno(2), fromBruno(1)]);
    assert.deepEqual(
      selectChatMessages(state, 'bruno').map((m) => m.id),
      ['b1', 'b2', 'local'],
    );
    state = setLocalChatStatus(state, 'bruno', 'local', 'failed', { code: 'TIMEOUT', message: 'slow' });
    assert.equal(selectChatMessages(state, 'bruno')[2]?.errorCode, 'TIMEOUT');
    state = mergeChatMessages(state, [{ ...fromBruno(3), id: 'local', fromAgentId: 'ana', toAgentId: 'bruno' }]);
    assert.equal(selectChatMessages(state, 'bruno')[2]?.status, 'sent');
    assert.equal(setLocalChatStatus(state, 'bruno', 'local', 'failed'), state, 'an acknowledged message never fails afterwards');
    assert.equal(selectChatConversations(state)[0]?.lastMessage?.id, 'local');
  });

  it('clears the count when the agent reads, even for unread messages older than the page held', () => {
    let state = setChatConversations({ ...initialState, me }, [{ withAgentId: 'bruno', lastMessage: fromBruno(9), unread: 5 }]);
    state = mergeChatMessages(state, [fromBruno(9)], { fromHistory: true, withAgentId: 'bruno' });
    state = markChatReadLocally(state, 'bruno', 9, 10_000);
    assert.equal(selectChatUnreadTotal(state), 0);
    assert.equal(selectChatMessages(state, 'bruno')[0]?.readAt, 10_000);
  });

  it('leaves the sessions alone when a result carries chat messages', () => {
    const state = absorbResult(loaded(), { messages: [fromBruno(1)] });
    assert.deepEqual(state.messages, {});
  });
});
