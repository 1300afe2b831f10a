import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AgentSummary } from '../../protocol/index.js';
import type { ContactInputs, ContactTextField } from './contact-inputs.js';
import { describedBy, fieldLabel, picklistField, textField, type FormView, type PicklistOption } from './form-view.js';
import type { CallingCodeOption } from './phone.js';

export interface ContactTabView extends FormView {
  callingCodes: CallingCodeOption[];
  agents: readonly AgentSummary[];
  /** The accounts offered (the active ones), and the contact's own when it is not one of them, marked. */
  accountOptions: readonly PicklistOption[];
  /** The company's classifications, and the contact's own when it is not listed, marked. */
  classificationOptions: readonly PicklistOption[];
  /** The tags field (a combobox with state of its own, kept by the form). */
  renderTags(): TemplateResult | typeof nothing;
  set<K extends keyof ContactInputs>(field: K, value: ContactInputs[K]): void;
  /** CPF/CNPJ as typed → as shown (punctuated while typed). */
  maskDocument(value: string): string;
  /** The photo's types (MIME) and largest size, for people ("2 MB"). */
  photoTypes: readonly string[];
  /** Where the chosen or saved photo is shown from. */
  photoUrl: string | null;
  photoLimit: string;
  photoUploading: boolean;
  choosePhoto(file: File): void;
  removePhoto(): void;
}

function phoneField(view: ContactTabView, which: 1 | 2): TemplateResult {
  const { t, inputs } = view;
  const [countryKey, nationalKey, id] =
    which === 1 ? (['country', 'national', 'phone'] as const) : (['country2', 'national2', 'phone2'] as const);
  const hint = which === 2 ? t.phone2Hint : undefined;
  return html`<fieldset class="field" part="field" aria-describedby=${ifDefined(hint ? `${id}-hint` : undefined)}>
    <legend>${which === 1 ? t.phone : t.phone2}${view.required(id) ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</legend>
    <div class="phone-row">
      <label class="visually-hidden" for=${countryKey}>${which === 1 ? t.countryCode : t.countryCode2}</label>
      <select id=${countryKey} name=${countryKey} part="input" autocomplete=${which === 1 ? 'tel-country-code' : 'off'}
        ?disabled=${view.disabled} @change=${(event: Event) => view.set(countryKey, (event.target as HTMLSelectElement).value as ContactInputs['country'])}>
        ${repeat(
          view.callingCodes,
          (option) => option.country,
          (option) => html`<option value=${option.country} ?selected=${option.country === inputs[countryKey]}>${option.label}</option>`,
        )}
      </select>
      <label class="visually-hidden" for=${id}>${which === 1 ? t.nationalNumber : t.nationalNumber2}</label>
      <input id=${id} name=${id} type="tel" part="input" autocomplete=${which === 1 ? 'tel-national' : 'off'} ?disabled=${view.disabled}
        .value=${inputs[nationalKey]} aria-required=${view.required(id) ? 'true' : 'false'} aria-invalid=${view.hasError(id) ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(view, id, hint))}
        @input=${(event: InputEvent) => view.set(nationalKey, (event.target as HTMLInputElement).value)} @blur=${() => view.blur(id)} />
    </div>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${view.error(id)}
  </fieldset>`;
}

function plainField(view: ContactTabView, field: ContactTextField, label: string, extra: { autocomplete?: string; type?: string } = {}) {
  return textField(view, {
    id: field,
    label,
    value: view.inputs[field],
    onInput: (value) => view.set(field, value),
    ...extra,
  });
}

function photoField(view: ContactTabView): TemplateResult {
  const { t, inputs } = view;
  return html`<div class="field photo-field" part="field">
    <span class="label" id="photo-label">${t.photo}${view.required('photo') ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</span>
    <div class="photo-row">
      ${
        view.photoUrl
          ? html`<img part="photo" class="photo" src=${view.photoUrl} alt=${t.photoOf(inputs.name.trim())} />`
          : html`<span part="photo" class="photo empty" aria-hidden="true"></span>`
      }
      <label class="file-button" part="photo-button">
        ${t.photoChoose}
        <input id="photo" name="photo" type="file" class="visually-hidden" accept=${view.photoTypes.join(',')} ?disabled=${view.disabled || view.photoUploading}
          aria-invalid=${view.hasError('photo') ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(view, 'photo', t.photoHint(view.photoLimit)))}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = ''; // choosing the same file again must fire change again
            if (file) view.choosePhoto(file);
          }} />
      </label>
      ${inputs.photo ? html`<button type="button" class="link" ?disabled=${view.disabled} @click=${() => view.removePhoto()}>${t.photoRemove}</button>` : nothing}
    </div>
    <p class="hint" id="photo-hint">${t.photoHint(view.photoLimit)}</p>
    <p class="status" role="status">${view.photoUploading ? html`<span class="spinner" aria-hidden="true"></span> ${t.photoUploading}` : nothing}</p>
    ${view.error('photo')}
  </div>`;
}

/** The "Contato" tab: the record's own fields. */
export function renderContactTab(view: ContactTabView): TemplateResult {
  const { t, inputs } = view;
  return html`
    ${plainField(view, 'name', t.name, { autocomplete: 'name' })} ${plainField(view, 'motherName', t.motherName)}
    ${phoneField(view, 1)} ${phoneField(view, 2)}
    <div class="field check-field" part="field">
      <label class="check"><input type="checkbox" id="active" name="active" ?disabled=${view.disabled} .checked=${inputs.active}
        @change=${(event: Event) => view.set('active', (event.target as HTMLInputElement).checked)} />${t.active}</label>
    </div>
    <div class="columns">
      ${picklistField(view, {
        id: 'accountId',
        label: t.account,
        value: inputs.accountId,
        noneLabel: t.noAccount,
        options: view.accountOptions,
        onChange: (value) => view.set('accountId', value),
      })}
      ${picklistField(view, {
        id: 'classification',
        label: t.classification,
        value: inputs.classification,
        noneLabel: t.noClassification,
        options: view.classificationOptions,
        onChange: (value) => view.set('classification', value),
      })}
    </div>
    ${view.renderTags()}
    <div class="columns">
      ${textField(view, {
        id: 'document',
        label: t.document,
        value: inputs.document,
        inputmode: 'numeric',
        maxlength: 18,
        onInput: (value) => view.set('document', view.maskDocument(value)),
      })}
      ${plainField(view, 'rg', t.rg)} ${plainField(view, 'registration', t.registration)}
    </div>
    ${plainField(view, 'email', t.email, { autocomplete: 'email', type: 'email' })}
    <div class="columns">
      ${plainField(view, 'birthDate', t.birthDate, { type: 'date', autocomplete: 'bday' })}
      <div class="field" part="field">
        ${fieldLabel(view, 'assignedAgentId', t.assignedAgent)}
        <select id="assignedAgentId" name="assignedAgentId" part="input" ?disabled=${view.disabled}
          aria-invalid=${view.hasError('assignedAgentId') ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(view, 'assignedAgentId'))}
          @change=${(event: Event) => view.set('assignedAgentId', (event.target as HTMLSelectElement).value)} @blur=${() => view.blur('assignedAgentId')}>
          <option value="" ?selected=${!inputs.assignedAgentId}>${t.noAssignedAgent}</option>
          ${repeat(
            view.agents,
            (agent) => agent.id,
            // dir="auto": a name is data, and a right-to-left override typed into one must not reorder the list.
            (agent) => html`<option value=${agent.id} dir="auto" ?selected=${agent.id === inputs.assignedAgentId}>${agent.name}</option>`,
          )}
        </select>
        ${view.error('assignedAgentId')}
      </div>
    </div>
    <div class="columns">
      ${plainField(view, 'extra1', t.extra(1))} ${plainField(view, 'extra2', t.extra(2))} ${plainField(view, 'extra3', t.extra(3))}
    </div>
    ${photoField(view)}
  `;
}
