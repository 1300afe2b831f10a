import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendMessage, type MessageDraft } from '../../src/protocol/index.js';
import { aSession } from './factories.js';

const draft = (overrides: Partial<MessageDraft> = {}): MessageDraft => ({
  id: 'm-new',
  authorKind: 'agent',
  authorId: 'ag-ana',
  authorName: 'Ana',
  kind: 'text',
  text: 'Olá!',
  attachments: [],
  templateId: null,
  system: null,
  createdAt: 5_000,
  deliveredAt: null,
  readAt: null,
  ...overrides,
});
const attachment = (name: string) => ({
  id: `f-${name}`,
  name,
  size: 10,
  mime: 'image/png',
  kind: 'image' as const,
  url: `/api/files/f-${name}`,
});

describe('appending a message to a session', () => {
  it('gives the message the next seq and the session one version up', () => {
    const session = aSession({ lastSeq: 7, version: 12 });
    const { message, session: written } = appendMessage(session, draft());
    assert.equal(message.seq, 8);
    assert.equal(message.sessionId, session.id);
    assert.equal(written.lastSeq, 8);
    assert.equal(written.version, 13);
  });

  it('makes what people write the last message, and its files when it has no text', () => {
    const session = aSession({ lastSeq: 1, lastMessageAt: 1_000, lastMessageText: 'antes' });
    assert.deepEqual(pick(appendMessage(session, draft({ text: 'Olá!' })).session), { lastMessageAt: 5_000, lastMessageText: 'Olá!' });
    const files = appendMessage(session, draft({ text: '', attachments: [attachment('a.png'), attachment('b.png')] })).session;
    assert.deepEqual(pick(files), { lastMessageAt: 5_000, lastMessageText: 'a.png, b.png' });
  });

  it('opens the conversation window with the contact\u2019s message only', () => {
    const session = aSession({ channel: 'whatsapp', lastInboundAt: 1_000 });
    assert.equal(appendMessage(session, draft({ authorKind: 'contact', createdAt: 9_000 })).session.lastInboundAt, 9_000);
    assert.equal(appendMessage(session, draft({ authorKind: 'agent', createdAt: 9_000 })).session.lastInboundAt, 1_000);
  });

  it('keeps the last message as it was for a system message', () => {
    const session = aSession({ lastSeq: 3, lastMessageAt: 1_000, lastMessageText: 'Olá', lastInboundAt: 1_000 });
    const system = draft({
      authorKind: 'system',
      authorId: null,
      authorName: '',
      kind: 'system',
      text: 'Ana accepted the session.',
      system: { type: 'accepted', agentId: 'ag-ana', agentName: 'Ana' },
    });
    const written = appendMessage(session, system).session;
    assert.deepEqual(pick(written), { lastMessageAt: 1_000, lastMessageText: 'Olá' });
    assert.equal(written.lastInboundAt, 1_000);
    assert.equal(written.lastSeq, 4);
  });

  it('carries the rest of the session through: a change made with the message is kept', () => {
    const session = aSession({ status: 'waiting', agentId: null });
    const written = appendMessage({ ...session, status: 'active', agentId: 'ag-ana' }, draft()).session;
    assert.equal(written.status, 'active');
    assert.equal(written.agentId, 'ag-ana');
  });
});

const pick = ({ lastMessageAt, lastMessageText }: { lastMessageAt: number | null; lastMessageText: string | null }) => ({
  lastMessageAt,
  lastMessageText,
});
