import { formatCep, formatDocument, type Contact } from '../../protocol/index.js';
import { DEFAULT_COUNTRY, fromE164, type CountryCode } from './phone.js';

/** One address as typed (`''` for an empty field). Its `id` is the client's, kept across saves. */
export interface AddressInputs {
  id: string;
  type: string;
  cep: string;
  street: string;
  number: string;
  complement: string;
  neighbourhood: string;
  city: string;
  reference: string;
  location: string;
  houseType: string;
  uf: string;
}

export type AddressField = Exclude<keyof AddressInputs, 'id'>;

/** The contact tab as typed: strings as in their inputs, phones split into DDI and national number. */
export interface ContactInputs {
  name: string;
  motherName: string;
  country: CountryCode;
  national: string;
  country2: CountryCode;
  national2: string;
  active: boolean;
  accountId: string;
  classification: string;
  tagIds: string[];
  /** CPF or CNPJ as typed: digits, with or without punctuation. */
  document: string;
  rg: string;
  registration: string;
  email: string;
  /** `YYYY-MM-DD` (a date input's value), or empty. */
  birthDate: string;
  assignedAgentId: string;
  extra1: string;
  extra2: string;
  extra3: string;
  /** The photo's uploaded file and where to show it, or null for none. */
  photo: { fileId: string; url: string } | null;
  addresses: AddressInputs[];
}

export type ContactTextField = Exclude<keyof ContactInputs, 'addresses' | 'active' | 'tagIds' | 'photo'>;

export function emptyAddress(): AddressInputs {
  return {
    id: crypto.randomUUID(),
    type: '',
    cep: '',
    street: '',
    number: '',
    complement: '',
    neighbourhood: '',
    city: '',
    reference: '',
    location: '',
    houseType: '',
    uf: '',
  };
}

/** An address counts as started once anything but its type is typed: only then are its required fields required. */
export function addressStarted(address: AddressInputs): boolean {
  return Object.entries(address).some(([field, value]) => field !== 'id' && field !== 'type' && value.trim() !== '');
}

export function inputsOf(contact: Contact | undefined): ContactInputs {
  const phone = fromE164(contact?.phone ?? null);
  const phone2 = fromE164(contact?.phone2 ?? null);
  return {
    name: contact?.name ?? '',
    motherName: contact?.motherName ?? '',
    country: phone.country,
    national: phone.national,
    country2: phone2.country ?? DEFAULT_COUNTRY,
    national2: phone2.national,
    active: contact?.active ?? true,
    accountId: contact?.accountId ?? '',
    classification: contact?.classification ?? '',
    tagIds: [...(contact?.tagIds ?? [])],
    // Shown with the masks they are typed with.
    document: formatDocument(contact?.document ?? ''),
    rg: contact?.rg ?? '',
    registration: contact?.registration ?? '',
    email: contact?.email ?? '',
    birthDate: contact?.birthDate ?? '',
    assignedAgentId: contact?.assignedAgentId ?? '',
    extra1: contact?.extra1 ?? '',
    extra2: contact?.extra2 ?? '',
    extra3: contact?.extra3 ?? '',
    photo: contact?.photo ?? null,
    addresses: (contact?.addresses ?? []).map((address) => ({
      id: address.id,
      type: address.type ?? '',
      cep: formatCep(address.cep ?? ''),
      street: address.street ?? '',
      number: address.number ?? '',
      complement: address.complement ?? '',
      neighbourhood: address.neighbourhood ?? '',
      city: address.city ?? '',
      reference: address.reference ?? '',
      location: address.location ?? '',
      houseType: address.houseType ?? '',
      uf: address.uf ?? '',
    })),
  };
}

/** Whether two drafts hold the same values. */
export function sameInputs(a: ContactInputs, b: ContactInputs): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
