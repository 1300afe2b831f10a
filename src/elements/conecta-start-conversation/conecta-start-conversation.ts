import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { selectContact } from '../../client/selectors.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import {
  ConectaError,
  fillTemplate,
  isWindowClosed,
  missingTemplateVariables,
  type Contact,
  type CustomerAccount,
  type OutboundChannel,
  type Session,
  type Template,
} from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { panelStyles } from '../../styles/panel.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { startConversationStyles } from './conecta-start-conversation.styles.js';
import { ConversationStartedEvent } from './events.js';
import { prefilledVariables } from './template-prefill.js';

/** Channel kinds whose address is the contact's phone. */
const PHONE_CHANNELS: readonly string[] = ['whatsapp'];
/** Contacts offered while searching for one. */
const SEARCH_LIMIT = 8;
const SEARCH_DELAY_MS = 250;

/**
 * @summary "Iniciar conversa": the agent writes first to a contact on a channel with a way out
 * (WhatsApp). The account ("Conta": choosing one narrows the contact search to its contacts), the
 * contact (given, or found as in the directory, shown with its account), the destination — a team among the
 * agent's (the session opens active for the agent) or the channel's automatic flow (it waits in the
 * channel's team once the first message is out) —, the channel; then a template — its variables filled with a live preview, pre-filled from the contact
 * where a variable names a field (`nome`, `email`, `cpf`, `agente`…) — when the 24-hour window is
 * closed, or a free message while it is open. A contact without the channel's address (a phone, for
 * WhatsApp) gets a clear error before anything is sent.
 *
 * @event conecta-conversation-started - The session was started: active for the agent, or waiting in the automatic flow's team. `detail: {session, contact}`.
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed. `detail: {reason}`.
 *
 * @csspart base - The whole element.
 * @csspart heading - The title (left out with `without-heading`).
 * @csspart form - The `<form>`.
 * @csspart account - The account select, which narrows the contact search.
 * @csspart contact - The chosen contact, with its account and its button to change it.
 * @csspart destination - The choice of destination: the agent's team, or the channel's automatic flow.
 * @csspart search - The contact search box (no contact chosen yet).
 * @csspart results - The contacts found.
 * @csspart field - Each field with its label and error.
 * @csspart window - Says whether the conversation window is open (free message) or closed (template).
 * @csspart template-preview - The template with its variables filled in.
 * @csspart field-error - A field's error.
 * @csspart start-button - Starts the conversation.
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown when the agent's sign-in ended.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaStartConversation extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, panelStyles, startConversationStyles];

  /** The contact to write to; without it the element asks for one. */
  @property({ attribute: 'contact-id', reflect: true }) contactId = '';

  /** Leaves the heading out, for a container with its own (a dialog's title). */
  @property({ type: Boolean, attribute: 'without-heading', reflect: true }) withoutHeading = false;

  /** Where the session goes: the agent's team (it stays with the agent) or the channel's automatic flow. */
  @state() private destination: 'team' | 'flow' = 'team';
  @state() private teamId = '';
  @state() private channelKey = '';
  @state() private templateId = '';
  @state() private variables: Record<string, string> = {};
  @state() private text = '';
  @state() private query = '';
  /** The account the contact search is narrowed to ("Conta"); '' for every account. */
  @state() private accountId = '';
  @state() private found: Contact[] = [];
  /** A search answered for the current query and account (so "no contact found" can be said). */
  @state() private searched = false;
  /** The contact's sessions (for the window of each channel), once loaded. */
  @state() private sessions: Session[] | null = null;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private error = '';
  @state() private busy = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;
  #loadedFor: { client: unknown; contactId: string } | null = null;
  /** The contact whose account the dialog last took as its own. */
  #accountSeenFor = '';

  private readonly contact = new StoreSelection<Contact | undefined>(this, (s) => selectContact(s, this.contactId));
  private readonly me = new StoreSelection(this, (s) => s.me, Object.is);
  private readonly catalog = new StoreSelection(this, (s) => s.catalog, Object.is);

  constructor() {
    super();
    this.clientController.subscribe(() => this.#loadContact());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contactId')) {
      this.sessions = null;
      this.fieldErrors = {};
      this.error = '';
      this.#loadContact();
    }
    // A contact given or found in an account puts the dialog in that account, as the manual's Conta comes first.
    // Once per contact: the agent may then choose "every account" without the contact's coming back.
    const contact = this.contact.value;
    if (contact && this.#accountSeenFor !== contact.id && this.catalog.value) {
      this.#accountSeenFor = contact.id;
      const account = contact.accountId;
      if (!this.accountId && account && this.#accounts().some((each) => each.id === account)) this.accountId = account;
    }
    // The first team and channel are chosen for the agent; most agents have one of each.
    const teams = this.#teams();
    if (!teams.some((team) => team.id === this.teamId)) this.teamId = teams[0]?.id ?? '';
    const channels = this.#channels();
    if (!channels.some((channel) => channel.key === this.channelKey)) this.channelKey = channels[0]?.key ?? '';
    if (this.templateId && !this.#templates().some((template) => template.id === this.templateId)) this.#chooseTemplate('');
  }

  #loadContact(): void {
    const client = this.client;
    if (!client) return;
    if (!client.store.state.catalog) void client.loadCatalog().catch((error) => (this.error = this.errorMessage(error)));
    if (!this.contactId) return;
    if (this.#loadedFor?.client === client && this.#loadedFor.contactId === this.contactId) return;
    const contactId = this.contactId;
    this.#loadedFor = { client, contactId };
    void Promise.all([client.command('contact.get', { contactId }), client.command('contact.history', { contactId, limit: 30 })])
      .then(([, history]) => {
        if (contactId === this.contactId) this.sessions = history.sessions;
      })
      .catch((error) => {
        if (contactId === this.contactId) this.error = this.errorMessage(error);
      });
  }

  #teams() {
    const mine = this.me.value?.teamIds ?? [];
    return (this.catalog.value?.teams ?? []).filter((team) => mine.includes(team.id));
  }

  /** The accounts an agent may choose: the active ones. */
  #accounts(): readonly CustomerAccount[] {
    return (this.catalog.value?.accounts ?? []).filter((account) => account.active);
  }

  #channels(): readonly OutboundChannel[] {
    return this.catalog.value?.channels ?? [];
  }

  #templates(): Template[] {
    return (this.catalog.value?.templates ?? []).filter((template) => template.teamId === this.teamId);
  }

  /** Whether free text may go out: the contact wrote on this channel within the window (its last session says). */
  #windowOpen(): boolean {
    const last = this.sessions?.find((session) => session.channelKey === this.channelKey);
    return !!last && !isWindowClosed(last, Date.now());
  }

  /** The contact has no address on the chosen channel: the reason, else ''. */
  #missingAddress(): string {
    const contact = this.contact.value;
    const channel = this.#channels().find((each) => each.key === this.channelKey);
    if (!contact || !channel) return '';
    return PHONE_CHANNELS.includes(channel.kind) && !contact.phone ? this.localize.t.startConversation.noPhone(contact.name) : '';
  }

  #chooseTemplate(templateId: string): void {
    this.templateId = templateId;
    const template = this.#templates().find((each) => each.id === templateId);
    const contact = this.contact.value;
    this.variables = template && contact ? prefilledVariables(template, contact, this.me.value ?? null) : {};
    this.fieldErrors = {};
  }

  /** Searches as the agent types; with an account chosen, an empty query lists that account's contacts. */
  #search(query: string): void {
    this.query = query;
    this.searched = false;
    clearTimeout(this.#searchTimer);
    const seq = ++this.#searchSeq;
    const accountId = this.accountId || null;
    if (!query.trim() && !accountId) {
      this.found = [];
      return;
    }
    this.#searchTimer = setTimeout(() => {
      this.client
        ?.command('contact.search', { query, accountId, limit: SEARCH_LIMIT })
        .then(({ contacts }) => {
          if (seq !== this.#searchSeq) return;
          this.found = contacts;
          this.searched = true;
        })
        .catch((error) => (this.error = this.errorMessage(error)));
    }, SEARCH_DELAY_MS);
  }

  #chooseAccount(accountId: string): void {
    this.accountId = accountId;
    // A contact of another account no longer fits: the agent finds one in the chosen account.
    const contact = this.contact.value;
    if (contact && accountId && contact.accountId !== accountId) this.contactId = '';
    if (!this.contactId) this.#search(this.query);
  }

  /** Back to the search, which lists the chosen account's contacts straight away. */
  #changeContact(): void {
    this.contactId = '';
    this.#search('');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#contact-search')?.focus());
  }

  #accountName(accountId: string | null): string {
    return (accountId && this.catalog.value?.accounts.find((account) => account.id === accountId)?.name) || '';
  }

  #chooseContact(contact: Contact): void {
    this.contactId = contact.id;
    this.query = '';
    this.found = [];
    this.searched = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#team')?.focus());
  }

  /** Start the conversation, as submitting the form does. Resolves with the new session, or null. */
  async start(): Promise<Session | null> {
    const client = this.client;
    const contact = this.contact.value;
    const t = this.localize.t.startConversation;
    if (!client || this.busy) return null;
    const errors: Record<string, string> = {};
    if (!contact) errors.contact = t.chooseContact;
    if (!this.teamId) errors.team = t.noTeams;
    if (!this.channelKey) errors.channel = t.noChannels;
    const missingAddress = this.#missingAddress();
    if (missingAddress) errors.channel = missingAddress;
    const open = this.#windowOpen();
    const template = this.#templates().find((each) => each.id === this.templateId);
    if (!open && !template) errors.template = t.chooseTemplate;
    if (!open && template) for (const name of missingTemplateVariables(template, this.variables)) errors[`variable-${name}`] = t.required;
    if (open && !this.text.trim()) errors.text = t.required;
    this.fieldErrors = errors;
    if (Object.keys(errors).length || !contact) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return null;
    }
    this.busy = true;
    this.error = '';
    try {
      const message =
        !open && template
          ? {
              id: crypto.randomUUID(),
              templateId: template.id,
              variables: Object.fromEntries(template.variables.map((name) => [name, this.variables[name]!.trim()])),
            }
          : { id: crypto.randomUUID(), text: this.text.trim() };
      const started = await client.command('session.start', {
        sessionId: crypto.randomUUID(),
        contactId: contact.id,
        channelKey: this.channelKey,
        teamId: this.teamId,
        destination: this.destination,
        message,
      });
      this.text = '';
      this.#chooseTemplate('');
      this.dispatchEvent(new ConversationStartedEvent({ session: started.session, contact: started.contact }));
      return started.session;
    } catch (error) {
      const fields = error instanceof ConectaError ? (error.fields ?? {}) : {};
      // The server's reasons beside the fields they are about (a contact without a phone, a bad variable).
      this.fieldErrors = Object.fromEntries(
        Object.entries(fields).map(([path, reason]) => [
          path === 'contactId'
            ? 'channel'
            : path.replace(/^message\.variables\./, 'variable-').replace(/^message\.templateId$/, 'template'),
          reason,
        ]),
      );
      this.error = error instanceof ConectaError && error.code === 'FORBIDDEN' ? t.forbidden : this.errorMessage(error);
      return null;
    } finally {
      this.busy = false;
    }
  }

  #fieldError(key: string) {
    const message = this.fieldErrors[key];
    return message ? html`<span part="field-error" class="field-error" id="error-${key}">${message}</span>` : nothing;
  }

  #invalid(key: string) {
    return this.fieldErrors[key] ? 'true' : 'false';
  }

  #describedBy(key: string) {
    return this.fieldErrors[key] ? `error-${key}` : nothing;
  }

  #renderAccount() {
    const t = this.localize.t.startConversation;
    const accounts = this.#accounts();
    if (!accounts.length && !this.accountId) return nothing;
    return html`<div part="field" class="field">
      <label for="account">${t.account}</label>
      <select id="account" part="account" aria-describedby=${this.accountId ? 'account-hint' : nothing}
        @change=${(event: Event) => this.#chooseAccount((event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.accountId}>${t.anyAccount}</option>
        ${repeat(
          accounts,
          (account) => account.id,
          (account) => html`<option value=${account.id} dir="auto" ?selected=${account.id === this.accountId}>${account.name}</option>`,
        )}
      </select>
      ${this.accountId ? html`<span class="muted" id="account-hint">${t.accountHint}</span>` : nothing}
    </div>`;
  }

  #renderContact() {
    const t = this.localize.t.startConversation;
    const contact = this.contact.value;
    if (contact) {
      const address = [contact.phone, contact.email].filter(Boolean).join(' · ');
      const account = this.#accountName(contact.accountId);
      return html`<div part="contact" class="contact">
        <span><span class="name">${contact.name}</span>${address ? html`<span class="muted"> ${address}</span>` : nothing}${
          account ? html`<span class="muted account"> · ${t.contactAccount(account)}</span>` : nothing
        }</span>
        <button type="button" class="link" @click=${() => this.#changeContact()}>${t.change}</button>
      </div>`;
    }
    return html`<div part="field" class="field">
      <label for="contact-search">${t.findContact}</label>
      <input id="contact-search" part="search" type="search" autocomplete="off" .value=${this.query}
        placeholder=${this.localize.t.contacts.searchPlaceholder} aria-invalid=${this.#invalid('contact')}
        aria-describedby=${this.#describedBy('contact')} @input=${(event: Event) => this.#search((event.target as HTMLInputElement).value)} />
      ${this.#fieldError('contact')}
      ${
        this.found.length
          ? html`<ul part="results" class="results" aria-label=${this.localize.t.contacts.label}>
            ${repeat(
              this.found,
              (each) => each.id,
              (each) => {
                const details = [each.phone, each.document, each.email, this.#accountName(each.accountId)].filter(Boolean).join(' · ');
                // The name says what the button does, and holds all it shows (a speech-input user says what they see).
                return html`<li><button type="button" class="link" @click=${() => this.#chooseContact(each)}
                  aria-label=${`${t.choose(each.name)} ${details}`.trim()}><span class="name">${each.name}</span>
                  <span class="muted">${details}</span></button></li>`;
              },
            )}
          </ul>`
          : nothing
      }
      <p class="muted" role="status">${this.searched && !this.found.length ? t.noneFound : nothing}</p>
    </div>`;
  }

  #renderMessage() {
    const t = this.localize.t.startConversation;
    if (!this.contact.value || this.sessions === null) return nothing;
    if (this.#windowOpen()) {
      return html`<p part="window" class="muted" data-window="open">${t.windowOpen}</p>
        <div part="field" class="field">
          <label for="text">${t.message}</label>
          <textarea id="text" rows="3" .value=${this.text} aria-invalid=${this.#invalid('text')} aria-describedby=${this.#describedBy('text')}
            @input=${(event: Event) => (this.text = (event.target as HTMLTextAreaElement).value)}></textarea>
          ${this.#fieldError('text')}
        </div>`;
    }
    const templates = this.#templates();
    const template = templates.find((each) => each.id === this.templateId);
    return html`<p part="window" class="muted" data-window="closed">${t.windowClosed}</p>
      <div part="field" class="field">
        <label for="template">${t.template}</label>
        <select id="template" .value=${this.templateId} aria-invalid=${this.#invalid('template')} aria-describedby=${this.#describedBy('template')}
          @change=${(event: Event) => this.#chooseTemplate((event.target as HTMLSelectElement).value)}>
          <option value="">${templates.length ? t.chooseTemplate : t.noTemplates}</option>
          ${templates.map((each) => html`<option value=${each.id} ?selected=${each.id === this.templateId}>${each.name}</option>`)}
        </select>
        ${this.#fieldError('template')}
      </div>
      ${
        template
          ? html`${template.variables.map(
              (name) => html`<div part="field" class="field">
                <label for="variable-${name}">${t.variable(name)}</label>
                <input id="variable-${name}" data-variable=${name} .value=${this.variables[name] ?? ''}
                  aria-invalid=${this.#invalid(`variable-${name}`)} aria-describedby=${this.#describedBy(`variable-${name}`)}
                  @input=${(event: Event) => {
                    this.variables = { ...this.variables, [name]: (event.target as HTMLInputElement).value };
                    if (this.fieldErrors[`variable-${name}`]) this.fieldErrors = { ...this.fieldErrors, [`variable-${name}`]: '' };
                  }} />
                ${this.#fieldError(`variable-${name}`)}
              </div>`,
            )}
            <figure class="preview"><figcaption>${t.preview}</figcaption>
              <p part="template-preview" aria-live="polite">${fillTemplate(template, this.variables)}</p></figure>`
          : nothing
      }`;
  }

  protected override render() {
    const t = this.localize.t.startConversation;
    const teams = this.#teams();
    const channels = this.#channels();
    const missingAddress = this.#missingAddress();
    const channelError = this.fieldErrors.channel || missingAddress;
    return html`<section part="base" aria-labelledby="start-title">
      ${this.connection.value !== 'connected' ? this.renderConnection() : nothing}
      <h2 id="start-title" part="heading" class=${this.withoutHeading ? 'visually-hidden' : ''}>${t.title}</h2>
      <form part="form" novalidate @submit=${(event: Event) => {
        event.preventDefault();
        void this.start();
      }}>
        ${this.#renderAccount()}
        <fieldset><legend>${t.contact}</legend>${this.#renderContact()}</fieldset>
        <fieldset part="destination" class="destination">
          <legend>${t.destination}</legend>
          ${(['team', 'flow'] as const).map(
            (destination) => html`<label class="choice"><input type="radio" name="destination" value=${destination}
              .checked=${this.destination === destination} @change=${() => (this.destination = destination)} />
              ${destination === 'team' ? t.toTeam : t.toFlow}</label>`,
          )}
        </fieldset>
        <div part="field" class="field">
          <label for="team">${this.destination === 'team' ? t.team : t.templateTeam}</label>
          <select id="team" .value=${this.teamId} aria-invalid=${this.#invalid('team')} aria-describedby=${this.#describedBy('team')}
            @change=${(event: Event) => {
              this.teamId = (event.target as HTMLSelectElement).value;
              this.#chooseTemplate('');
            }}>
            ${teams.map((team) => html`<option value=${team.id} ?selected=${team.id === this.teamId}>${team.name}</option>`)}
          </select>
          ${this.#fieldError('team')}
        </div>
        <div part="field" class="field">
          <label for="channel">${t.channel}</label>
          <select id="channel" .value=${this.channelKey} aria-invalid=${channelError ? 'true' : 'false'}
            aria-describedby=${channelError ? 'error-channel' : nothing}
            @change=${(event: Event) => (this.channelKey = (event.target as HTMLSelectElement).value)}>
            ${channels.map((channel) => html`<option value=${channel.key} ?selected=${channel.key === this.channelKey}>${channel.name}</option>`)}
          </select>
          ${channelError ? html`<span part="field-error" class="field-error" id="error-channel" role="alert">${channelError}</span>` : nothing}
        </div>
        ${this.#renderMessage()}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" part="start-button" ?disabled=${this.busy || !!missingAddress}
            aria-busy=${this.busy ? 'true' : 'false'}>${this.busy ? t.starting : t.start}</button>
        </div>
      </form>
    </section>`;
  }
}

define('conecta-start-conversation', ConectaStartConversation);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-start-conversation': ConectaStartConversation;
  }
}
