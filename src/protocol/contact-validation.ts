/**
 * How a contact's whole record is checked, written once for `<conecta-contact-form>` (before it
 * sends) and the server (`contact.save`'s schema and the contact service). Plain functions, no
 * valibot: the element carries these and not the schemas. Problems are codes the form translates
 * (`src/i18n/contact-validation/`); the server sends their English message, which
 * `contactProblemOf` turns back into the code.
 */
// The "min" metadata: validates by length and prefix at a fraction of the full build's size.
import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { E164_PATTERN, EMAIL_MAX_LENGTH, EMAIL_PATTERN, NAME_MAX_LENGTH } from './contact-rules.js';
import { ADDRESS_TYPES, BRAZILIAN_UFS, HOUSE_TYPES, type Contact, type ContactAddress } from './entities.js';

export type { CountryCode };

/** What can be wrong with one field. */
export const CONTACT_PROBLEMS = [
  'required',
  'tooLong',
  'document',
  'phone',
  'email',
  'date',
  'futureDate',
  'uf',
  'cep',
  'choice',
  'account',
] as const;
export type ContactProblem = (typeof CONTACT_PROBLEMS)[number];

/** The server's (English) message of each problem, as `INVALID_PAYLOAD`'s `fields` carry it. */
export const CONTACT_PROBLEM_MESSAGES: Readonly<Record<ContactProblem, string>> = {
  required: 'is required',
  tooLong: 'is too long',
  document: 'is not a valid CPF or CNPJ',
  phone: 'is not a valid phone number',
  email: 'is not a valid e-mail address',
  date: 'is not a date (YYYY-MM-DD)',
  futureDate: 'is in the future',
  uf: 'is not a Brazilian state (UF)',
  cep: 'is not a CEP (8 digits)',
  choice: 'is not one of the choices',
  account: 'is not an active account of the company',
};

/** A server message back to its problem code; null for a message this module did not write. */
export function contactProblemOf(message: string): ContactProblem | null {
  return CONTACT_PROBLEMS.find((problem) => CONTACT_PROBLEM_MESSAGES[problem] === message) ?? null;
}

/** Field path (`phone`, `addresses.1.cep`) → problem; empty when the record is fine. */
export type ContactProblems = Record<string, ContactProblem>;

/** The fields a company may make required (`contacts.requiredFields`), named as in `contact.save`. */
export const CONTACT_FIELDS = [
  'name',
  'email',
  'phone',
  'document',
  'motherName',
  'phone2',
  'accountId',
  'classification',
  'tagIds',
  'rg',
  'registration',
  'birthDate',
  'assignedAgentId',
  'extra1',
  'extra2',
  'extra3',
  'photoFileId',
  'addresses',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The longest text each free-text field takes. */
export const CONTACT_TEXT_LIMITS = {
  name: NAME_MAX_LENGTH,
  motherName: NAME_MAX_LENGTH,
  classification: 60,
  rg: 20,
  registration: 40,
  extra1: 200,
  extra2: 200,
  extra3: 200,
} as const;
export const ADDRESS_TEXT_LIMITS = {
  street: 120,
  number: 20,
  complement: 80,
  neighbourhood: 80,
  city: 80,
  reference: 200,
  location: 200,
} as const;
export const MAX_CONTACT_ADDRESSES = 10;
export const MAX_CONTACT_TAGS = 20;

/** What an address must have once any of its fields is filled (manual 004: "apenas caso de iniciar o preenchimento"). */
export const REQUIRED_ADDRESS_FIELDS = ['type', 'cep', 'street', 'number', 'neighbourhood', 'city', 'uf'] as const;

/** A contact's photo: the types and size the server accepts at `contact.save`. */
export const CONTACT_PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const CONTACT_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** A contact as a form holds it before saving: `contact.save`'s fields, every one present. */
export type ContactDraft = Omit<Contact, 'id' | 'active' | 'photo' | 'tagIds' | 'addresses' | 'createdAt' | 'updatedAt' | 'version'> & {
  tagIds: readonly string[];
  photoFileId: string | null;
  addresses: readonly ContactAddressDraft[];
};

/** An address as typed: its choices are any text until checked. */
export type ContactAddressDraft = { [K in keyof ContactAddress]: K extends 'id' ? string : string | null };

export function onlyDigits(text: string): string {
  return text.replace(/\D/g, '');
}

/** Check digits of a CPF (11 digits); the all-same-digit numbers pass the arithmetic but are not issued. */
export function isCpf(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  return (
    checkDigit(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(digits[9]) &&
    checkDigit(digits, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(digits[10])
  );
}

/** Check digits of a CNPJ (14 digits). */
export function isCnpj(digits: string): boolean {
  if (!/^\d{14}$/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  return (
    checkDigit(digits, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(digits[12]) &&
    checkDigit(digits, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(digits[13])
  );
}

/** CPF or CNPJ, digits only. */
export function isCpfOrCnpj(digits: string): boolean {
  return digits.length === 11 ? isCpf(digits) : isCnpj(digits);
}

/** Modulo 11 over the first `weights.length` digits, as both CPF and CNPJ define it. */
function checkDigit(digits: string, weights: readonly number[]): number {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/**
 * The input mask of a CPF (`000.000.000-00`) or, past 11 digits, a CNPJ (`00.000.000/0000-00`), applied
 * to what has been typed so far; anything but digits is dropped.
 */
export function formatDocument(text: string): string {
  const digits = onlyDigits(text).slice(0, 14);
  return digits.length <= 11 ? mask(digits, '###.###.###-##') : mask(digits, '##.###.###/####-##');
}

/** The input mask of a CEP, `00000-000`. */
export function formatCep(text: string): string {
  return mask(onlyDigits(text).slice(0, 8), '#####-###');
}

/** Fills `pattern`'s `#` with `digits`, stopping where the digits end (no dangling separator). */
function mask(digits: string, pattern: string): string {
  let out = '';
  let next = 0;
  for (const char of pattern) {
    if (next === digits.length) break;
    out += char === '#' ? digits[next++] : char;
  }
  return out;
}

export function isCep(digits: string): boolean {
  return /^\d{8}$/.test(digits);
}

export function isUf(text: string): boolean {
  return (BRAZILIAN_UFS as readonly string[]).includes(text);
}

/** A real calendar day written `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today in the browser's own time zone, `YYYY-MM-DD`: what a form compares a birth date with. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The latest date that is already today somewhere (UTC+14): what the server compares a birth date
 * with, so a contact born today in any time zone is never refused.
 */
export function latestTodayAnywhere(nowMs: number): string {
  return new Date(nowMs + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** DDI + national number (any punctuation) → E.164, or null when it is not a valid number of that country. */
export function toE164(country: CountryCode, national: string): string | null {
  const parsed = parsePhoneNumberFromString(national, country);
  return parsed?.isValid() ? parsed.number : null;
}

/** An E.164 number that exists for its country (length and prefix), not only the E.164 shape. */
export function isPhoneNumber(e164: string): boolean {
  return E164_PATTERN.test(e164) && isValidPhoneNumber(e164);
}

/** Options of `contactProblems`. */
export interface ContactCheck {
  /** Today, `YYYY-MM-DD`: a birth date after it is refused (`localIsoDate` or `latestTodayAnywhere`). */
  today: string;
  /** The company's required fields (`contact.settings`); `name` is always required. */
  requiredFields?: readonly ContactField[];
  /**
   * The account ids a contact may be linked to (the active accounts, and for a form the one the
   * contact already has); left out, the account is not checked.
   */
  accounts?: readonly string[];
  /** The classifications a contact may have (`contact.settings`, and the one it already has); left out, not checked. */
  classifications?: readonly string[];
}

/** Every problem of a contact, by field path: what the form marks and what the server refuses. */
export function contactProblems(
  contact: ContactDraft,
  { today, requiredFields = [], accounts, classifications }: ContactCheck,
): ContactProblems {
  const problems: ContactProblems = {};
  const mark = (path: string, problem: ContactProblem) => {
    // The first problem of a field is the one shown.
    if (!Object.hasOwn(problems, path)) problems[path] = problem;
  };
  for (const field of new Set<ContactField>(['name', ...requiredFields])) {
    if (isEmpty(contact[field])) mark(field, 'required');
  }
  for (const [field, limit] of Object.entries(CONTACT_TEXT_LIMITS)) {
    const value = contact[field as keyof typeof CONTACT_TEXT_LIMITS];
    if (value && value.trim().length > limit) mark(field, 'tooLong');
  }
  if (contact.email && (contact.email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(contact.email))) mark('email', 'email');
  if (contact.phone && !isPhoneNumber(contact.phone)) mark('phone', 'phone');
  if (contact.phone2 && !isPhoneNumber(contact.phone2)) mark('phone2', 'phone');
  if (contact.document && !isCpfOrCnpj(onlyDigits(contact.document))) mark('document', 'document');
  if (contact.accountId && accounts && !accounts.includes(contact.accountId)) mark('accountId', 'account');
  if (contact.classification && classifications && !classifications.includes(contact.classification.trim()))
    mark('classification', 'choice');
  if (contact.birthDate) {
    if (!isIsoDate(contact.birthDate)) mark('birthDate', 'date');
    else if (contact.birthDate > today) mark('birthDate', 'futureDate');
  }
  contact.addresses.forEach((address, index) => {
    for (const [field, problem] of Object.entries(addressProblems(address))) mark(`addresses.${index}.${field}`, problem);
  });
  return problems;
}

/** An address's problems by field: nothing when it is wholly empty, its required fields once it is started. */
export function addressProblems(address: ContactAddressDraft): ContactProblems {
  const problems: ContactProblems = {};
  const { id: _id, ...fields } = address;
  if (Object.values(fields).every(isEmpty)) return problems;
  for (const field of REQUIRED_ADDRESS_FIELDS) if (isEmpty(address[field])) problems[field] = 'required';
  for (const [field, limit] of Object.entries(ADDRESS_TEXT_LIMITS)) {
    const value = address[field as keyof typeof ADDRESS_TEXT_LIMITS];
    if (value && value.trim().length > limit) problems[field] ??= 'tooLong';
  }
  if (address.cep && !isCep(onlyDigits(address.cep))) problems.cep ??= 'cep';
  if (address.uf && !isUf(address.uf)) problems.uf ??= 'uf';
  if (address.type && !(ADDRESS_TYPES as readonly string[]).includes(address.type)) problems.type ??= 'choice';
  if (address.houseType && !(HOUSE_TYPES as readonly string[]).includes(address.houseType)) problems.houseType ??= 'choice';
  return problems;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
