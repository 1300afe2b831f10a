import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { selectContact } from '../../client/selectors.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import {
  CONTACT_PHOTO_MAX_BYTES,
  CONTACT_PHOTO_TYPES,
  ConectaError,
  contactProblemOf,
  contactProblems,
  formatCep,
  formatDocument,
  localIsoDate,
  onlyDigits,
  REQUIRED_ADDRESS_FIELDS,
  type Contact,
  type ContactDuplicate,
  type ContactProblem,
  type ContactSettings,
} from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { underlinedTabStyles } from '../../styles/underlined-tabs.js';
import { formatFileSize } from '../transcript.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { addressFieldId, renderAddressesTab, type AddressesTabView, type CepLookup } from './addresses-tab.js';
import { contactFormStyles } from './conecta-contact-form.styles.js';
import { renderContactTab, type ContactTabView } from './contact-tab.js';
import { emptyAddress, inputsOf, sameInputs, type AddressField, type ContactInputs } from './contact-inputs.js';
import { contactPayload, inputIdOf, pathOf, recordOf } from './contact-payload.js';
import { ContactCancelEvent, ContactOpenEvent, ContactSavedEvent } from './events.js';
import type { FormView, PicklistOption } from './form-view.js';
import { callingCodeOptions, type CallingCodeOption } from './phone.js';
import { linkedChannels, renderSocialTab, type LinkedChannel, type SocialTabView } from './social-tab.js';
import { TagCombobox } from './tag-combobox.js';

const TABS = ['contact', 'addresses', 'social'] as const;
export type ContactFormTab = (typeof TABS)[number];
type Tab = ContactFormTab;

/**
 * A field's error, worded at render time in the current language: a problem of the shared validation
 * (ours or the server's INVALID_PAYLOAD), a value another contact already has, a photo we refused,
 * or the server's own words.
 */
type FieldError = { problem: ContactProblem } | { duplicate: ContactDuplicate } | { photo: 'type' | 'size' } | { server: string };

/** Which tab holds a field, by its input's id. */
const tabOf = (id: string): Tab => (id.startsWith('address') ? 'addresses' : 'contact');

/**
 * @summary Creates a contact (without `contact-id`) or edits one: the whole record in three tabs —
 * Contato (name, phones with their DDI, account and classification from the company's lists, CPF/CNPJ,
 * e-mail, birth date, assigned agent, photo, …; an account since deactivated or a classification no
 * longer listed stays, marked, until the agent changes it),
 * Endereços (any number of addresses, with a CEP lookup) and Redes sociais (the channels the contact
 * was served on, read only). Fields are checked as they are left and on save, with the same rules
 * as the server; which are required is the company's configuration. Inline by default; with
 * `dialog` it is a modal dialog opened by `show()` (or the `open` attribute).
 *
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`.
 * @event conecta-contact-saved - The contact was saved. `detail: {contact}`.
 * @event conecta-contact-cancel - The agent cancelled (Cancel, or Escape in a dialog): what was typed is dropped. `detail: {contactId}`.
 * @event conecta-contact-open - The agent asked to open the other contact that already has a phone, e-mail or CPF/CNPJ. Cancelable: by default the form switches to it. `detail: {contactId}`.
 *
 * @csspart base - The whole element.
 * @csspart dialog - The `<dialog>` around it, in `dialog` mode.
 * @csspart heading - "New contact" / "Edit contact" (left out with `without-heading`).
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart tab-panel - Each tab's panel.
 * @csspart form - The `<form>`.
 * @csspart field - Each field with its label and error.
 * @csspart input - Each text input and select.
 * @csspart field-error - A field's error message.
 * @csspart open-duplicate - The button that opens the other contact, in a duplicate's error.
 * @csspart photo - The contact's photo (or its empty frame).
 * @csspart photo-button - The label that chooses a photo.
 * @csspart address - Each address.
 * @csspart add-address - The "Add address" button.
 * @csspart remove-address - Each address's remove button.
 * @csspart find-cep - Each address's CEP lookup button.
 * @csspart cep-status - The lookup's progress and result.
 * @csspart channels - The list of linked channels (Social tab).
 * @csspart channel - Each linked channel.
 * @csspart tag-chips - The chosen tags; each is a `tag-chip` with a `remove-tag` button.
 * @csspart tag-input - The text box that filters the company's tags (a combobox); also an `input`.
 * @csspart tag-options - The tags that match what is typed (a listbox); each is a `tag-option`.
 * @csspart save-button - The Save button.
 * @csspart conflict - Says someone else saved the contact meanwhile (what was typed is kept), with the two ways on.
 * @csspart overwrite-button - In a conflict: saves what was typed over the other version.
 * @csspart reload-button - In a conflict: shows the saved version instead of what was typed.
 * @csspart reloaded - After the saved version was loaded: says so, with a way back to what was typed.
 * @csspart restore-button - Puts back what was typed before the saved version was loaded.
 * @csspart cancel-button - The Cancel button.
 * @csspart loading - The notice shown while an existing contact is being loaded (fields disabled meanwhile).
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown instead when the agent's sign-in ended (expired, revoked, deactivated) and could not be renewed.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaContactForm extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, spinnerStyles, underlinedTabStyles, contactFormStyles];

  /** The contact to edit; without it the form creates a new contact. */
  @property({ attribute: 'contact-id', reflect: true }) contactId = '';

  /** Leaves the heading out, for a container that shows its own (a dialog's title); the form is still named by it. */
  @property({ type: Boolean, attribute: 'without-heading', reflect: true }) withoutHeading = false;

  /** Shows the form in a modal `<dialog>` while `open`; saving or cancelling closes it. */
  @property({ type: Boolean, reflect: true }) dialog = false;

  /** In `dialog` mode: whether the dialog is shown (`show()` and `close()` set it). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The tab shown: `contact`, `addresses` or `social`. The agent's choice changes it; a page may open one. */
  @property({ reflect: true }) tab: ContactFormTab = 'contact';

  @state() private inputs: ContactInputs = inputsOf(undefined);
  @state() private errors: Partial<Record<string, FieldError>> = {};
  @state() private formError = '';
  /** Someone else saved the contact since it was loaded here: the save was refused, the inputs kept. */
  @state() private conflict = false;
  /** What was typed when the agent chose the saved version instead: kept, so it can be put back. */
  @state() private setAside: ContactInputs | null = null;
  @state() private saving = false;
  @state() private loading = false;
  @state() private savedAt = 0;
  @state() private settings: ContactSettings | null = null;
  @state() private photoUploading = false;
  @state() private cepLookups: Partial<Record<string, CepLookup>> = {};
  @state() private channels: { contactId: string; list: LinkedChannel[]; loading: boolean; error: string } | null = null;
  /** Typed since the last load or save: a contact changed elsewhere must not overwrite it. */
  #dirty = false;
  /** The saved version the inputs were taken from: a save says so, and is refused if another came first. */
  #editedVersion: number | undefined;
  #adopting = false;
  /** What was last loaded: a contact is fetched once per client, not on every render. */
  #loaded: { client: unknown; contactId: string } | null = null;
  /** Bumped by every load (and when there is nothing to load): only the latest may end the loading state. */
  #loadSeq = 0;
  #settingsFor: unknown = null;
  #catalogFor: unknown = null;
  #options: { locale: string; list: CallingCodeOption[] } | null = null;

  private readonly contact = new StoreSelection(this, (s) => selectContact(s, this.contactId));
  private readonly catalog = new StoreSelection(this, (s) => s.catalog);
  readonly #tagCombobox = new TagCombobox(this);

  readonly #tabFocus = new RovingFocusController({
    direction: 'horizontal',
    items: () => TABS.flatMap((tab) => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`) ?? []),
    activate: (index) => void this.#selectTab(TABS[index]!, true),
  });

  constructor() {
    super();
    this.clientController.subscribe(() => this.#load());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contactId') && this.#adopting) {
      this.#adopting = false; // a new contact just saved: the form now edits it, as it is
    } else if (changed.has('contactId')) {
      this.#reset();
      void this.#load();
    } else if (!this.#dirty && this.contact.value) {
      // The stored contact changed (loaded, or edited elsewhere) while nothing is typed here: show it.
      const fresh = inputsOf(this.contact.value);
      if (!sameInputs(fresh, this.inputs)) this.inputs = fresh;
      this.#editedVersion = this.contact.value.version;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog[part="dialog"]');
    if (dialog && this.open && !dialog.open) dialog.showModal();
    if (dialog && !this.open && dialog.open) dialog.close();
    if (this.tab === 'social') void this.#loadChannels();
  }

  /** Drop what was typed: the form shows the stored contact (or an empty one) again. */
  #reset(): void {
    this.#dirty = false;
    this.conflict = false;
    this.setAside = null;
    this.errors = {};
    this.formError = '';
    this.savedAt = 0;
    this.cepLookups = {};
    this.inputs = inputsOf(this.contact.value);
    this.#editedVersion = this.contact.value?.version;
  }

  async #load(): Promise<void> {
    const client = this.client;
    const contactId = this.contactId;
    if (client && this.#settingsFor !== client) {
      this.#settingsFor = client;
      // Without the company's settings only the name is marked required; the server still checks the rest.
      client.command('contact.settings', {}).then(
        (settings) => (this.settings = settings),
        () => undefined,
      );
    }
    if (client && this.#catalogFor !== client && !client.store.state.catalog) {
      this.#catalogFor = client;
      client.loadCatalog().catch(() => undefined); // without it the assigned agent and tags lists are empty
    }
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

  async #loadChannels(): Promise<void> {
    const client = this.client;
    const contactId = this.contactId;
    if (!client || !contactId || this.channels?.contactId === contactId) return;
    this.channels = { contactId, list: [], loading: true, error: '' };
    try {
      const { sessions } = await client.command('contact.history', { contactId, limit: 100 });
      if (this.channels?.contactId === contactId) this.channels = { contactId, list: linkedChannels(sessions), loading: false, error: '' };
    } catch (error) {
      if (this.channels?.contactId === contactId) this.channels = { contactId, list: [], loading: false, error: this.errorMessage(error) };
    }
  }

  /** In `dialog` mode: open the dialog. */
  show(): void {
    this.open = true;
  }

  /** In `dialog` mode: close the dialog (what was typed stays until the form is cancelled or reset). */
  close(): void {
    this.open = false;
  }

  /** Cancel: drop what was typed, tell the page, and close the dialog. */
  cancel(): void {
    this.#reset();
    this.open = false;
    this.dispatchEvent(new ContactCancelEvent({ contactId: this.contactId }));
  }

  async #selectTab(tab: Tab, focus = false): Promise<void> {
    this.tab = tab;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  #edit(change: (inputs: ContactInputs) => ContactInputs, id: string): void {
    this.#dirty = true;
    this.savedAt = 0;
    this.inputs = change(this.inputs);
    // A field marked wrong is re-checked as it is typed, so its error goes as soon as it is fixed.
    if (this.errors[id] && !('duplicate' in this.errors[id]!)) this.#check(id, true);
  }

  #problems(): Record<string, ContactProblem> {
    const saved = this.contact.value;
    const accounts = this.catalog.value?.accounts;
    const classifications = this.settings?.classifications;
    const problems = contactProblems(recordOf(this.inputs), {
      today: localIsoDate(new Date()),
      requiredFields: this.settings?.requiredFields ?? [],
      // The contact's own account and classification stay valid (the server keeps a value saved before
      // its list changed); any other must be on the lists. Lists not loaded yet: the server judges.
      accounts: accounts && [...accounts.filter((account) => account.active).map((account) => account.id), saved?.accountId ?? ''],
      classifications: classifications && [...classifications, saved?.classification ?? ''],
    });
    return Object.fromEntries(Object.entries(problems).map(([path, problem]) => [inputIdOf(path), problem]));
  }

  /** Check one field (when it is left): a missing value waits for the save, a wrong one shows now. */
  #check(id: string, force = false): void {
    const problem = this.#problems()[id];
    const { [id]: current, ...others } = this.errors;
    if (!problem) {
      if (current && !('photo' in current)) this.errors = others;
      return;
    }
    if (problem === 'required' && !force) return;
    this.errors = { ...others, [id]: { problem } };
  }

  #problemText(id: string, problem: ContactProblem): string {
    const t = this.localize.t;
    // The name has words of its own: it is the one field every contact must have.
    if (id === 'name' && problem === 'required') return t.contactForm.nameRequired;
    if (id === 'name' && problem === 'tooLong') return t.contactForm.nameTooLong;
    return t.contactValidation.problems[problem];
  }

  #renderError(id: string): TemplateResult | typeof nothing {
    const error = this.errors[id];
    if (!error) return nothing;
    const t = this.localize.t.contactForm;
    const body =
      'problem' in error
        ? this.#problemText(id, error.problem)
        : 'photo' in error
          ? error.photo === 'type'
            ? t.photoWrongType
            : t.photoTooLarge(this.#photoLimit())
          : 'server' in error
            ? error.server
            : html`${this.localize.t.contactValidation.duplicate(error.duplicate.contactName)}
              <button type="button" class="link" part="open-duplicate" @click=${() => this.#openOther(error.duplicate.contactId)}>
                ${t.openDuplicate(error.duplicate.contactName)}
              </button>`;
    return html`<p class="field-error" part="field-error" id="${id}-error">${body}</p>`;
  }

  #openOther(contactId: string): void {
    const event = new ContactOpenEvent({ contactId });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.contactId = contactId;
  }

  #photoLimit(): string {
    return formatFileSize(this.localize.locale, this.settings?.photo.maxBytes ?? CONTACT_PHOTO_MAX_BYTES);
  }

  async #choosePhoto(file: File): Promise<void> {
    const { types, maxBytes } = this.settings?.photo ?? { types: CONTACT_PHOTO_TYPES, maxBytes: CONTACT_PHOTO_MAX_BYTES };
    const { photo: _, ...others } = this.errors;
    const refused = !types.includes(file.type) ? 'type' : file.size > maxBytes ? 'size' : null;
    if (refused) {
      this.errors = { ...others, photo: { photo: refused } };
      return;
    }
    this.errors = others;
    const client = this.client;
    if (!client) return;
    this.photoUploading = true;
    try {
      const attachment = await client.uploadFile(file);
      this.#edit((inputs) => ({ ...inputs, photo: { fileId: attachment.id, url: attachment.url } }), 'photo');
    } catch (error) {
      this.errors = { ...this.errors, photo: { server: this.errorMessage(error) } };
    } finally {
      this.photoUploading = false;
    }
  }

  async #findCep(index: number): Promise<void> {
    const address = this.inputs.addresses[index];
    const client = this.client;
    if (!address || !client) return;
    const id = addressFieldId(index, 'cep');
    if (onlyDigits(address.cep).length !== 8) {
      this.errors = { ...this.errors, [id]: { problem: address.cep.trim() ? 'cep' : 'required' } };
      this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
      return;
    }
    const lookup = (state: CepLookup) => (this.cepLookups = { ...this.cepLookups, [address.id]: state });
    lookup({ state: 'busy' });
    try {
      const { address: found } = await client.command('contact.cep', { cep: onlyDigits(address.cep) });
      const at = this.inputs.addresses.findIndex((each) => each.id === address.id);
      if (at < 0) return;
      this.#edit(
        (inputs) => ({
          ...inputs,
          addresses: inputs.addresses.map((each) =>
            each.id === address.id
              ? {
                  ...each,
                  street: found.street ?? each.street,
                  neighbourhood: found.neighbourhood ?? each.neighbourhood,
                  city: found.city,
                  uf: found.uf,
                }
              : each,
          ),
        }),
        id,
      );
      for (const field of ['street', 'neighbourhood', 'city', 'uf'] as const) this.#check(addressFieldId(at, field));
      lookup({ state: 'found' });
    } catch (error) {
      const notFound = error instanceof ConectaError && error.code === 'NOT_FOUND';
      lookup(notFound ? { state: 'not-found' } : { state: 'failed', message: this.errorMessage(error) });
    }
  }

  /** Validate and save, as submitting the form does. Resolves with the saved contact, or null. */
  async save(): Promise<Contact | null> {
    const client = this.client;
    if (!client || this.saving || this.loading || this.photoUploading) return null;
    const problems = this.#problems();
    this.errors = Object.fromEntries(Object.entries(problems).map(([id, problem]) => [id, { problem }]));
    this.formError = '';
    if (Object.keys(problems).length) {
      this.formError = this.localize.t.contactForm.fixErrors(Object.keys(problems).length);
      await this.#focusFirstError();
      return null;
    }
    const editing = Boolean(this.contactId);
    const version = editing ? this.#editedVersion : undefined;
    const { payload, addressIndex } = contactPayload(this.contactId || crypto.randomUUID(), this.inputs, version);
    this.saving = true;
    this.conflict = false;
    try {
      const { contact } = await client.command('contact.save', payload);
      this.#dirty = false;
      this.setAside = null;
      this.#editedVersion = contact.version;
      this.savedAt = Date.now();
      this.#loaded = { client, contactId: contact.id };
      this.#adopting = this.contactId !== contact.id;
      this.contactId = contact.id;
      this.inputs = inputsOf(contact);
      this.dispatchEvent(new ContactSavedEvent({ contact }));
      if (this.dialog) this.open = false;
      return contact;
    } catch (error) {
      // Refused for its version (not a field's value): someone else saved this contact meanwhile.
      if (error instanceof ConectaError && error.code === 'CONFLICT' && error.fields?.version !== undefined) {
        await this.#showConflict(client);
        return null;
      }
      // Keep everything typed; show the server's per-field messages beside their fields, in our words
      // where they are the shared validation's.
      this.errors = this.#serverErrors(error, addressIndex);
      if (Object.keys(this.errors).length === 0) this.formError = this.errorMessage(error);
      this.saving = false; // the fields are enabled again before one of them takes focus
      await this.#focusFirstError();
      return null;
    } finally {
      this.saving = false;
    }
  }

  /**
   * Another save came first. Everything typed stays; the saved contact is fetched, so that "save over
   * it" names the version it replaces and "load the saved version" has it to show.
   */
  async #showConflict(client: NonNullable<typeof this.client>): Promise<void> {
    this.conflict = true;
    this.saving = false;
    try {
      await client.command('contact.get', { contactId: this.contactId });
    } catch {
      // Unreachable now: "save over it" then sends the version the store last heard of, and may conflict again.
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="overwrite-button"]')?.focus();
  }

  /** In a conflict: save what was typed over the version someone else saved. */
  async #overwrite(): Promise<void> {
    this.#editedVersion = this.contact.value?.version;
    await this.save();
  }

  /** In a conflict: show the saved version; what was typed is set aside, to be put back if wanted. */
  async #reloadSaved(): Promise<void> {
    const typed = this.inputs;
    this.#reset();
    this.setAside = typed;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
  }

  /** Put back what was typed before the saved version was loaded: saving it then replaces that version. */
  async #restoreTyped(): Promise<void> {
    if (!this.setAside) return;
    this.#edit(() => this.setAside!, 'name');
    this.setAside = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
  }

  #renderConflict(): TemplateResult {
    const t = this.localize.t.contactForm;
    return html`<div class="conflict" part="conflict" role="alert">
      <p>${t.conflict}</p>
      <div class="actions">
        <button type="button" part="overwrite-button" class="primary" ?disabled=${this.saving} @click=${() => void this.#overwrite()}>
          ${t.conflictOverwrite}
        </button>
        <button type="button" part="reload-button" ?disabled=${this.saving} @click=${() => void this.#reloadSaved()}>${t.conflictReload}</button>
      </div>
    </div>`;
  }

  #serverErrors(error: unknown, addressIndex: readonly number[]): Partial<Record<string, FieldError>> {
    if (!(error instanceof ConectaError)) return {};
    if (error.code === 'CONTACT_DUPLICATE' && error.duplicate) return { [error.duplicate.field]: { duplicate: error.duplicate } };
    const errors: Partial<Record<string, FieldError>> = {};
    for (const [path, message] of Object.entries(error.fields ?? {})) {
      // The payload leaves empty addresses out: its address n is the form's addressIndex[n].
      const formPath = path.replace(/^addresses\.(\d+)/, (_, n: string) => `addresses.${addressIndex[Number(n)] ?? n}`);
      const problem = error.code === 'INVALID_PAYLOAD' ? contactProblemOf(message) : null;
      errors[inputIdOf(formPath)] = problem ? { problem } : { server: message };
    }
    return errors;
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]');
    if (!first) return;
    const tab = tabOf(first.id);
    if (tab !== this.tab) {
      this.tab = tab;
      await this.updateComplete;
    }
    first.focus();
  }

  #callingCodes(): CallingCodeOption[] {
    const locale = this.localize.locale;
    if (this.#options?.locale !== locale) {
      this.#options = { locale, list: callingCodeOptions((code) => this.localize.region(code), locale) };
    }
    return this.#options.list;
  }

  #required(id: string): boolean {
    const path = pathOf(id);
    const address = /^addresses\.\d+\.(\w+)$/.exec(path);
    if (address) return (REQUIRED_ADDRESS_FIELDS as readonly string[]).includes(address[1]!);
    return path === 'name' || (this.settings?.requiredFields as readonly string[] | undefined)?.includes(path) === true;
  }

  #view(): FormView {
    return {
      t: this.localize.t.contactForm,
      inputs: this.inputs,
      disabled: this.loading || this.saving,
      required: (id) => this.#required(id),
      error: (id) => this.#renderError(id),
      hasError: (id) => Boolean(this.errors[id]),
      blur: (id) => this.#check(id),
    };
  }

  /** The active accounts, then the contact's saved or chosen one when it is not among them (inactive, or unknown), marked. */
  #accountOptions(): PicklistOption[] {
    const t = this.localize.t.contactForm;
    const accounts = this.catalog.value?.accounts ?? [];
    const offered = accounts.filter((account) => account.active).map((account) => ({ value: account.id, label: account.name }));
    const kept = [this.contact.value?.accountId, this.inputs.accountId].flatMap((id) =>
      id && !offered.some((option) => option.value === id) ? [id] : [],
    );
    return [
      ...offered,
      ...[...new Set(kept)].map((id) => {
        const account = accounts.find((each) => each.id === id);
        return { value: id, label: account ? t.accountInactive(account.name) : t.notListed(id) };
      }),
    ];
  }

  /** The company's classifications, then the contact's saved or chosen one when it is not listed, marked. */
  #classificationOptions(): PicklistOption[] {
    const t = this.localize.t.contactForm;
    const listed = this.settings?.classifications ?? [];
    const kept = [this.contact.value?.classification, this.inputs.classification].flatMap((value) =>
      value && !listed.includes(value) ? [value] : [],
    );
    return [
      ...listed.map((value) => ({ value, label: value })),
      ...[...new Set(kept)].map((value) => ({ value, label: t.notListed(value) })),
    ];
  }

  #contactView(): ContactTabView {
    const catalog = this.catalog.value;
    return {
      ...this.#view(),
      callingCodes: this.#callingCodes(),
      agents: catalog?.agents ?? [],
      accountOptions: this.#accountOptions(),
      classificationOptions: this.#classificationOptions(),
      renderTags: () =>
        this.#tagCombobox.render({
          ...this.#view(),
          tags: catalog?.tags ?? [],
          tagIds: () => this.inputs.tagIds,
          setTags: (ids) => this.#edit((inputs) => ({ ...inputs, tagIds: ids }), 'tagIds'),
        }),
      set: (field, value) =>
        this.#edit((inputs) => ({ ...inputs, [field]: value }), field === 'national' ? 'phone' : field === 'national2' ? 'phone2' : field),
      maskDocument: formatDocument,
      photoTypes: this.settings?.photo.types ?? CONTACT_PHOTO_TYPES,
      photoUrl: this.inputs.photo ? (this.client?.fileUrl(this.inputs.photo) ?? this.inputs.photo.url) : null,
      photoLimit: this.#photoLimit(),
      photoUploading: this.photoUploading,
      choosePhoto: (file) => void this.#choosePhoto(file),
      removePhoto: () => this.#edit((inputs) => ({ ...inputs, photo: null }), 'photo'),
    };
  }

  #addressesView(): AddressesTabView {
    return {
      ...this.#view(),
      choices: this.localize.t.contactValidation,
      setAddress: (index: number, field: AddressField, value: string) =>
        this.#edit(
          (inputs) => ({ ...inputs, addresses: inputs.addresses.map((each, at) => (at === index ? { ...each, [field]: value } : each)) }),
          addressFieldId(index, field),
        ),
      addAddress: () => {
        this.#edit((inputs) => ({ ...inputs, addresses: [...inputs.addresses, emptyAddress()] }), 'addresses');
        const index = this.inputs.addresses.length - 1;
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${addressFieldId(index, 'type')}`)?.focus());
      },
      removeAddress: (index: number) => {
        // Errors are keyed by position: those of the addresses after it would point at the wrong one.
        this.errors = Object.fromEntries(Object.entries(this.errors).filter(([id]) => !id.startsWith('address-')));
        this.#edit((inputs) => ({ ...inputs, addresses: inputs.addresses.filter((_, at) => at !== index) }), 'addresses');
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="add-address"]')?.focus());
      },
      findCep: (index) => void this.#findCep(index),
      cepLookup: (address) => this.cepLookups[address.id],
      maskCep: formatCep,
    };
  }

  #socialView(): SocialTabView {
    const channels = this.channels?.contactId === this.contactId ? this.channels : null;
    return {
      ...this.#view(),
      isNew: !this.contactId,
      channels: channels ?? { list: [], loading: true, error: '' },
      channelName: (kind) => this.localize.t.channels[kind],
      dateTime: (timestamp) => this.localize.dateTime(timestamp),
      loadingText: this.localize.t.common.loading,
    };
  }

  #renderTabs(): TemplateResult {
    const t = this.localize.t.contactForm;
    const labels: Record<Tab, string> = { contact: t.tabContact, addresses: t.tabAddresses, social: t.tabSocial };
    const panels: Record<Tab, () => TemplateResult> = {
      contact: () => renderContactTab(this.#contactView()),
      addresses: () => renderAddressesTab(this.#addressesView()),
      social: () => renderSocialTab(this.#socialView()),
    };
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${t.tabsLabel} @keydown=${this.#tabFocus.onKeydown}>
        ${TABS.map(
          (tab) => html`<button type="button" role="tab" part="tab" id="tab-${tab}" aria-selected=${tab === this.tab ? 'true' : 'false'}
            aria-controls="panel-${tab}" tabindex=${tab === this.tab ? '0' : '-1'} @click=${() => void this.#selectTab(tab)}>
            ${labels[tab]}
          </button>`,
        )}
      </div>
      ${TABS.map(
        // Every panel stays rendered (hidden when not selected): a field with an error can be found and shown.
        // The social panel may hold nothing focusable: it takes the focus itself, so Tab reaches what it says.
        (tab) => html`<div role="tabpanel" part="tab-panel" class="panel" id="panel-${tab}" aria-labelledby="tab-${tab}"
          tabindex=${tab === 'social' ? '0' : nothing} ?hidden=${tab !== this.tab}>
          ${tab === 'social' && tab !== this.tab ? nothing : panels[tab]()}
        </div>`,
      )}`;
  }

  #renderForm(): TemplateResult {
    const t = this.localize.t.contactForm;
    const editing = Boolean(this.contactId);
    const loading = this.loading;
    const title = editing ? t.titleEdit : t.titleNew;
    const labelled = this.withoutHeading ? { label: title, by: undefined } : { label: undefined, by: 'title' };
    return html`<section part="base" aria-labelledby=${labelled.by ?? nothing} aria-label=${labelled.label ?? nothing}
      aria-busy=${loading ? 'true' : 'false'}>
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
        <p class="hint">${t.requiredNote}</p>
        ${this.#renderTabs()}
        ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
        ${this.conflict ? this.#renderConflict() : nothing}
        ${
          this.setAside
            ? html`<p class="reloaded" part="reloaded" role="status">${t.conflictReloaded}
              <button type="button" class="link" part="restore-button" @click=${() => void this.#restoreTyped()}>${t.conflictRestore}</button></p>`
            : nothing
        }
        <div class="actions">
          <button part="save-button" class="primary" type="submit" ?disabled=${this.saving || loading || this.photoUploading || !this.client}
            aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? html`<span class="spinner" aria-hidden="true"></span> ${t.saving}` : t.save}
          </button>
          <button part="cancel-button" type="button" ?disabled=${this.saving} @click=${() => this.cancel()}>${t.cancel}</button>
          <span class="saved" role="status">${this.savedAt ? t.saved : nothing}</span>
        </div>
      </form>
    </section>`;
  }

  protected override render() {
    if (!this.dialog) return this.#renderForm();
    const t = this.localize.t.contactForm;
    return html`<dialog part="dialog" aria-label=${this.contactId ? t.titleEdit : t.titleNew}
      @cancel=${(event: Event) => {
        event.preventDefault(); // Escape cancels, as the Cancel button does
        this.cancel();
      }}
      @close=${() => (this.open = false)}>
      ${this.open ? this.#renderForm() : nothing}
    </dialog>`;
  }
}

define('conecta-contact-form', ConectaContactForm);

export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'conecta-contact-form': ConectaContactForm;
  }
}
