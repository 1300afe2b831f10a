import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { selectContact } from '../../client/selectors.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { ConectaError, parseCommand, type Contact } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { contactFormStyles } from './conecta-contact-form.styles.js';
import { ContactSavedEvent } from './events.js';
import type { CallingCodeOption, CountryCode } from './phone.js';
import { DEFAULT_COUNTRY, loadedPhone, loadPhone } from './phone-loader.js';

type Field = 'name' | 'email' | 'phone' | 'document';
const FIELDS: readonly Field[] = ['name', 'email', 'phone', 'document'];

/** `local`: our validation's wording (also for the server's INVALID_PAYLOAD); `taken`: the e-mail belongs to
 * another contact; else the server's own message. Worded at render time, in the current language. */
type FieldError = 'local' | 'taken' | { server: string };

interface Draft {
  name: string;
  email: string;
  country: CountryCode;
  national: string;
  /** CPF or CNPJ as typed: digits, with or without punctuation. */
  document: string;
}

const draftOf = (contact: Contact | undefined): Draft => ({
  name: contact?.name ?? '',
  email: contact?.email ?? '',
  document: contact?.document ?? '',
  // Before the phone helpers load there is no contact to show yet (see `scheduleUpdate`).
  ...(loadedPhone()?.fromE164(contact?.phone ?? null) ?? { country: DEFAULT_COUNTRY, national: '' }),
});

/**
 * @summary Creates a contact (without `contact-id`) or edits one: name, e-mail, phone with the
 * country calling code (DDI) and CPF/CNPJ, validated before sending and shown with the server's field errors.
 *
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`.
 * @event conecta-contact-saved - The contact was saved. `detail: {contact}`.
 *
 * @csspart base - The whole element.
 * @csspart heading - "New contact" / "Edit contact" (left out with `without-heading`).
 * @csspart form - The `<form>`.
 * @csspart field - Each field with its label and error.
 * @csspart input - Each text input and the DDI select.
 * @csspart field-error - A field's error message.
 * @csspart save-button - The Save button.
 * @csspart loading - The notice shown while an existing contact is being loaded (fields disabled meanwhile).
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown instead when the agent's sign-in ended (expired, revoked, deactivated) and could not be renewed.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaContactForm extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, spinnerStyles, contactFormStyles];

  /** The contact to edit; without it the form creates a new contact. */
  @property({ attribute: 'contact-id', reflect: true }) contactId = '';

  /** Leaves the heading out, for a container that shows its own (a dialog's title); the form is still named by it. */
  @property({ type: Boolean, attribute: 'without-heading', reflect: true }) withoutHeading = false;

  @state() private draft: Draft = draftOf(undefined);
  @state() private errors: Partial<Record<Field, FieldError>> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private loading = false;
  @state() private savedAt = 0;
  /** Typed since the last load or save: a contact changed elsewhere must not overwrite it. */
  #dirty = false;
  #adopting = false;
  /** What was last loaded: a contact is fetched once per client, not on every render. */
  #loaded: { client: unknown; contactId: string } | null = null;
  /** Bumped by every load (and when there is nothing to load): only the latest may end the loading state. */
  #loadSeq = 0;
  #options: { locale: string; list: CallingCodeOption[] } | null = null;

  private readonly contact = new StoreSelection(this, (s) => selectContact(s, this.contactId));

  constructor() {
    super();
    this.clientController.subscribe(() => this.#load());
  }

  // The phone helpers are a chunk of their own: the form renders once they are here.
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (loadedPhone()) return super.scheduleUpdate();
    return loadPhone().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contactId') && this.#adopting) {
      this.#adopting = false; // a new contact just saved: the form now edits it, as it is
    } else if (changed.has('contactId')) {
      this.#dirty = false;
      this.errors = {};
      this.formError = '';
      this.savedAt = 0;
      this.draft = draftOf(this.contact.value);
      void this.#load();
    } else if (!this.#dirty && this.contact.value) {
      // The stored contact changed (loaded, or edited elsewhere) while nothing is typed here: show it.
      const fresh = draftOf(this.contact.value);
      if (JSON.stringify(fresh) !== JSON.stringify(this.draft)) this.draft = fresh;
    }
  }

  async #load(): Promise<void> {
    const client = this.client;
    const contactId = this.contactId;
    if (!client || !contactId) {
      // Nothing to load (a new contact, or no client): a load still in flight must not keep the form disabled.
      this.#loaded = null;
      this.#loadSeq++;
      this.loading = false;
      return;
    }
    if (this.#loaded?.client === client && this.#loaded.contactId === contactId) return;
    this.#loaded = { client, contactId };
    const seq = ++this.#loadSeq;
    // The fields stay disabled until the contact arrives: typing now would be lost or overwritten.
    this.loading = true;
    try {
      await client.command('contact.get', { contactId });
    } catch (error) {
      if (seq === this.#loadSeq) this.formError = this.errorMessage(error);
    } finally {
      if (seq === this.#loadSeq) this.loading = false;
    }
  }

  #set(field: keyof Draft, value: string): void {
    this.#dirty = true;
    this.savedAt = 0;
    this.draft = { ...this.draft, [field]: value };
  }

  #localError(field: Field): string {
    const t = this.localize.t.contactForm;
    if (field === 'name') return this.draft.name.trim() ? t.nameTooLong : t.nameRequired;
    if (field === 'document') return t.documentInvalid;
    return field === 'email' ? t.emailInvalid : t.phoneInvalid;
  }

  /** Validate and save, as submitting the form does. Resolves with the saved contact, or null. */
  async save(): Promise<Contact | null> {
    const { toE164 } = loadedPhone() ?? (await loadPhone());
    const client = this.client;
    if (!client || this.saving || this.loading) return null;
    const { name, email, country, national, document } = this.draft;
    const errors: Partial<Record<Field, 'local'>> = {};
    const phone = national.trim() ? toE164(country, national) : null;
    if (national.trim() && !phone) errors.phone = 'local';
    const payload = {
      id: this.contactId || crypto.randomUUID(),
      name,
      email: email.trim() || null,
      phone,
      document: document.trim() || null,
    };
    const parsed = parseCommand('contact.save', payload);
    if (!parsed.ok) {
      for (const field of FIELDS) if (parsed.fields[field]) errors[field] = 'local';
    }
    this.errors = errors;
    this.formError = '';
    if (Object.keys(errors).length) {
      await this.#focusFirstError();
      return null;
    }
    this.saving = true;
    try {
      const { contact } = await client.command('contact.save', payload);
      this.#dirty = false;
      this.savedAt = Date.now();
      this.#loaded = { client, contactId: contact.id };
      this.#adopting = this.contactId !== contact.id;
      this.contactId = contact.id;
      this.dispatchEvent(new ContactSavedEvent({ contact }));
      return contact;
    } catch (error) {
      // Keep everything typed; show the server's per-field messages beside their fields, in our words
      // where we know what they mean.
      const code = error instanceof ConectaError ? error.code : undefined;
      const fields = error instanceof ConectaError ? (error.fields ?? {}) : {};
      const serverErrors: Partial<Record<Field, FieldError>> = {};
      for (const field of FIELDS) {
        if (!fields[field]) continue;
        if (code === 'INVALID_PAYLOAD') serverErrors[field] = 'local';
        else if (code === 'CONFLICT' && field === 'email') serverErrors[field] = 'taken';
        else serverErrors[field] = { server: fields[field] };
      }
      this.errors = serverErrors;
      if (Object.keys(serverErrors).length === 0) this.formError = this.errorMessage(error);
      await this.#focusFirstError();
      return null;
    } finally {
      this.saving = false;
    }
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  #callingCodes(): CallingCodeOption[] {
    const locale = this.localize.locale;
    if (this.#options?.locale !== locale) {
      // Called from render, which waits for the phone helpers (see `scheduleUpdate`).
      this.#options = { locale, list: loadedPhone()!.callingCodeOptions((code) => this.localize.region(code), locale) };
    }
    return this.#options.list;
  }

  #renderError(field: Field) {
    const error = this.errors[field];
    const message =
      error === 'local' ? this.#localError(field) : error === 'taken' ? this.localize.t.contactForm.emailTaken : error?.server;
    return message ? html`<p class="field-error" part="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  #invalid(field: Field) {
    return this.errors[field] ? 'true' : 'false';
  }

  #describedBy(field: Field) {
    return this.errors[field] ? `${field}-error` : nothing;
  }

  protected override render() {
    const t = this.localize.t.contactForm;
    const draft = this.draft;
    const editing = Boolean(this.contactId);
    const loading = this.loading;
    const title = editing ? t.titleEdit : t.titleNew;
    return html`<section part="base" aria-labelledby=${this.withoutHeading ? nothing : 'title'}
      aria-label=${this.withoutHeading ? title : nothing} aria-busy=${loading ? 'true' : 'false'}>
      ${this.renderConnection()} ${this.withoutHeading ? nothing : html`<h2 id="title" part="heading">${title}</h2>`}
      ${
        loading
          ? html`<p class="loading" part="loading" role="status">
            <span class="spinner" aria-hidden="true"></span> ${this.localize.t.common.loading}
          </p>`
          : nothing
      }
      <form part="form" novalidate @submit=${(event: Event) => {
        event.preventDefault();
        void this.save();
      }}>
        <div class="field" part="field">
          <label for="name">${t.name}</label>
          <input id="name" name="name" part="input" autocomplete="name" aria-required="true" ?disabled=${loading}
            .value=${draft.name} aria-invalid=${this.#invalid('name')} aria-describedby=${this.#describedBy('name')}
            @input=${(event: InputEvent) => this.#set('name', (event.target as HTMLInputElement).value)} />
          ${this.#renderError('name')}
        </div>
        <div class="field" part="field">
          <label for="email">${t.email}</label>
          <input id="email" name="email" type="email" part="input" autocomplete="email" ?disabled=${loading}
            .value=${draft.email} aria-invalid=${this.#invalid('email')} aria-describedby=${this.#describedBy('email')}
            @input=${(event: InputEvent) => this.#set('email', (event.target as HTMLInputElement).value)} />
          ${this.#renderError('email')}
        </div>
        <fieldset class="field" part="field">
          <legend>${t.phone}</legend>
          <div class="phone-row">
            <label class="visually-hidden" for="country">${t.countryCode}</label>
            <select id="country" name="country" part="input" autocomplete="tel-country-code" ?disabled=${loading}
              @change=${(event: Event) => this.#set('country', (event.target as HTMLSelectElement).value)}>
              ${repeat(
                this.#callingCodes(),
                (option) => option.country,
                (option) =>
                  html`<option value=${option.country} ?selected=${option.country === (draft.country || DEFAULT_COUNTRY)}>${option.label}</option>`,
              )}
            </select>
            <label class="visually-hidden" for="phone">${t.nationalNumber}</label>
            <input id="phone" name="phone" type="tel" part="input" autocomplete="tel-national" ?disabled=${loading}
              .value=${draft.national} aria-invalid=${this.#invalid('phone')} aria-describedby=${this.#describedBy('phone')}
              @input=${(event: InputEvent) => this.#set('national', (event.target as HTMLInputElement).value)} />
          </div>
          ${this.#renderError('phone')}
        </fieldset>
        <div class="field" part="field">
          <label for="document">${t.document}</label>
          <input id="document" name="document" part="input" inputmode="numeric" autocomplete="off" ?disabled=${loading}
            .value=${draft.document} aria-invalid=${this.#invalid('document')} aria-describedby=${this.#describedBy('document')}
            @input=${(event: InputEvent) => this.#set('document', (event.target as HTMLInputElement).value)} />
          ${this.#renderError('document')}
        </div>
        ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
        <div class="actions">
          <button part="save-button" class="primary" type="submit" ?disabled=${this.saving || loading || !this.client}
            aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? html`<span class="spinner" aria-hidden="true"></span> ${t.saving}` : t.save}
          </button>
          <span class="saved" role="status">${this.savedAt ? t.saved : nothing}</span>
        </div>
      </form>
    </section>`;
  }
}

define('conecta-contact-form', ConectaContactForm);

export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'conecta-contact-form': ConectaContactForm;
  }
}
