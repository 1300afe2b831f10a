import {
  CONTACT_PHOTO_MAX_BYTES,
  CONTACT_PHOTO_TYPES,
  CONTACT_PROBLEM_MESSAGES,
  contactProblems,
  emptyContactRecord,
  latestTodayAnywhere,
  type Agent,
  type CepAddress,
  type Contact,
  type ContactAddress,
  type ContactDraft,
  type ContactField,
  type ContactSettings,
  type ParsedPayload,
} from '../../../src/protocol/index.js';
import type { ContactUniqueField, Repository } from '../db/repository.js';
import { CONTACT_SETTINGS_ID } from './admin/resources/settings.js';
import type { CepProvider } from './cep.js';
import { searchContacts } from './contact-search.js';
import { CommandError, contactDuplicate, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';

type SaveInput = ParsedPayload<'contact.save'>;

/** What no two contacts share, checked in this order. */
const UNIQUE_FIELDS: readonly ContactUniqueField[] = ['phone', 'email', 'document'];

/** Contacts are shared by the whole company: any agent reads and saves them. */
export class ContactService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    private readonly cep: CepProvider,
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

  /** The company's required fields and the photo's limits, as `contact.save` checks them. */
  async settings(): Promise<ContactSettings> {
    const { requiredFields, classifications } = await contactRules(this.repo);
    return { requiredFields, photo: { maxBytes: CONTACT_PHOTO_MAX_BYTES, types: [...CONTACT_PHOTO_TYPES] }, classifications };
  }

  async lookUpCep(cep: string): Promise<CepAddress> {
    const address = await this.cep.lookup(cep);
    if (!address) throw notFound('CEP');
    return address;
  }

  /**
   * Upsert by id. Fields left out of the payload keep their saved values (old clients send four);
   * the merged record must pass `contact-validation.ts`'s rules and the company's required fields.
   * A phone, e-mail or CPF/CNPJ the save gives that another contact has is CONTACT_DUPLICATE; a
   * value the contact already had is not checked again (channels may have made such pairs).
   * With `version`, a save over a newer version is CONFLICT. Saving identical values changes nothing.
   */
  async save(input: SaveInput, agent: Agent): Promise<Contact> {
    const { contact, changed } = await this.repo.transaction(async (tx) => {
      const existing = await tx.getContact(input.id);
      if (existing && input.version !== undefined && input.version !== existing.version) {
        throw new CommandError('CONFLICT', 'Someone else saved this contact meanwhile: reload it and make your changes again.', {
          version: 'is not the saved version',
        });
      }
      const draft = mergeDraft(existing, input);
      const rules = await contactRules(tx);
      const accounts = (await tx.admin.accounts.list()).filter((account) => account.active).map((account) => account.id);
      const checked = contactProblems(draft, { today: latestTodayAnywhere(this.now()), ...rules, accounts });
      // A value saved before these rules (a channel's phone libphonenumber doubts, a classification no
      // longer listed, an account since deactivated) does not block other edits.
      const problems = Object.entries(checked).filter(([field, problem]) => problem === 'required' || !keptAsSaved(field, draft, existing));
      if (problems.length > 0) {
        throw new CommandError(
          'INVALID_PAYLOAD',
          'Some contact fields are missing or invalid.',
          Object.fromEntries(problems.map(([field, problem]) => [field, CONTACT_PROBLEM_MESSAGES[problem]])),
        );
      }
      for (const field of UNIQUE_FIELDS) {
        const value = draft[field];
        if (value === null || value === existing?.[field]) continue;
        const other = await tx.findOtherContactWith(field, value, input.id);
        if (other) throw contactDuplicate({ field, contactId: other.id, contactName: other.name });
      }
      await checkReferences(tx, draft, existing, agent);
      const at = this.now();
      const record = toRecord(draft, input.active ?? existing?.active ?? true, existing);
      if (!existing) {
        await tx.insertContact({ ...record, id: input.id, createdAt: at, updatedAt: at, version: 1 });
        return { contact: (await tx.getContact(input.id))!, changed: true };
      }
      if (sameRecord(existing, record)) return { contact: existing, changed: false };
      const updated: Contact = { ...existing, ...record, updatedAt: at, version: existing.version + 1 };
      if (!(await tx.updateContact(updated, existing.version))) throw new Error('contact changed during its update');
      return { contact: (await tx.getContact(input.id))!, changed: true };
    });
    if (changed) this.events.contactUpdated(contact);
    return contact;
  }
}

/** Whether a top-level field (not an address's) is what the contact already had. */
function keptAsSaved(field: string, draft: ContactDraft, existing: Contact | null): boolean {
  if (!existing || field.includes('.') || !Object.hasOwn(existing, field)) return false;
  return JSON.stringify(draft[field as keyof ContactDraft]) === JSON.stringify(existing[field as keyof Contact]);
}

/**
 * The company's rules (admin API: contact-settings): which fields an agent must fill in (the name
 * always) and what a contact may be classified as.
 */
async function contactRules(repo: Repository): Promise<{ requiredFields: ContactField[]; classifications: string[] }> {
  const settings = await repo.admin.contactSettings.get(CONTACT_SETTINGS_ID);
  return {
    requiredFields: [...new Set<ContactField>(['name', ...(settings?.requiredFields ?? [])])],
    classifications: settings?.classifications ?? [],
  };
}

/** The contact as it will be: the payload's fields over the saved ones (or an empty record's). */
function mergeDraft(existing: Contact | null, input: SaveInput): ContactDraft {
  const base = existing ?? { ...emptyContactRecord(), photo: null };
  const pick = <T>(given: T | undefined, saved: T) => (given === undefined ? saved : given);
  return {
    name: input.name,
    email: input.email,
    phone: input.phone,
    document: input.document,
    motherName: pick(input.motherName, base.motherName),
    phone2: pick(input.phone2, base.phone2),
    accountId: pick(input.accountId, base.accountId),
    classification: pick(input.classification, base.classification),
    tagIds: pick(input.tagIds, base.tagIds),
    rg: pick(input.rg, base.rg),
    registration: pick(input.registration, base.registration),
    birthDate: pick(input.birthDate, base.birthDate),
    assignedAgentId: pick(input.assignedAgentId, base.assignedAgentId),
    extra1: pick(input.extra1, base.extra1),
    extra2: pick(input.extra2, base.extra2),
    extra3: pick(input.extra3, base.extra3),
    photoFileId: pick(input.photoFileId, base.photo?.fileId ?? null),
    addresses: pick(input.addresses, base.addresses),
  };
}

/** Tags and an assigned agent the save adds must exist; a new photo must be an image the agent uploaded, of an accepted type and size. */
async function checkReferences(tx: Repository, draft: ContactDraft, existing: Contact | null, agent: Agent): Promise<void> {
  const invalid = (field: string, message: string) =>
    new CommandError('INVALID_PAYLOAD', `The contact's ${field} ${message}.`, { [field]: message });
  // Only tags the save adds: one the admin removed since must not block other edits.
  const added = draft.tagIds.filter((tagId) => !existing?.tagIds.includes(tagId));
  if (added.length > 0 && (await tx.getTags(added)).length !== added.length) {
    throw invalid('tagIds', 'lists a tag that does not exist');
  }
  if (draft.assignedAgentId && draft.assignedAgentId !== existing?.assignedAgentId && !(await tx.getAgent(draft.assignedAgentId))) {
    throw invalid('assignedAgentId', 'is not an agent');
  }
  if (draft.photoFileId && draft.photoFileId !== existing?.photo?.fileId) {
    const file = await tx.getFile(draft.photoFileId);
    // Only an image the agent uploaded itself: another's file id must not become a visible photo.
    if (!file || file.ownerKind !== 'agent' || file.ownerId !== agent.id) throw invalid('photoFileId', 'is not an image you uploaded');
    if (!CONTACT_PHOTO_TYPES.includes(file.mime)) throw invalid('photoFileId', 'is not a JPEG, PNG or WebP image');
    if (file.size > CONTACT_PHOTO_MAX_BYTES) throw invalid('photoFileId', 'is larger than 2 MB');
  }
}

type ContactRecord = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** The draft as stored: the choices narrowed (they passed the checks), the photo kept by file id. */
function toRecord(draft: ContactDraft, active: boolean, existing: Contact | null): ContactRecord {
  const { photoFileId, tagIds, addresses, ...fields } = draft;
  return {
    ...fields,
    active,
    tagIds: [...tagIds],
    addresses: addresses as Contact['addresses'],
    photo: photoFileId ? { fileId: photoFileId, url: existing?.photo?.fileId === photoFileId ? existing.photo.url : '' } : null,
  };
}

function sameRecord(existing: Contact, record: ContactRecord): boolean {
  return (Object.keys(record) as (keyof ContactRecord)[]).every((field) => canonical(field, existing) === canonical(field, record));
}

/** A field's value as comparable text: the photo by its file id (its url is signed anew on every read), addresses field by field. */
function canonical(field: keyof ContactRecord, record: ContactRecord): string {
  if (field === 'photo') return record.photo?.fileId ?? '';
  if (field === 'addresses') return JSON.stringify(record.addresses.map((address) => ADDRESS_FIELDS.map((key) => address[key])));
  return JSON.stringify(record[field]);
}

const ADDRESS_FIELDS: readonly (keyof ContactAddress)[] = [
  'id', 'type', 'cep', 'street', 'number', 'complement', 'neighbourhood', 'city', 'reference', 'location', 'houseType', 'uf',
]; // prettier-ignore
