import type { Contact, ParsedPayload } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CONTACT_SETTINGS_ID } from './admin/resources/settings.js';
import { searchContacts } from './contact-search.js';
import { CommandError, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';

/** Contacts are shared by the whole company: any agent reads and saves them. */
export class ContactService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
  ) {}

  async get(contactId: string): Promise<Contact> {
    const contact = await this.repo.getContact(contactId);
    if (!contact) throw notFound('contact');
    return contact;
  }

  /** The directory's page of contacts matching a query (contact-search.ts). */
  search(input: ParsedPayload<'contact.search'>): Promise<{ contacts: Contact[]; next: string | null }> {
    return searchContacts(this.repo, input);
  }

  /** Upsert by id; the whole record is replaced. Saving identical values changes nothing; the company's required fields must be filled. */
  async save(input: ParsedPayload<'contact.save'>): Promise<Contact> {
    const { contact, changed } = await this.repo.transaction(async (tx) => {
      // The company's rule (admin API: contact-settings) of which fields an agent must fill in.
      const required = (await tx.admin.contactSettings.get(CONTACT_SETTINGS_ID))?.requiredFields ?? [];
      const missing = required.filter((field) => !input[field]);
      if (missing.length > 0) {
        throw new CommandError(
          'INVALID_PAYLOAD',
          'The company requires these contact fields.',
          Object.fromEntries(missing.map((field) => [field, 'is required'])),
        );
      }
      if (input.email !== null) {
        const owner = await tx.findContactByEmail(input.email);
        if (owner && owner.id !== input.id) {
          throw new CommandError('CONFLICT', 'This e-mail is already used by another contact.', {
            email: 'is already used by another contact',
          });
        }
      }
      const at = this.now();
      const existing = await tx.getContact(input.id);
      if (!existing) {
        const created: Contact = { ...input, createdAt: at, updatedAt: at, version: 1 };
        await tx.insertContact(created);
        return { contact: created, changed: true };
      }
      if (
        existing.name === input.name &&
        existing.email === input.email &&
        existing.phone === input.phone &&
        existing.document === input.document
      ) {
        return { contact: existing, changed: false };
      }
      const updated: Contact = { ...existing, ...input, updatedAt: at, version: existing.version + 1 };
      if (!(await tx.updateContact(updated, existing.version))) throw new Error('contact changed during its update');
      return { contact: updated, changed: true };
    });
    if (changed) this.events.contactUpdated(contact);
    return contact;
  }
}
