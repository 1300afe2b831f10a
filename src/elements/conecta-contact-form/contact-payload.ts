import { toE164, type CommandPayload, type ContactDraft } from '../../protocol/index.js';
import type { AddressInputs, ContactInputs } from './contact-inputs.js';
import type { CountryCode } from './phone.js';

const text = (value: string): string | null => value.trim() || null;

/**
 * A phone as the shared validation checks it: E.164 when the number is valid for its country, else
 * the digits as typed (which it then refuses), null when nothing is typed.
 */
function phoneOf(country: CountryCode, national: string): string | null {
  if (!national.trim()) return null;
  return toE164(country, national) ?? national.trim();
}

function addressOf({ id, ...fields }: AddressInputs): ContactDraft['addresses'][number] {
  const entries = Object.entries(fields).map(([field, value]) => [field, text(value)]);
  return { id, ...Object.fromEntries(entries) } as ContactDraft['addresses'][number];
}

/** The inputs as the shared validation (`contactProblems`) and `contact.save` read them. */
export function recordOf(inputs: ContactInputs): ContactDraft {
  return {
    name: inputs.name,
    email: text(inputs.email),
    phone: phoneOf(inputs.country, inputs.national),
    document: text(inputs.document),
    motherName: text(inputs.motherName),
    phone2: phoneOf(inputs.country2, inputs.national2),
    accountId: text(inputs.accountId),
    classification: text(inputs.classification),
    tagIds: inputs.tagIds,
    rg: text(inputs.rg),
    registration: text(inputs.registration),
    birthDate: text(inputs.birthDate),
    assignedAgentId: text(inputs.assignedAgentId),
    extra1: text(inputs.extra1),
    extra2: text(inputs.extra2),
    extra3: text(inputs.extra3),
    photoFileId: inputs.photo?.fileId ?? null,
    addresses: inputs.addresses.map(addressOf),
  };
}

/**
 * `contact.save`'s payload. Addresses left wholly empty are not sent; `addressIndex[n]` is the form's
 * index of the payload's address n, to put the server's errors on the right one. `version` is the
 * saved version the inputs were edited from (none for a new contact): the server refuses the save
 * with CONFLICT if another came first.
 */
export function contactPayload(
  id: string,
  inputs: ContactInputs,
  version?: number,
): { payload: CommandPayload<'contact.save'>; addressIndex: number[] } {
  const record = recordOf(inputs);
  const addressIndex: number[] = [];
  const addresses = record.addresses.filter((address, index) => {
    const { id: _, ...fields } = address;
    const started = Object.values(fields).some((value) => value !== null);
    if (started) addressIndex.push(index);
    return started;
  });
  const { name, email, phone, document, ...rest } = record;
  // The addresses' choices are checked (contactProblems) before anything is sent: only then are they the schema's picklists.
  const checked = addresses as CommandPayload<'contact.save'>['addresses'];
  // `active` has no rule to check, so the shared validation's draft leaves it out.
  return {
    payload: {
      id,
      ...(version === undefined ? {} : { version }),
      name,
      email,
      phone,
      document,
      ...rest,
      active: inputs.active,
      tagIds: [...record.tagIds],
      addresses: checked,
    },
    addressIndex,
  };
}

/** The validation's path of a field (`addresses.0.cep`) → the id of its input (`address-0-cep`). */
export function inputIdOf(path: string): string {
  if (path === 'photoFileId') return 'photo';
  return path.replace(/^addresses\.(\d+)\.(\w+)$/, 'address-$1-$2');
}

/** An input's id → the validation's path of its field. */
export function pathOf(id: string): string {
  if (id === 'photo') return 'photoFileId';
  return id.replace(/^address-(\d+)-(\w+)$/, 'addresses.$1.$2');
}
