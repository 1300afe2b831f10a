import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Translation } from '../../i18n/pt-BR.js';
import type { ContactInputs } from './contact-inputs.js';

/** What the form's tabs read from the element and tell it: one contract for the three panels. */
export interface FormView {
  t: Translation['contactForm'];
  inputs: ContactInputs;
  /** The form waits for the contact, or is saving: every control is disabled meanwhile. */
  disabled: boolean;
  /** Whether a field (by its input's id) must be filled. */
  required(id: string): boolean;
  /** The field's error, ready to show (its message, and a way to the other contact for a duplicate). */
  error(id: string): TemplateResult | typeof nothing;
  hasError(id: string): boolean;
  /** Re-check one field when it loses focus. */
  blur(id: string): void;
}

interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  /** A sentence below the field; read with it (aria-describedby). */
  hint?: string;
}

/** The attributes that tie a control to its error and hint. */
export function describedBy(view: FormView, id: string, hint?: string): string | undefined {
  const ids = [view.hasError(id) ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** A label with the required mark, when the field is required. */
export function fieldLabel(view: FormView, id: string, label: string): TemplateResult {
  return html`<label for=${id}>${label}${view.required(id) ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>`;
}

/** One text field: its label (marked when required), input, hint and error. */
export function textField(view: FormView, options: TextFieldOptions): TemplateResult {
  const { id, label, value, onInput, type = 'text', autocomplete = 'off', inputmode, maxlength, hint } = options;
  return html`<div class="field" part="field">
    ${fieldLabel(view, id, label)}
    <input id=${id} name=${id} type=${type} part="input" autocomplete=${autocomplete} inputmode=${ifDefined(inputmode)}
      maxlength=${ifDefined(maxlength)} ?disabled=${view.disabled} .value=${value}
      aria-required=${view.required(id) ? 'true' : 'false'} aria-invalid=${view.hasError(id) ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(view, id, hint))}
      @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)} @blur=${() => view.blur(id)} />
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${view.error(id)}
  </div>`;
}

/** One choice of a picklist: what is saved, and what the agent reads. */
export interface PicklistOption {
  value: string;
  label: string;
}

interface PicklistFieldOptions {
  id: string;
  label: string;
  value: string;
  /** The first option, for "none" (the empty value). */
  noneLabel: string;
  options: readonly PicklistOption[];
  onChange: (value: string) => void;
}

/** One select from a list the company configures, with "none" first: its label (marked when required) and error. */
export function picklistField(view: FormView, options: PicklistFieldOptions): TemplateResult {
  const { id, label, value, noneLabel, onChange } = options;
  return html`<div class="field" part="field">
    ${fieldLabel(view, id, label)}
    <select id=${id} name=${id} part="input" ?disabled=${view.disabled}
      aria-required=${view.required(id) ? 'true' : 'false'} aria-invalid=${view.hasError(id) ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(view, id))}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)} @blur=${() => view.blur(id)}>
      <option value="" ?selected=${!value}>${noneLabel}</option>
      ${repeat(
        options.options,
        (option) => option.value,
        // dir="auto": a name is data, and a right-to-left override typed into one must not reorder the list.
        (option) => html`<option value=${option.value} dir="auto" ?selected=${option.value === value}>${option.label}</option>`,
      )}
    </select>
    ${view.error(id)}
  </div>`;
}
