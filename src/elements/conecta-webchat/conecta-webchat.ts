import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConectaClientApi } from '../../client/api.js';
import { ConectaClient } from '../../client/client.js';
import { selectContact, selectMessages, selectSession, selectVisitorSessions } from '../../client/selectors.js';
import { AutoScrollController } from '../../controllers/auto-scroll.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { parseCommand, type ClientMessage, type Team } from '../../protocol/index.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaElement, define } from '../conecta-element.js';
import { isSendKey, renderTranscript } from '../transcript.js';
import { transcriptStyles } from '../transcript.styles.js';
import { webchatStyles } from './conecta-webchat.styles.js';

type Stage = 'loading' | 'prechat' | 'conversation';
type PrechatField = 'name' | 'email' | 'teamId';

function readFlag(key: string): boolean {
  try {
    return sessionStorage.getItem(key) === '1';
  } catch {
    return false; // storage forbidden (sandboxed iframe): the panel just starts closed
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    if (on) sessionStorage.setItem(key, '1');
    else sessionStorage.removeItem(key);
  } catch {
    /* storage forbidden: nothing to remember */
  }
}

/**
 * @summary The WebChat channel on a website: a launcher button that opens a chat panel with a
 * pre-chat form (name, optional e-mail, team) and then the conversation. The conversation survives
 * reloads: the visitor's client keeps its token, and the panel reopens if it was open.
 *
 * @csspart launcher - The button that opens and closes the panel.
 * @csspart panel - The chat panel.
 * @csspart header - The panel's title bar.
 * @csspart close-button - The panel's close button.
 * @csspart prechat - The form shown before a conversation starts.
 * @csspart input - Each text field and the message textarea.
 * @csspart start-button - Starts the conversation.
 * @csspart transcript - The scrolling list of messages (`role="log"`).
 * @csspart message - A message; also `own`, `other` or `system`.
 * @csspart message-status - Delivery status of the visitor's own message.
 * @csspart retry-button - Sends a failed message again.
 * @csspart link - A link found in a message.
 * @csspart notice - The waiting or finished notice.
 * @csspart new-conversation-button - Starts over after a finished conversation.
 * @csspart composer - The form to write a message.
 * @csspart send-button - The Send button.
 * @csspart connection - The notice shown while the client is not connected.
 *
 * @cssproperty --conecta-webchat-width - Panel width (default `22rem`).
 * @cssproperty --conecta-webchat-height - Panel height (default `32rem`).
 * @cssproperty --conecta-webchat-offset - Distance from the window's corner (default `1rem`).
 * @cssproperty --conecta-webchat-z-index - Stacking order (default very high).
 * @cssproperty --conecta-message-background - Background of the agents' messages.
 * @cssproperty --conecta-message-own-background - Background of the visitor's own messages.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 */
export class ConectaWebchat extends ConectaElement {
  static override styles = [hostStyles, transcriptStyles, webchatStyles];

  // A visitor's client, never the agent client a CRM page may provide.
  protected static override useProviderClient = false;

  /** The webchat channel's key (set up on the server). */
  @property({ reflect: true }) channel = '';

  /** Whether the panel is open. Reflected, and remembered for the browser tab across reloads. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private stage: Stage = 'loading';
  @state() private sessionId = '';
  @state() private teams: Team[] = [];
  @state() private prechatErrors: Partial<Record<PrechatField, true>> = {};
  @state() private startError = '';
  @state() private starting = false;
  @state() private loadError = '';

  @query('[part="launcher"]') private launcher!: HTMLButtonElement | null;

  private readonly view = new StoreSelection(this, (s) => ({
    session: selectSession(s, this.sessionId),
    messages: selectMessages(s, this.sessionId),
    contact: selectContact(s, s.visitor?.contactId),
  }));
  private readonly scroller = new AutoScrollController(this, () => this.renderRoot.querySelector<HTMLElement>('[role="log"]'));
  #restoredFor: ConectaClientApi | null = null;

  constructor() {
    super();
    this.clientController.subscribe(() => {
      if (this.open) void this.#restore();
    });
  }

  protected override findClient(): ConectaClientApi | undefined {
    return this.server && this.channel ? ConectaClient.shared({ server: this.server, channel: this.channel }) : undefined;
  }

  get #storageKey(): string {
    return `conecta-webchat:open:${this.server}#${this.channel}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.open && readFlag(this.#storageKey)) this.open = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channel')) this.clientController.refresh();
    super.willUpdate(changed);
    if (changed.has('open') && (this.open || changed.get('open') !== undefined)) {
      writeFlag(this.#storageKey, this.open);
      if (this.open) void this.#restore();
    }
  }

  /** Open the panel and move focus into it. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.#focusInside();
  }

  /** Close the panel and give focus back to the launcher. */
  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    this.launcher?.focus();
  }

  #focusInside(): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>('[part="panel"] input:not([type="radio"]), [part="panel"] textarea:not([disabled])') ??
      this.renderRoot.querySelector<HTMLElement>('[part="panel"]');
    target?.focus();
  }

  /** On first open with a client: the visitor's unfinished conversation, else the pre-chat form. */
  async #restore(): Promise<void> {
    const client = this.client;
    if (!client || this.#restoredFor === client) return;
    this.#restoredFor = client;
    this.stage = 'loading';
    this.loadError = '';
    try {
      await client.loadVisitorSessions();
      const unfinished = selectVisitorSessions(client.store.state).find((s) => s.status !== 'finished');
      if (unfinished) {
        this.sessionId = unfinished.id;
        this.stage = 'conversation';
        await client.openSession(unfinished.id);
      } else {
        await this.#showPrechat(client);
      }
    } catch (error) {
      this.#restoredFor = null;
      this.loadError = this.errorMessage(error);
    }
  }

  async #showPrechat(client: ConectaClientApi): Promise<void> {
    this.stage = 'prechat';
    const channel = await client.fetchChannel();
    this.teams = channel.teams;
    const focusWasInPanel = this.shadowRoot?.activeElement?.closest('[part="panel"]');
    await this.updateComplete;
    if (focusWasInPanel) this.#focusInside();
  }

  async #start(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this.starting) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '');
    const email = String(data.get('email') ?? '').trim() || null;
    const teamId = String(data.get('teamId') ?? '');
    const parsed = parseCommand('webchat.start', { sessionId: 'new', name, email, teamId });
    const errors: Partial<Record<PrechatField, true>> = {};
    if (!parsed.ok) for (const field of ['name', 'email', 'teamId'] as const) if (parsed.fields[field]) errors[field] = true;
    this.prechatErrors = errors;
    this.startError = '';
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-invalid="true"] input')?.focus();
      return;
    }
    this.starting = true;
    try {
      this.sessionId = await client.startWebchat({ name: name.trim(), email, teamId });
      this.stage = 'conversation';
      await this.updateComplete;
      this.#focusInside();
    } catch (error) {
      this.startError = this.errorMessage(error);
    } finally {
      this.starting = false;
    }
  }

  async #newConversation(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.sessionId = '';
    await this.#showPrechat(client);
    await this.updateComplete;
    this.#focusInside();
  }

  #send(): void {
    const textarea = this.renderRoot.querySelector('textarea');
    const text = textarea?.value.trim();
    const session = this.view.value.session;
    if (!textarea || !text || !this.client || !session || session.status === 'finished') return;
    this.client.sendMessage(session.id, text);
    textarea.value = '';
    this.scroller.scrollToEnd();
  }

  #onPanelKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.hide();
    }
  }

  #renderPrechat() {
    const t = this.localize.t.webchat;
    const contact = this.view.value.contact;
    const errors = this.prechatErrors;
    const onlyTeam = this.teams.length === 1 ? this.teams[0].id : '';
    return html`<form part="prechat" novalidate @submit=${this.#start}>
      <p>${t.intro}</p>
      <div class="field">
        <label for="visitor-name">${t.name}</label>
        <input id="visitor-name" name="name" part="input" autocomplete="name" aria-required="true"
          .value=${contact?.name ?? ''} aria-invalid=${errors.name ? 'true' : 'false'}
          aria-describedby=${errors.name ? 'visitor-name-error' : nothing} />
        ${errors.name ? html`<p class="field-error" id="visitor-name-error">${t.nameRequired}</p>` : nothing}
      </div>
      <div class="field">
        <label for="visitor-email">${t.email}</label>
        <input id="visitor-email" name="email" type="email" part="input" autocomplete="email"
          .value=${contact?.email ?? ''} aria-invalid=${errors.email ? 'true' : 'false'}
          aria-describedby=${errors.email ? 'visitor-email-error' : nothing} />
        ${errors.email ? html`<p class="field-error" id="visitor-email-error">${t.emailInvalid}</p>` : nothing}
      </div>
      <fieldset class="field" role="radiogroup" aria-required="true" aria-invalid=${errors.teamId ? 'true' : 'false'}
        aria-describedby=${errors.teamId ? 'team-error' : nothing}>
        <legend>${t.team}</legend>
        ${this.teams.map(
          (team) => html`<label class="radio">
            <input type="radio" name="teamId" .value=${team.id} ?checked=${team.id === onlyTeam} />${team.name}
          </label>`,
        )}
        ${errors.teamId ? html`<p class="field-error" id="team-error">${t.teamRequired}</p>` : nothing}
      </fieldset>
      ${this.startError ? html`<p class="error" role="alert">${this.startError}</p>` : nothing}
      <button part="start-button" class="primary" type="submit" ?disabled=${this.starting}
        aria-busy=${this.starting ? 'true' : 'false'}>${this.starting ? t.starting : t.start}</button>
    </form>`;
  }

  #renderConversation() {
    const t = this.localize.t;
    const { session, messages } = this.view.value;
    const finished = session?.status === 'finished';
    const isOwn = (message: ClientMessage) => message.authorKind === 'contact';
    return html`<div class="body">
      ${renderTranscript({
        messages,
        localize: this.localize,
        isOwn,
        authorName: (message) => (isOwn(message) ? t.common.you : message.authorName || t.webchat.agent),
        label: t.webchat.transcript,
        live: 'polite',
        onRetry: (message) => this.client?.retryMessage(message.sessionId, message.id),
      })}
      ${session?.status === 'waiting' ? html`<p class="notice" part="notice" role="status">${t.webchat.waiting}</p>` : nothing}
      ${finished
        ? html`<div class="notice" part="notice">
            <p role="status">${t.webchat.finished}</p>
            <button part="new-conversation-button" class="primary" @click=${() => this.#newConversation()}>
              ${t.webchat.newConversation}
            </button>
          </div>`
        : html`<form part="composer" @submit=${(event: Event) => {
              event.preventDefault();
              this.#send();
            }}>
            <label class="visually-hidden" for="webchat-input">${t.session.composerLabel}</label>
            <div class="composer-row">
              <textarea id="webchat-input" part="input" rows="2" placeholder=${t.session.composerPlaceholder}
                ?disabled=${!session}
                @keydown=${(event: KeyboardEvent) => {
                  if (!isSendKey(event)) return;
                  event.preventDefault();
                  this.#send();
                }}></textarea>
              <button part="send-button" class="primary" type="submit" ?disabled=${!session}>${t.session.send}</button>
            </div>
          </form>`}
    </div>`;
  }

  protected override render() {
    const t = this.localize.t.webchat;
    return html`
      ${this.open
        ? html`<section part="panel" id="panel" role="dialog" aria-modal="false" aria-labelledby="panel-title" tabindex="-1"
            @keydown=${this.#onPanelKeydown}>
            <header part="header">
              <h2 id="panel-title">${t.title}</h2>
              <button part="close-button" aria-label=${t.close} @click=${() => this.hide()}>
                <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
                  <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" fill="none" />
                </svg>
              </button>
            </header>
            ${this.renderConnection()}
            ${this.loadError ? html`<p class="error loading" role="alert">${this.loadError}</p>` : nothing}
            ${this.stage === 'loading' && !this.loadError
              ? html`<p class="loading" role="status">${this.localize.t.common.loading}</p>`
              : nothing}
            ${this.stage === 'prechat' ? this.#renderPrechat() : nothing}
            ${this.stage === 'conversation' ? this.#renderConversation() : nothing}
          </section>`
        : nothing}
      <button part="launcher" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.open ? 'panel' : nothing}
        @click=${() => (this.open ? this.hide() : this.show())}>${t.launcher}</button>
    `;
  }
}

define('conecta-webchat', ConectaWebchat);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-webchat': ConectaWebchat;
  }
}
