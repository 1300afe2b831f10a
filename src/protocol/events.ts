import type { Contact, Message, Session } from './entities.js';

/**
 * Every event the server broadcasts. Clients apply them idempotently: an event may arrive twice,
 * or after the state it carries was already fetched by a resync.
 */
export interface ServerEvents {
  /** A session changed (created, accepted, finished, new last message); carries its contact. */
  'session.updated': { session: Session; contact: Contact };
  /** A message was stored; `seq` orders it within its session. */
  'message.created': { message: Message };
  /** A contact's record changed. */
  'contact.updated': { contact: Contact };
}
export type EventName = keyof ServerEvents;
export const EVENT_NAMES: readonly EventName[] = ['session.updated', 'message.created', 'contact.updated'];

/** The socket.io event every command travels on: `socket.emit('command', name, payload, ack)`. */
export const COMMAND_EVENT = 'command';
