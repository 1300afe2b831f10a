import * as v from 'valibot';
import {
  ADDRESS_TEXT_LIMITS,
  CONTACT_PROBLEM_MESSAGES as MESSAGE,
  CONTACT_TEXT_LIMITS,
  MAX_CONTACT_ADDRESSES,
  MAX_CONTACT_TAGS,
  isCep,
  isIsoDate,
  isPhoneNumber,
} from './contact-validation.js';
import { ADDRESS_TYPES, BRAZILIAN_UFS, HOUSE_TYPES, Id } from './entities.js';

/**
 * `contact.save`'s fields beyond name, e-mail, phone and document: the shape of each, checked with
 * `contact-validation.ts`'s rules. Each may be left out, and then keeps its saved value, so clients
 * written before the whole record (the four-field form) do not erase what others filled in. The
 * rules across fields (required, the address rule, a birth date in the future) are checked by the
 * service on the merged record, with the same module.
 */

/** Trimmed; an empty text means "none" (null). */
const Text = (limit: number) =>
  v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.maxLength(limit, MESSAGE.tooLong),
    v.transform((text) => (text === '' ? null : text)),
  );
/** Left out: unchanged; null: cleared. */
const unchanged = <T extends v.GenericSchema>(schema: T) => v.optional(v.nullable(schema));

const RecordPhone = v.pipe(v.string('must be a string'), v.check(isPhoneNumber, MESSAGE.phone));
/** A CEP's 8 digits; the mask's hyphen and dots are dropped. */
export const CepInput = v.pipe(
  v.string('must be a string'),
  v.transform((text) => text.replace(/[.\-\s]/g, '')),
  v.check(isCep, MESSAGE.cep),
);
const BirthDate = v.pipe(v.string('must be a string'), v.check(isIsoDate, MESSAGE.date));

const ContactAddressInput = v.strictObject({
  id: Id,
  type: v.optional(v.nullable(v.picklist(ADDRESS_TYPES, MESSAGE.choice)), null),
  cep: v.optional(v.nullable(CepInput), null),
  street: v.optional(v.nullable(Text(ADDRESS_TEXT_LIMITS.street)), null),
  number: v.optional(v.nullable(Text(ADDRESS_TEXT_LIMITS.number)), null),
  complement: v.optional(v.nullable(Text(ADDRESS_TEXT_LIMITS.complement)), null),
  neighbourhood: v.optional(v.nullable(Text(ADDRESS_TEXT_LIMITS.neighbourhood)), null),
  city: v.optional(v.nullable(Text(ADDRESS_TEXT_LIMITS.city)), null),
  reference: v.optional(v.nullable(Text(ADDRESS_TEXT_LIMITS.reference)), null),
  location: v.optional(v.nullable(Text(ADDRESS_TEXT_LIMITS.location)), null),
  houseType: v.optional(v.nullable(v.picklist(HOUSE_TYPES, MESSAGE.choice)), null),
  uf: v.optional(v.nullable(v.picklist(BRAZILIAN_UFS, MESSAGE.uf)), null),
});

const distinct = (what: string) => v.check((ids: string[]) => new Set(ids).size === ids.length, `lists a ${what} twice`);

export const ContactRecordChanges = {
  /** The version the client edited: a save over a newer one is refused with CONFLICT. Left out: the last save wins. */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  motherName: unchanged(Text(CONTACT_TEXT_LIMITS.motherName)),
  phone2: unchanged(RecordPhone),
  active: v.optional(v.boolean('must be true or false')),
  accountId: unchanged(Id),
  classification: unchanged(Text(CONTACT_TEXT_LIMITS.classification)),
  tagIds: v.optional(v.pipe(v.array(Id), v.maxLength(MAX_CONTACT_TAGS, `has more than ${MAX_CONTACT_TAGS} tags`), distinct('tag'))),
  rg: unchanged(Text(CONTACT_TEXT_LIMITS.rg)),
  registration: unchanged(Text(CONTACT_TEXT_LIMITS.registration)),
  birthDate: unchanged(BirthDate),
  assignedAgentId: unchanged(Id),
  extra1: unchanged(Text(CONTACT_TEXT_LIMITS.extra1)),
  extra2: unchanged(Text(CONTACT_TEXT_LIMITS.extra2)),
  extra3: unchanged(Text(CONTACT_TEXT_LIMITS.extra3)),
  /** A file id from `POST /api/files` (JPEG, PNG or WebP up to `CONTACT_PHOTO_MAX_BYTES`); null removes the photo. */
  photoFileId: unchanged(Id),
  /** The whole list: it replaces the saved addresses. */
  addresses: v.optional(
    v.pipe(
      v.array(ContactAddressInput),
      v.maxLength(MAX_CONTACT_ADDRESSES, `has more than ${MAX_CONTACT_ADDRESSES} addresses`),
      v.check((addresses) => new Set(addresses.map((a) => a.id)).size === addresses.length, 'lists an address twice'),
    ),
  ),
};
