import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import arrowLeft from 'lucide/dist/esm/icons/arrow-left.mjs';
import contactRound from 'lucide/dist/esm/icons/contact-round.mjs';
import inbox from 'lucide/dist/esm/icons/inbox.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import messagesSquare from 'lucide/dist/esm/icons/messages-square.mjs';
import users from 'lucide/dist/esm/icons/users.mjs';
import x from 'lucide/dist/esm/icons/x.mjs';
import { selectSession } from '../../client/selectors.js';
import { clientContext } from '../../context/client-context.js';
import { NarrowWidthController } from '../../controllers/narrow-width.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { defineOnDemand, isDefinable, requestDefinition } from '../../dom/define-on-demand.js';
import { icon } from '../../icons/icon.js';
import type { Session } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import '../conecta-queue/conecta-queue.js';
import '../conecta-session/conecta-session.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { agentDeskStyles } from './conecta-agent-desk.styles.js';
import { OptionalPanels } from './optional-panels.js';

/** The phone layout's tabs, as in the seed's mobile app: two phases of the queue, the contact, the colleagues. */
export type DeskTab = 'waiting' | 'sessions' | 'contacts' | 'agents';
// The contact form (and the phone metadata behind it, a large part of the agent bundle) is a chunk
// of its own, loaded once a session is open.
defineOnDemand('conecta-contact-form', () => import('../conecta-contact-form/conecta-contact-form.js'));
// The contact directory (with the history and the start-conversation dialog it opens) likewise, once
// the agent opens it.
defineOnDemand('conecta-contacts', () => import('../conecta-contacts/conecta-contacts.js'));

const DESK_TABS: readonly DeskTab[] = ['waiting', 'sessions', 'contacts', 'agents'];
const TAB_ICONS = { waiting: inbox, sessions: messageCircle, contacts: contactRound, agents: users } as const;
/** Below this width (rem) of its own, the desk is a phone app: tabs, and the conversation full screen. */
const PHONE_BELOW_REM = 40;

/**
 * @summary The whole agent desk as one tag, for a CRM that wants everything: the agent bar above;
 * the queue, the open session and its contact's record side by side; colleagues and the internal
 * chat beside them. Every panel shares the desk's one client (a `<conecta-provider>` ancestor, the
 * `client` property, or the page's client for `server`). Choosing or accepting a session in the
 * queue opens it; a finished session stays open (so the contact's rating shows when it comes) until
 * the agent closes it or opens another. On a wide host the queue, the session and a side column
 * (contact, colleagues) stand side by side; narrower, the panels wrap. Below 40rem of its own width
 * (a phone, a CRM's side column) it becomes the mobile app: tabs Espera, Atendimentos, Cliente (the
 * open session's contact; the directory is the Contatos button) and Agentes at the bottom, and an
 * opened session full screen with a Back button (also Escape).
 *
 * Panels whose element is not on the page (not loaded, or a version of the SDK without it) take no
 * room. A CRM replaces a panel by putting its own content in the panel's slot, and hides one with
 * `::part(<panel>-panel) { display: none }` or the `without-*` attributes.
 *
 * @slot bar - Replaces `<conecta-agent-bar>`.
 * @slot queue - Replaces `<conecta-queue>`.
 * @slot session - Replaces the open session (`<conecta-session>`, or the "no session" placeholder).
 * @slot contact-form - Replaces `<conecta-contact-form>` (the open session's contact).
 * @slot agents - Replaces `<conecta-agents>`.
 * @slot internal-chat - Replaces `<conecta-internal-chat>`.
 * @slot contacts - Replaces `<conecta-contacts>`, the directory the Contatos button opens.
 *
 * @event conecta-session-accepted - From the queue: a waiting session was accepted (the desk opens it).
 * @event conecta-session-selected - From the queue or the session: a session was chosen (the desk opens it).
 * @event conecta-session-finished - From the session: the agent finished it (the desk keeps it open, finished).
 * @event conecta-conversation-started - From the directory: the agent started a conversation (the desk closes the directory and opens it).
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`.
 *
 * @csspart base - The whole desk.
 * @csspart bar-panel - Holds the agent bar.
 * @csspart panels - The row (or, narrow, the column) of panels below the bar.
 * @csspart queue-panel - Holds the queue.
 * @csspart session-panel - Holds the open session or the placeholder.
 * @csspart contact-panel - Holds the open session's contact form.
 * @csspart colleagues-panel - Holds the colleagues list and the internal chat.
 * @csspart placeholder - Says to choose a session while none is open.
 * @csspart close-button - Closes a finished session.
 * @csspart tabs - The phone layout's tab bar; each is a `tab`.
 * @csspart back-button - In the phone layout, goes back from the conversation to the tabs (also Escape).
 * @csspart contacts-button - Opens the contact directory (when `<conecta-contacts>` is loaded, or the `contacts` slot is filled).
 * @csspart contacts-dialog - The dialog holding the contact directory.
 *
 * @cssproperty --conecta-agent-desk-queue-width - The queue panel’s basis in a row (default `20rem`).
 * @cssproperty --conecta-agent-desk-side-width - The contact and colleagues panels’ basis in a row (default `18rem`).
 * @cssproperty --conecta-agent-desk-phone-min-height - The desk's least height in the phone layout, so that its tabs sit at the bottom of the screen (default `0px`).
 * @cssproperty --conecta-agent-desk-conversation-height - The session's height in the phone layout (default: the viewport's less 6rem, at least 24rem).
 *
 * @cssstate with-session - A session is open.
 * @cssstate phone - The desk is narrow enough for the phone layout.
 * @cssstate offline - The client is not connected (each panel also says so).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed (each panel shows why).
 */
export class ConectaAgentDesk extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, agentDeskStyles];

  /** The open session ('' for none). Set by the queue's choices; a CRM may set it too. */
  @property({ attribute: 'session-id', reflect: true }) sessionId = '';

  /**
   * Alerts (sound, notification) for new waiting sessions and colleagues' messages: the queue's and
   * the internal chat's `with-alerts`. The agent bar's switch sets it.
   */
  @property({ type: Boolean, attribute: 'with-alerts', reflect: true }) withAlerts = false;

  /** Leaves the agent bar out (the page has its own). */
  @property({ type: Boolean, attribute: 'without-bar', reflect: true }) withoutBar = false;

  /** Leaves the contact form out. */
  @property({ type: Boolean, attribute: 'without-contact-form', reflect: true }) withoutContactForm = false;

  /** Leaves the colleagues list and the internal chat out. */
  @property({ type: Boolean, attribute: 'without-colleagues', reflect: true }) withoutColleagues = false;

  /** Whether the contact directory's dialog is open. */
  @state() private directoryOpen = false;

  /** The phone layout's tab. */
  @state() private tab: DeskTab = 'waiting';
  /** In the phone layout, whether the open session is shown full screen (Back shows the tabs again). */
  @state() private conversationShown = false;

  private readonly openSession = new StoreSelection<Session | undefined>(this, (s) => selectSession(s, this.sessionId));
  readonly #width = new NarrowWidthController(this, PHONE_BELOW_REM);
  readonly #tabFocus = new RovingFocusController({
    direction: 'horizontal',
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="tab"]')],
    activate: (index) => this.#selectTab(DESK_TABS[index]!, true),
  });
  readonly #optional = new OptionalPanels(this);
  /**
   * The desk provides its client to every panel, its own and those a CRM slots in (a provider on the
   * host hears the requests of both, even of children that connected before the desk rendered).
   */
  readonly #provider = new ContextProvider(this, { context: clientContext, initialValue: undefined });

  constructor() {
    super();
    this.addEventListener('conecta-session-accepted', (event) => this.#open(event.detail.session));
    this.addEventListener('conecta-session-selected', (event) => this.#open(event.detail.session));
    // A conversation started from the directory is the agent's next one: open it.
    this.addEventListener('conecta-conversation-started', (event) => {
      this.#closeDirectory();
      // Sent to the automatic flow, it is not the agent's: it waits in the queue like any other.
      if (event.detail.session.status === 'active') this.#open(event.detail.session);
    });
    // Escape from the conversation goes back to the tabs, unless something inside used it (a dialog, a menu).
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !this.#phoneConversation()) return;
      event.preventDefault();
      this.#back();
    });
    // The bar's switch is the agent's own choice: it turns the queue's and the chat's alerts on and off.
    this.addEventListener('conecta-alerts-changed', (event) => (this.withAlerts = event.detail.enabled));
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // What the agent chose on an earlier visit (the bar keeps it for the site; it may load later).
    void customElements.whenDefined('conecta-agent-bar').then(() => {
      if (this.renderRoot.querySelector('conecta-agent-bar')?.alertsEnabled) this.withAlerts = true;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.setState('with-session', !!this.sessionId);
    this.setState('phone', this.#width.narrow);
    if (changed.has('sessionId') && this.sessionId) this.conversationShown = true;
    if (this.#provider.value !== this.client) this.#provider.setValue(this.client);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.shareAppearance();
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('[part="contacts-dialog"]');
    if (dialog && this.directoryOpen && !dialog.open) dialog.showModal();
  }

  /** Open the contact directory (the Contatos button does). */
  openDirectory(): void {
    void requestDefinition('conecta-contacts');
    this.directoryOpen = true;
  }

  #closeDirectory(): void {
    if (!this.directoryOpen) return;
    this.renderRoot.querySelector<HTMLDialogElement>('[part="contacts-dialog"]')?.close();
    this.directoryOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="contacts-button"]')?.focus());
  }

  /** The Contatos button and, once opened, the directory's dialog. */
  #renderDirectory() {
    const t = this.localize.t.agentDesk;
    return html`<button type="button" part="contacts-button" class="contacts-button" aria-haspopup="dialog"
        @click=${() => this.openDirectory()}>${icon(contactRound)} ${t.directory}</button>
      ${
        this.directoryOpen
          ? html`<dialog part="contacts-dialog" class="contacts-dialog" aria-labelledby="contacts-title"
            @close=${() => this.#closeDirectory()}>
            <div class="dialog-header">
              <h2 id="contacts-title">${t.directory}</h2>
              <button type="button" class="icon-button" aria-label=${this.localize.t.common.close}
                @click=${() => this.#closeDirectory()}>${icon(x)}</button>
            </div>
            ${this.#slot('contacts', html`<conecta-contacts></conecta-contacts>`)}
          </dialog>`
          : nothing
      }`;
  }

  #open(session: Session): void {
    this.sessionId = session.id;
    // Chosen again after Back: shown again, though the id did not change.
    this.conversationShown = true;
  }

  #close(): void {
    this.sessionId = '';
    this.conversationShown = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('conecta-queue')?.focus());
  }

  /** Whether the phone layout shows the open session full screen. */
  #phoneConversation(): boolean {
    return this.#width.narrow && this.conversationShown && !!this.sessionId;
  }

  /** From the conversation back to the tabs (the session stays open: the queue shows it). */
  #back(): void {
    this.conversationShown = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#desk-tab-${this.tab}`)?.focus());
  }

  #selectTab(tab: DeskTab, focus = false): void {
    this.tab = tab;
    // The queue's two phases the app has tabs for; its own tabs still reach the others (pending).
    const queue = this.renderRoot.querySelector<HTMLElement & { phase: string }>('conecta-queue');
    if (queue && (tab === 'waiting' || tab === 'sessions')) queue.phase = tab === 'waiting' ? 'waiting' : 'active';
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#desk-tab-${tab}`)?.focus());
  }

  /** Whether the CRM put content in a slot (named slots take elements only). */
  #filled(slot: string): boolean {
    return [...this.children].some((child) => child.slot === slot);
  }

  /**
   * A panel's slot, with the desk's own element only while the slot is empty: fallback content stays
   * connected even when unseen, and a hidden session element would still load and follow its session.
   */
  #slot(name: string, own: unknown) {
    return html`<slot name=${name} @slotchange=${() => this.requestUpdate()}>${this.#filled(name) ? nothing : own}</slot>`;
  }

  /** Whether a panel of an element that may be missing has something to show: the element, or the CRM's content. */
  #shows(tag: string, slot: string): boolean {
    return this.#optional.isDefined(tag) || this.#filled(slot);
  }

  protected override render() {
    const t = this.localize.t.agentDesk;
    const session = this.openSession.value;
    const showBar = !this.withoutBar && this.#shows('conecta-agent-bar', 'bar');
    const showAgents = this.#shows('conecta-agents', 'agents');
    const showChat = this.#shows('conecta-internal-chat', 'internal-chat');
    const showColleagues = !this.withoutColleagues && (showAgents || showChat);
    const phone = this.#width.narrow;
    const conversation = this.#phoneConversation();
    // In the phone layout one panel shows at a time: the conversation, or the chosen tab's.
    const shown = (panel: 'queue' | 'session' | 'contact' | 'colleagues') => {
      if (!phone) return true;
      if (conversation) return panel === 'session';
      if (panel === 'queue') return this.tab === 'waiting' || this.tab === 'sessions';
      if (panel === 'contact') return this.tab === 'contacts';
      return panel === 'colleagues' && this.tab === 'agents';
    };
    // No empty side column: it exists only while it has the contact or the colleagues to show.
    const side = (!!session && !this.withoutContactForm) || showColleagues;
    const layout = phone ? 'desk phone' : side ? 'desk' : 'desk without-side';
    return html`<div part="base" class=${layout}>
      <div part="bar-panel" class="bar" ?hidden=${!showBar || conversation}>${this.#slot('bar', html`<conecta-agent-bar></conecta-agent-bar>`)}</div>
      <div part="panels" class="panels">
        <section part="queue-panel" class="panel queue" aria-label=${t.queue} ?hidden=${!shown('queue')}>
          ${isDefinable('conecta-contacts') || this.#filled('contacts') ? this.#renderDirectory() : nothing}
          ${this.#slot('queue', html`<conecta-queue ?with-alerts=${this.withAlerts}></conecta-queue>`)}
        </section>
        <section part="session-panel" class="panel session" aria-label=${t.session} ?hidden=${!shown('session') || (phone && !conversation)}>
          ${conversation ? this.#renderBack() : nothing} ${this.#slot('session', this.#renderSession(session))}
        </section>
        <section part="contact-panel" class="panel contact" aria-label=${t.contact}
          ?hidden=${this.withoutContactForm || (!session && !phone) || !shown('contact')}>
          ${this.#slot('contact-form', session ? this.#renderContactForm(session.contactId) : nothing)}
          ${phone && !session ? html`<p class="placeholder">${this.localize.t.deskTabs.noContact}</p>` : nothing}
        </section>
        <section part="colleagues-panel" class="panel colleagues" aria-label=${this.localize.t.deskTabs.agents}
          ?hidden=${!showColleagues || !shown('colleagues')}>
          <div ?hidden=${!showAgents}>${this.#slot('agents', html`<conecta-agents></conecta-agents>`)}</div>
          <div ?hidden=${!showChat}>${this.#slot('internal-chat', html`<conecta-internal-chat variant="compact" ?with-alerts=${this.withAlerts}></conecta-internal-chat>`)}</div>
        </section>
      </div>
      ${phone && !conversation ? this.#renderTabs(showColleagues) : nothing}
    </div>`;
  }

  #renderContactForm(contactId: string) {
    void requestDefinition('conecta-contact-form'); // it upgrades in place once loaded
    return html`<conecta-contact-form contact-id=${contactId}></conecta-contact-form>`;
  }

  #renderBack() {
    const t = this.localize.t.deskTabs;
    return html`<button type="button" part="back-button" class="back" @click=${() => this.#back()}>${icon(arrowLeft)} ${t.back}</button>`;
  }

  /** The phone layout's tabs, at the bottom as in the app. */
  #renderTabs(showColleagues: boolean) {
    const t = this.localize.t.deskTabs;
    const tabs = DESK_TABS.filter((tab) => tab !== 'agents' || showColleagues);
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${t.label} @keydown=${this.#tabFocus.onKeydown}>
      ${tabs.map(
        (tab) => html`<button type="button" role="tab" part="tab" id="desk-tab-${tab}" aria-selected=${tab === this.tab ? 'true' : 'false'}
          tabindex=${tab === this.tab ? '0' : '-1'} @click=${() => this.#selectTab(tab)}>${icon(TAB_ICONS[tab])}<span>${t[tab]}</span></button>`,
      )}
    </div>`;
  }

  /** The open session (with Close once it is finished), or the placeholder. */
  #renderSession(session: Session | undefined) {
    const t = this.localize.t.agentDesk;
    if (!this.sessionId)
      return html`<div part="placeholder" class="placeholder empty">
        ${icon(messagesSquare)}
        <p class="empty-title">${this.localize.t.deskTabs.emptyTitle}</p>
        <p>${t.noSession}</p>
      </div>`;
    const close =
      session?.status === 'finished'
        ? html`<button type="button" part="close-button" class="close" @click=${() => this.#close()}>${t.close}</button>`
        : nothing;
    return html`${close}<conecta-session session-id=${this.sessionId}></conecta-session>`;
  }
}

define('conecta-agent-desk', ConectaAgentDesk);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-agent-desk': ConectaAgentDesk;
  }
}
