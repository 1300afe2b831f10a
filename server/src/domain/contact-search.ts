import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Contact, ParsedPayload } from '../../../src/protocol/index.js';
import { foldForSearch } from '../../../src/protocol/contact-rules.js';
import type { ContactSearch, ContactSearchKey, Repository } from '../db/repository.js';
import { CommandError } from './errors.js';

/** What a CPF/CNPJ or phone is typed with, besides its digits. */
const CODE_PUNCTUATION = /[\s.\-/()+]/g;
/** Fewer digits than this would match most documents and phones. */
const MIN_DIGITS = 3;
/** Phones typed without a country code are Brazilian (the company's country). */
const DEFAULT_COUNTRY = 'BR';

/** How a directory query matches: a name, or codes (digits, an e-mail). */
export function contactSearchKeys(query: string): Pick<ContactSearch, 'name' | 'keys'> {
  const text = query.trim();
  if (text.includes('@')) return { name: null, keys: [{ field: 'email', value: text.toLowerCase(), match: 'prefix' }] };
  const digits = text.replace(CODE_PUNCTUATION, '');
  // A matrícula is the company's own code, compared as typed: with a name, or with digits.
  const registration: ContactSearchKey = { field: 'registration', value: text, match: 'prefix' };
  if (text === '') return { name: '', keys: [] };
  if (!/^\d+$/.test(digits)) return { name: foldForSearch(text), keys: [registration] };
  if (digits.length < MIN_DIGITS) return { name: null, keys: [] };
  const keys: ContactSearchKey[] = [registration, { field: 'document', value: digits, match: 'prefix' }];
  const phone = parsePhoneNumberFromString(text.startsWith('+') ? text : digits, DEFAULT_COUNTRY);
  if (phone?.isValid()) keys.push({ field: 'phone', value: phone.number, match: 'exact' });
  // Typed with its country code but no `+` ("5511987…"), or only its start.
  keys.push({ field: 'phone', value: `+${digits}`, match: 'prefix' });
  return { name: null, keys };
}

/** The cursor after a page's last contact: its folded name and id, opaque to clients. */
const encodeCursor = (contact: Contact) => Buffer.from(JSON.stringify([foldForSearch(contact.name), contact.id])).toString('base64url');

function decodeCursor(cursor: string): ContactSearch['after'] {
  try {
    const [searchName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof searchName === 'string' && typeof id === 'string') return { searchName, id };
  } catch {
    // answered below
  }
  throw new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', { after: 'is not a cursor from a previous page' });
}

/** The contact directory: contacts are the company's, so every agent searches them all. */
export async function searchContacts(
  repo: Repository,
  input: ParsedPayload<'contact.search'>,
): Promise<{ contacts: Contact[]; next: string | null }> {
  const page = await repo.searchContacts({
    ...contactSearchKeys(input.query),
    channel: input.channel,
    accountId: input.accountId,
    after: input.after === null ? null : decodeCursor(input.after),
    limit: input.limit + 1,
  });
  const contacts = page.slice(0, input.limit);
  return { contacts, next: page.length > input.limit ? encodeCursor(contacts.at(-1)!) : null };
}
