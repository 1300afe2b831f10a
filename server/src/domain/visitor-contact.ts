import { emptyContactRecord, type Contact } from '../../../src/protocol/index.js';

/**
 * A contact as its own visitor sees it: what the webchat knows (name, e-mail, phone, document), never
 * the record the company keeps (classification, tags, assigned agent, extra fields, addresses…).
 */
export function contactForVisitor(contact: Contact): Contact {
  return { ...contact, ...emptyContactRecord() };
}

/** A command's or event's answer with its contact as the visitor sees it. */
export function withVisitorContact<T extends { contact: Contact | null }>(answer: T): T {
  return { ...answer, contact: answer.contact && contactForVisitor(answer.contact) };
}
