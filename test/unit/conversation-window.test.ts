import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONVERSATION_WINDOW_MS, isWindowClosed, windowClosesAt } from '../../src/protocol/index.js';

describe('the conversation window', () => {
  it('closes 24 hours after the contact\u2019s last message on WhatsApp', () => {
    const session = { channel: 'whatsapp' as const, lastInboundAt: 1_000 };
    assert.equal(windowClosesAt(session), 1_000 + CONVERSATION_WINDOW_MS);
    assert.equal(isWindowClosed(session, 1_000 + CONVERSATION_WINDOW_MS - 1), false);
    assert.equal(isWindowClosed(session, 1_000 + CONVERSATION_WINDOW_MS), true);
  });

  it('is closed on WhatsApp until the contact writes', () => {
    assert.equal(isWindowClosed({ channel: 'whatsapp', lastInboundAt: null }, 0), true);
  });

  it('never closes on a channel without a window', () => {
    assert.equal(windowClosesAt({ channel: 'webchat', lastInboundAt: null }), null);
    assert.equal(isWindowClosed({ channel: 'webchat', lastInboundAt: 1_000 }, 1_000 + 10 * CONVERSATION_WINDOW_MS), false);
  });
});
