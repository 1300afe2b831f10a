import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Translation } from '../../i18n/pt-BR.js';
import { ADDRESS_TYPES, BRAZILIAN_UFS, HOUSE_TYPES, MAX_CONTACT_ADDRESSES } from '../../protocol/index.js';
import type { AddressInputs, AddressField } from './contact-inputs.js';
import { describedBy, fieldLabel, textField, type FormView } from './form-view.js';
import { UF_NAMES } from './uf-names.js';

/** Where a CEP lookup of one address stands. */
export type CepLookup = { state: 'busy' } | { state: 'found' } | { state: 'not-found' } | { state: 'failed'; message: string };

export interface AddressesTabView extends FormView {
  /** The names of the address and house types. */
  choices: Translation['contactValidation'];
  setAddress(index: number, field: AddressField, value: string): void;
  addAddress(): void;
  removeAddress(index: number): void;
  findCep(index: number): void;
  cepLookup(address: AddressInputs): CepLookup | undefined;
  maskCep(value: string): string;
}

/** The input id of an address's field: errors and focus are keyed by it. */
export const addressFieldId = (index: number, field: AddressField) => `address-${index}-${field}`;

function selectField(
  view: AddressesTabView,
  index: number,
  field: 'type' | 'houseType' | 'uf',
  label: string,
  options: readonly { value: string; label: string }[],
): TemplateResult {
  const id = addressFieldId(index, field);
  const value = view.inputs.addresses[index]![field];
  return html`<div class="field" part="field">
    ${fieldLabel(view, id, label)}
    <select id=${id} name=${id} part="input" ?disabled=${view.disabled} aria-required=${view.required(id) ? 'true' : 'false'}
      aria-invalid=${view.hasError(id) ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(view, id))}
      @change=${(event: Event) => view.setAddress(index, field, (event.target as HTMLSelectElement).value)} @blur=${() => view.blur(id)}>
      <option value="" ?selected=${!value}>${field === 'uf' ? view.t.chooseUf : view.t.chooseOption}</option>
      ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
    </select>
    ${view.error(id)}
  </div>`;
}

function addressText(view: AddressesTabView, index: number, field: AddressField, label: string, autocomplete = 'off') {
  return textField(view, {
    id: addressFieldId(index, field),
    label,
    value: view.inputs.addresses[index]![field],
    autocomplete,
    onInput: (value) => view.setAddress(index, field, value),
  });
}

function cepStatus(view: AddressesTabView, lookup: CepLookup | undefined): TemplateResult | string {
  const t = view.t;
  if (!lookup) return '';
  if (lookup.state === 'busy') return html`<span class="spinner" aria-hidden="true"></span> ${t.findingCep}`;
  if (lookup.state === 'found') return t.cepFound;
  return lookup.state === 'not-found' ? t.cepNotFound : lookup.message;
}

function renderAddress(view: AddressesTabView, address: AddressInputs, index: number): TemplateResult {
  const t = view.t;
  const cepId = addressFieldId(index, 'cep');
  const lookup = view.cepLookup(address);
  const headingId = `address-${index}-heading`;
  return html`<section class="address" part="address" aria-labelledby=${headingId}>
    <div class="address-header">
      <h3 id=${headingId}>${t.addressHeading(index + 1)}</h3>
      <button type="button" class="link" part="remove-address" ?disabled=${view.disabled} @click=${() => view.removeAddress(index)}>
        ${t.removeAddress(index + 1)}
      </button>
    </div>
    <div class="columns">
      ${selectField(
        view,
        index,
        'type',
        t.addressType,
        ADDRESS_TYPES.map((type) => ({ value: type, label: view.choices.addressTypes[type] })),
      )}
      <div class="field" part="field">
        ${fieldLabel(view, cepId, t.cep)}
        <div class="cep-row">
          <input id=${cepId} name=${cepId} part="input" inputmode="numeric" autocomplete="postal-code" maxlength="9"
            ?disabled=${view.disabled} .value=${address.cep} aria-required=${view.required(cepId) ? 'true' : 'false'}
            aria-invalid=${view.hasError(cepId) ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(view, cepId))}
            @input=${(event: InputEvent) => view.setAddress(index, 'cep', view.maskCep((event.target as HTMLInputElement).value))}
            @blur=${() => view.blur(cepId)} />
          <button type="button" part="find-cep" ?disabled=${view.disabled || lookup?.state === 'busy'}
            aria-busy=${lookup?.state === 'busy' ? 'true' : 'false'} @click=${() => view.findCep(index)}>${t.findCep}</button>
        </div>
        <p class="cep-status" part="cep-status" role="status">${cepStatus(view, lookup)}</p>
        ${view.error(cepId)}
      </div>
    </div>
    ${addressText(view, index, 'street', t.street, 'address-line1')}
    <div class="columns">
      ${addressText(view, index, 'number', t.number)} ${addressText(view, index, 'complement', t.complement, 'address-line2')}
    </div>
    <div class="columns">
      ${addressText(view, index, 'neighbourhood', t.neighbourhood, 'address-level3')}
      ${addressText(view, index, 'city', t.city, 'address-level2')}
      ${selectField(
        view,
        index,
        'uf',
        t.uf,
        BRAZILIAN_UFS.map((uf) => ({ value: uf, label: `${uf} – ${UF_NAMES[uf]}` })),
      )}
    </div>
    <div class="columns">
      ${addressText(view, index, 'reference', t.reference)} ${addressText(view, index, 'location', t.location)}
      ${selectField(
        view,
        index,
        'houseType',
        t.houseType,
        HOUSE_TYPES.map((type) => ({ value: type, label: view.choices.houseTypes[type] })),
      )}
    </div>
  </section>`;
}

/** The "Endereços" tab: any number of addresses, each required only once started. */
export function renderAddressesTab(view: AddressesTabView): TemplateResult {
  const t = view.t;
  const addresses = view.inputs.addresses;
  return html`<p class="hint">${t.addressRule}</p>
    ${addresses.length ? nothing : html`<p class="empty">${t.addressesEmpty}</p>`}
    ${repeat(
      addresses,
      (address) => address.id,
      (address, index) => renderAddress(view, address, index),
    )}
    <div class="field add-address">
      <button type="button" id="addresses" part="add-address" ?disabled=${view.disabled || addresses.length >= MAX_CONTACT_ADDRESSES} ?data-invalid=${view.hasError('addresses')}
        aria-describedby=${ifDefined(describedBy(view, 'addresses'))} @click=${() => view.addAddress()}>${t.addAddress}</button>
      ${addresses.length >= MAX_CONTACT_ADDRESSES ? html`<p class="hint">${t.addressesMax(MAX_CONTACT_ADDRESSES)}</p>` : nothing}
      ${view.error('addresses')}
    </div>`;
}
