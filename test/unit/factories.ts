import type { Contact, Message, Session } from '../../src/protocol/index.js';

/** Small builders for plain protocol entities, for Node unit tests. */
export function aSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 's1',
    protocol: '20261122-000001',
    status: 'waiting',
    channel: 'webchat',
    channelKey: 'demo',
    teamId: 'suporte',
    contactId: 'c1',
    agentId: null,
    targetAgentId: null,
    invitedAgentIds: [],
    tagIds: [],
    createdAt: 1_000,
    acceptedAt: null,
    finishedAt: null,
    lastSeq: 0,
    lastMessageAt: null,
    lastMessageText: null,
    lastInboundAt: null,
    version: 1,
    ...overrides,
  };
}

export function aContact(overrides: Partial<Contact> = {}): Contact {
  return { id: 'c1', name: 'Carla', email: null, phone: null, document: null, createdAt: 1_000, updatedAt: 1_000, version: 1, ...overrides };
}

export function aMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    sessionId: 's1',
    seq,
    authorKind: 'contact',
    authorId: 'c1',
    authorName: 'Carla',
    kind: 'text',
    text: `message ${seq}`,
    attachments: [],
    templateId: null,
    system: null,
    createdAt: 1_000 + seq,
    deliveredAt: null,
    readAt: null,
    ...overrides,
  };
}
