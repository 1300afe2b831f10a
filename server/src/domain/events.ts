import type { Contact, Message, Session } from '../../../src/protocol/index.js';

/**
 * What the services announce after a change is committed. The socket layer decides who receives
 * it (rooms); the services only say what happened.
 */
export interface DomainEvents {
  sessionUpdated(session: Session, contact: Contact): void;
  messageCreated(message: Message, session: Session): void;
  contactUpdated(contact: Contact): void;
}

/** For services used without sockets (seeding, scripts). */
export const silentEvents: DomainEvents = {
  sessionUpdated() {},
  messageCreated() {},
  contactUpdated() {},
};

export type Clock = () => number;
