import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { selectSession } from '../../client/selectors.js';
import { clientContext } from '../../context/client-context.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import type { Session } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import '../conecta-contact-form/conecta-contact-form.js';
import '../conecta-queue/conecta-queue.js';
import '../conecta-session/conecta-session.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { agentDeskStyles } from './conecta-agent-desk.styles.js';
import { OptionalPanels } from './optional-panels.js';

/**
 * @summary The whole agent desk as one tag, for a CRM that wants everything: the agent bar above;
 * the queue, the open session and its contact's record side by side; colleagues and the internal
 * chat beside them. Every panel shares the desk's one client (a `<conecta-provider>` ancestor, the
 * `client` property, or the page's client for `server`). Choosing or accepting a session in the
 * queue opens it; a finished session stays open (so the contact's rating shows when it comes) until
 * the agent closes it or opens another. On a narrow host the panels wrap, one under the other.
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
 *
 * @event conecta-session-accepted - From the queue: a waiting session was accepted (the desk opens it).
 * @event conecta-session-selected - From the queue or the session: a session was chosen (the desk opens it).
 * @event conecta-session-finished - From the session: the agent finished it (the desk keeps it open, finished).
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
 *
 * @cssproperty --conecta-agent-desk-queue-width - The queue panel’s basis in a row (default `20rem`).
 * @cssproperty --conecta-agent-desk-side-width - The contact and colleagues panels’ basis in a row (default `18rem`).
 *
 * @cssstate with-session - A session is open.
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

  private readonly openSession = new StoreSelection<Session | undefined>(this, (s) => selectSession(s, this.sessionId));
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
    if (this.#provider.value !== this.client) this.#provider.setValue(this.client);
  }

  #open(session: Session): void {
    this.sessionId = session.id;
  }

  #close(): void {
    this.sessionId = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('conecta-queue')?.focus());
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
    return html`<div part="base" class="desk">
      <div part="bar-panel" class="bar" ?hidden=${!showBar}>${this.#slot('bar', html`<conecta-agent-bar></conecta-agent-bar>`)}</div>
      <div part="panels" class="panels">
        <section part="queue-panel" class="panel queue" aria-label=${t.queue}>${this.#slot('queue', html`<conecta-queue ?with-alerts=${this.withAlerts}></conecta-queue>`)}</section>
        <section part="session-panel" class="panel session" aria-label=${t.session}>${this.#slot('session', this.#renderSession(session))}</section>
        <section part="contact-panel" class="panel contact" aria-label=${t.contact} ?hidden=${this.withoutContactForm || !session}>
          ${this.#slot('contact-form', session ? html`<conecta-contact-form contact-id=${session.contactId}></conecta-contact-form>` : nothing)}
        </section>
        <section part="colleagues-panel" class="panel colleagues" aria-label=${t.colleagues} ?hidden=${!showColleagues}>
          <div ?hidden=${!showAgents}>${this.#slot('agents', html`<conecta-agents></conecta-agents>`)}</div>
          <div ?hidden=${!showChat}>${this.#slot('internal-chat', html`<conecta-internal-chat variant="compact" ?with-alerts=${this.withAlerts}></conecta-internal-chat>`)}</div>
        </section>
      </div>
    </div>`;
  }

  /** The open session (with Close once it is finished), or the placeholder. */
  #renderSession(session: Session | undefined) {
    const t = this.localize.t.agentDesk;
    if (!this.sessionId) return html`<p part="placeholder" class="placeholder">${t.noSession}</p>`;
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
