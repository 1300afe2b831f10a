import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import history from 'lucide/dist/esm/icons/rotate-ccw-clock.mjs';
import messageSquarePlus from 'lucide/dist/esm/icons/message-square-plus.mjs';
import searchX from 'lucide/dist/esm/icons/search-x.mjs';
import userPlus from 'lucide/dist/esm/icons/user-plus.mjs';
import users from 'lucide/dist/esm/icons/users.mjs';
import x from 'lucide/dist/esm/icons/x.mjs';
import { CommandController } from '../../controllers/command.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { icon } from '../../icons/icon.js';
import { CHANNEL_KINDS, formatDocument, type ChannelKind, type Contact } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import '../conecta-contact-form/conecta-contact-form.js';
import '../conecta-contact-history/conecta-contact-history.js';
import '../conecta-start-conversation/conecta-start-conversation.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { contactsStyles } from './conecta-contacts.styles.js';
import { ContactRequestEvent, type ContactAction } from './events.js';

/** Contacts asked for per page. */
const PAGE_SIZE = 50;
/** Past this many rows the list is virtualized: only the rows in view are in the DOM. */
const VIRTUALIZE_FROM = 200;
/** Typing waits this long before searching: one request per pause, not per key. */
const SEARCH_DELAY_MS = 300;
/** The next page loads when the list is scrolled this close (px) to its end. */
const LOAD_MORE_WITHIN_PX = 200;

interface Page {
  contacts: Contact[];
  next: string | null;
}

/**
 * @summary The contact directory: every contact of the company, searched on the server by name,
 * CPF/CNPJ, phone or e-mail and filtered by channel and customer account, paged as the list scrolls; each contact opens
 * to edit (`<conecta-contact-form>`), shows its history (`<conecta-contact-history>`) or starts a
 * conversation (`<conecta-start-conversation>`), in a dialog; "Adicionar contato" creates one.
 *
 * Keyboard: the list has one tab stop (the current contact's buttons); ArrowUp/ArrowDown, Home/End
 * and PageUp/PageDown move between contacts, ArrowLeft/ArrowRight between a contact's buttons. Past
 * 200 contacts the list is virtualized. Each request fires the cancelable `conecta-contact-request`
 * first: cancel it to open your own screen instead of the dialog.
 *
 * @event conecta-contact-request - The agent asked to add, edit, see the history of, or start a conversation with a contact (cancelable). `detail: {action, contact}`.
 * @event conecta-contact-saved - From the form in the dialog: a contact was created or edited. `detail: {contact}`.
 * @event conecta-conversation-started - From the dialog: a conversation started, active for the agent (a desk opens it). `detail: {session, contact}`.
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed. `detail: {reason}`.
 *
 * @csspart base - The whole element.
 * @csspart search - The search box.
 * @csspart channel-filter - The channel filter.
 * @csspart account-filter - The customer account filter (shown when the company has accounts).
 * @csspart add-button - Adds a contact.
 * @csspart count - How many contacts are listed (read politely).
 * @csspart list - The list of contacts.
 * @csspart item - A contact's row.
 * @csspart edit-button - Opens a contact to edit (its name and details).
 * @csspart history-button - Shows a contact's history.
 * @csspart start-button - Starts a conversation with a contact.
 * @csspart more-button - Loads the next page (also loaded by scrolling to the end).
 * @csspart empty - No contact, or none matches.
 * @csspart dialog - The dialog the form, the history and the conversation open in.
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown when the agent's sign-in ended.
 *
 * @cssproperty --conecta-contacts-list-max-block-size - Height past which the list scrolls (default 28rem).
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaContacts extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, contactsStyles];

  /** What the search box holds; setting it searches. */
  @property() query = '';

  /** Only contacts of this channel kind ('' for all). */
  @property() channel: ChannelKind | '' = '';

  /** Only contacts linked to this customer account, by id ('' for all). */
  @property() account = '';

  @state() private contacts: Contact[] = [];
  @state() private next: string | null = null;
  @state() private loaded = false;
  /** The row holding the list's tab stop. */
  @state() private current = 0;
  @state() private dialog: { action: ContactAction; contact: Contact | null } | null = null;
  /** What the shown results were searched for (the box may hold newer text). */
  #searched = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #listHasFocus = false;
  #catalogFor: unknown = null;
  private readonly catalog = new StoreSelection(this, (s) => s.catalog, Object.is);

  readonly #search = new CommandController<[string, string | null], Page | null>(this, {
    errorMessage: (error) => this.errorMessage(error),
    run: async (query, after) => {
      const channel = this.channel || null;
      const accountId = this.account || null;
      const page = await this.client!.command('contact.search', { query, channel, accountId, after, limit: PAGE_SIZE });
      // A newer search was asked for meanwhile: this answer is stale.
      if (query !== this.query.trim() || channel !== (this.channel || null) || accountId !== (this.account || null)) return null;
      this.contacts = after ? [...this.contacts, ...page.contacts] : page.contacts;
      this.next = page.next;
      this.loaded = true;
      this.#searched = query;
      if (!after) this.current = 0;
      return page;
    },
  });
  readonly #roving = new RovingFocusController({
    direction: 'vertical',
    pageStep: 10,
    count: () => this.contacts.length,
    indexOf: (target) => Number(target.closest<HTMLElement>('[data-index]')?.dataset.index ?? -1),
    activate: (index) => void this.focusContact(index),
    cells: (target) => [...(target.closest('[data-index]')?.querySelectorAll<HTMLElement>('button') ?? [])],
  });

  constructor() {
    super();
    this.clientController.subscribe((client) => {
      if (!client) return;
      this.search();
      // The accounts' names and the account filter come from the catalog.
      if (this.#catalogFor !== client && !client.store.state.catalog) {
        this.#catalogFor = client;
        client.loadCatalog().catch(() => undefined);
      }
    });
    // A contact saved in the dialog (new or edited) shows as saved, without searching again.
    this.addEventListener('conecta-contact-saved', (event) => this.#saved(event.detail.contact));
    this.addEventListener('conecta-conversation-started', () => this.#closeDialog());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      (changed.has('channel') && changed.get('channel') !== undefined) ||
      (changed.has('account') && changed.get('account') !== undefined)
    ) {
      this.search();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.dialog && !dialog.open) dialog.showModal();
    this.shareAppearance();
  }

  /** Search now for `query` (and the channel filter), from the first page. */
  search(): void {
    clearTimeout(this.#searchTimer);
    if (!this.client) return;
    void this.#search.run(this.query.trim(), null);
  }

  /** Load the next page, if there is one. */
  async loadMore(): Promise<void> {
    if (!this.next || this.#search.pending()) return;
    await this.#search.run(this.#searched, this.next);
  }

  /** Move the list's focus to the contact at `index`, scrolling it into view. */
  async focusContact(index: number): Promise<void> {
    this.current = Math.max(0, Math.min(index, this.contacts.length - 1));
    await this.updateComplete;
    const find = () => this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.current}"] .main`);
    let target = find();
    for (let frame = 0; frame < 30 && !target; frame++) {
      // Virtualized and not rendered: scroll to where the row is estimated to be, let it render.
      const list = this.renderRoot.querySelector<HTMLElement>('[part="list"]');
      const scroller = list?.parentElement;
      if (list && scroller && this.contacts.length) {
        scroller.scrollTop = (this.current * list.offsetHeight) / this.contacts.length - scroller.clientHeight / 2;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      target = find();
    }
    target?.focus({ preventScroll: true });
    target?.closest('[data-index]')?.scrollIntoView({ block: 'nearest' });
    if (this.current >= this.contacts.length - 1) void this.loadMore();
  }

  /** Ask for `action` on `contact`: the event first, then (unless cancelled) the dialog. */
  request(action: ContactAction, contact: Contact | null): void {
    const event = new ContactRequestEvent({ action, contact });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.dialog = { action, contact };
  }

  #onInput(value: string): void {
    this.query = value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.search(), SEARCH_DELAY_MS);
  }

  #onScroll(event: Event): void {
    const scroller = event.currentTarget as HTMLElement;
    if (scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < LOAD_MORE_WITHIN_PX) void this.loadMore();
  }

  #saved(contact: Contact): void {
    const index = this.contacts.findIndex((each) => each.id === contact.id);
    this.contacts = index < 0 ? [contact, ...this.contacts] : this.contacts.map((each) => (each.id === contact.id ? contact : each));
    if (this.dialog?.action === 'add' || this.dialog?.action === 'edit') this.#closeDialog();
  }

  #closeDialog(): void {
    const opener = this.dialog;
    this.renderRoot.querySelector('dialog')?.close();
    this.dialog = null;
    // Focus goes back to what opened the dialog.
    void this.updateComplete.then(() => {
      const index = opener?.contact ? this.contacts.findIndex((each) => each.id === opener.contact!.id) : -1;
      if (index >= 0) void this.focusContact(index);
      else this.renderRoot.querySelector<HTMLElement>('[part="add-button"]')?.focus();
    });
  }

  #renderRow(contact: Contact, index: number) {
    const t = this.localize.t.contacts;
    const current = index === Math.min(this.current, this.contacts.length - 1);
    const tabindex = current ? '0' : '-1';
    // The CPF/CNPJ as people write it (000.000.000-00), as the form shows it too.
    const account = contact.accountId ? this.catalog.value?.accounts.find((each) => each.id === contact.accountId)?.name : undefined;
    const details = [contact.document && formatDocument(contact.document), contact.phone, contact.email, account]
      .filter(Boolean)
      .join(' · ');
    return html`<li part="item" data-index=${index} aria-current=${current && this.#listHasFocus ? 'true' : 'false'}>
      <button type="button" class="main" part="edit-button" tabindex=${tabindex} title=${t.edit(contact.name)}
        @click=${() => this.request('edit', contact)}>
        <span class="name"><span class="visually-hidden">${t.editVerb} </span>${contact.name}</span>${details ? html`<span class="details">${details}</span>` : nothing}
      </button>
      <span class="actions">
        <button type="button" class="icon-button" part="history-button" tabindex=${tabindex} aria-label=${t.historyOf(contact.name)}
          title=${t.history} @click=${() => this.request('history', contact)}>${icon(history)}</button>
        <button type="button" class="icon-button" part="start-button" tabindex=${tabindex} aria-label=${t.startWith(contact.name)}
          title=${t.start} @click=${() => this.request('start', contact)}>${icon(messageSquarePlus)}</button>
      </span>
    </li>`;
  }

  #renderList() {
    const t = this.localize.t.contacts;
    const contacts = this.contacts;
    if (!this.loaded) return nothing;
    if (!contacts.length) {
      const query = this.#searched;
      const tooShort = /^[\d\s.\-/()+]+$/.test(query) && query.replace(/\D/g, '').length < 3;
      return html`<div part="empty" class="empty muted">
        ${icon(query ? searchX : users)}
        <p>${query ? (tooShort ? t.tooShort : t.noMatch(query)) : t.empty}</p>
        ${query && !tooShort ? html`<p>${t.noMatchHint}</p>` : nothing}
      </div>`;
    }
    const renderItem = (contact: Contact, index: number) => this.#renderRow(contact, index);
    return html`<div class="scroll" @scroll=${this.#onScroll}>
      <ul part="list" aria-label=${t.label} @keydown=${this.#roving.onKeydown}
        @focusin=${(event: FocusEvent) => {
          this.#listHasFocus = true;
          const index = Number((event.composedPath()[0] as HTMLElement).closest?.<HTMLElement>('[data-index]')?.dataset.index);
          if (!Number.isNaN(index)) this.current = index;
          this.requestUpdate();
        }}
        @focusout=${() => {
          this.#listHasFocus = false;
          this.requestUpdate();
        }}>
        ${
          contacts.length > VIRTUALIZE_FROM
            ? virtualize({ items: contacts, keyFunction: (contact: Contact) => contact.id, renderItem })
            : repeat(contacts, (contact) => contact.id, renderItem)
        }
      </ul>
    </div>`;
  }

  #renderAccountFilter() {
    const t = this.localize.t.contacts;
    // Inactive accounts too: their contacts are still the company's to find.
    const accounts = this.catalog.value?.accounts ?? [];
    if (!accounts.length) return nothing;
    return html`<div class="account">
      <label for="account">${t.account}</label>
      <select id="account" part="account-filter" @change=${(event: Event) => (this.account = (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.account}>${t.anyAccount}</option>
        ${repeat(
          accounts,
          (account) => account.id,
          (account) => html`<option value=${account.id} dir="auto" ?selected=${account.id === this.account}>
            ${account.active ? account.name : this.localize.t.contactForm.accountInactive(account.name)}
          </option>`,
        )}
      </select>
    </div>`;
  }

  #renderDialog() {
    const dialog = this.dialog;
    if (!dialog) return nothing;
    const t = this.localize.t.contacts;
    const { action, contact } = dialog;
    const title =
      action === 'add'
        ? t.newContact
        : action === 'edit'
          ? t.editContact
          : action === 'history'
            ? t.historyOf(contact?.name ?? '')
            : this.localize.t.startConversation.title;
    const body =
      action === 'add' || action === 'edit'
        ? html`<conecta-contact-form .client=${this.client} contact-id=${contact?.id ?? ''} without-heading></conecta-contact-form>`
        : action === 'history'
          ? html`<conecta-contact-history .client=${this.client} contact-id=${contact?.id ?? ''} without-heading></conecta-contact-history>`
          : html`<conecta-start-conversation .client=${this.client} contact-id=${contact?.id ?? ''} without-heading></conecta-start-conversation>`;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${() => this.dialog && this.#closeDialog()}>
      <div class="dialog-header">
        <h2 id="dialog-title">${title}</h2>
        <button type="button" class="icon-button" aria-label=${this.localize.t.common.close} @click=${() => this.#closeDialog()}>${icon(x)}</button>
      </div>
      ${body}
    </dialog>`;
  }

  protected override render() {
    const t = this.localize.t.contacts;
    const loading = this.#search.pending();
    const error = this.#search.error();
    return html`<section part="base" aria-label=${t.label} aria-busy=${loading ? 'true' : 'false'}>
      ${this.connection.value !== 'connected' ? this.renderConnection() : nothing}
      <div class="filters">
        <div class="search">
          <label for="search">${t.search}</label>
          <input id="search" part="search" type="search" autocomplete="off" placeholder=${t.searchPlaceholder} .value=${this.query}
            @input=${(event: Event) => this.#onInput((event.target as HTMLInputElement).value)}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key === 'Enter') this.search();
              if (event.key === 'ArrowDown' && this.contacts.length) {
                event.preventDefault();
                void this.focusContact(0);
              }
            }} />
        </div>
        <div class="channel">
          <label for="channel">${t.channel}</label>
          <select id="channel" part="channel-filter" .value=${this.channel}
            @change=${(event: Event) => (this.channel = (event.target as HTMLSelectElement).value as ChannelKind | '')}>
            <option value="">${t.anyChannel}</option>
            ${CHANNEL_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.channel}>${this.localize.t.channels[kind]}</option>`)}
          </select>
        </div>
        ${this.#renderAccountFilter()}
        <button type="button" part="add-button" @click=${() => this.request('add', null)}>${icon(userPlus)} ${t.add}</button>
      </div>
      <p part="count" class="visually-hidden" role="status">${this.loaded && !loading ? t.count(this.contacts.length, !!this.next) : ''}</p>
      ${loading && !this.loaded ? html`<p class="muted">${this.localize.t.common.loading}</p>` : nothing}
      ${
        error
          ? html`<p class="error" role="alert">${error}
            <button type="button" class="link" @click=${() => (this.next && this.loaded ? this.loadMore() : this.search())}>${this.localize.t.common.retry}</button></p>`
          : nothing
      }
      ${this.#renderList()}
      ${
        this.next
          ? html`<button type="button" part="more-button" ?disabled=${loading} aria-busy=${loading ? 'true' : 'false'}
            @click=${() => this.loadMore()}>${t.loadMore}</button>`
          : nothing
      }
      ${this.#renderDialog()}
    </section>`;
  }
}

define('conecta-contacts', ConectaContacts);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-contacts': ConectaContacts;
  }
}
