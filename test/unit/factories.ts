import type { Contact, Message, Session } from '../../src/protocol/index.js';
import { aContact as contact, aServerMessage, aSession as session } from '../fixtures/fixtures.js';

/** The shared fixture builders, with the short defaults the Node unit tests use (session s1, contact c1). */
export const aSession = (overrides: Partial<Session> = {}): Session =>
  session({ id: 's1', contactId: 'c1', protocol: '20261122-000001', createdAt: 1_000, ...overrides });

export const aContact = (overrides: Partial<Contact> = {}): Contact =>
  contact({ id: 'c1', name: 'Carla', createdAt: 1_000, updatedAt: 1_000, ...overrides });

export const aMessage = (seq: number, overrides: Partial<Message> = {}): Message =>
  aServerMessage({
    id: `m${seq}`,
    sessionId: 's1',
    seq,
    authorKind: 'contact',
    authorId: 'c1',
    authorName: 'Carla',
    text: `message ${seq}`,
    createdAt: 1_000 + seq,
    ...overrides,
  });
