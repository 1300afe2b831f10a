import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { CommandController } from '../../controllers/command.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { avatar } from '../avatar.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { sameColleagues, selectColleagues, type Colleague } from './colleagues.js';
import { agentsStyles } from './conecta-agents.styles.js';
import { AgentSelectedEvent } from './events.js';

/** What `<conecta-agents>` opens a chat in: a `<conecta-internal-chat>` of the page (kept loose: it may not be loaded). */
interface ChatOpener extends Element {
  openConversation(agentId: string): Promise<void> | void;
}

/**
 * @summary Every colleague with their live state (available, on a break, away, offline), searchable by
 * name or nickname, with their unread internal-chat messages; choosing one opens the internal chat.
 *
 * Keyboard: the list has one tab stop; ArrowUp/ArrowDown/Home/End/PageUp/PageDown move between
 * colleagues, Enter or Space chooses. Choosing fires `conecta-agent-selected`; unless it is cancelled,
 * a `<conecta-internal-chat>` beside this element (same document or shadow root) opens the conversation.
 *
 * @event conecta-agent-selected - A colleague was chosen (cancelable: cancel to keep the chat closed). `detail: {agentId}`.
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed. `detail: {reason}`.
 *
 * @csspart base - The whole element.
 * @csspart search - The search box.
 * @csspart count - How many colleagues are listed (read politely).
 * @csspart list - The list of colleagues.
 * @csspart item - A colleague (`item online`, `item paused`, `item away`, `item offline`).
 * @csspart avatar - A colleague's avatar (photo, else initials).
 * @csspart state-dot - The colored dot of a colleague's state, on the avatar's corner.
 * @csspart skeleton - The shapes of rows shown while the colleagues load.
 * @csspart state - The colleague's state, in words.
 * @csspart unread - The colleague's unread internal-chat messages.
 * @csspart empty - No colleague (or none matches the search).
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown when the agent's sign-in ended.
 *
 * @cssproperty --conecta-agents-list-max-block-size - Height past which the list scrolls (default 28rem).
 * @cssproperty --conecta-agents-unread-background - Background of the unread counter (default: the brand color).
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaAgents extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, agentsStyles];

  @state() private query = '';
  /** The colleague holding the list's tab stop. */
  @state() private current = 0;

  private readonly colleagues = new StoreSelection<Colleague[]>(this, (s) => selectColleagues(s, this.query), sameColleagues);
  private readonly catalogLoaded = new StoreSelection<boolean>(this, (s) => s.catalog !== null, Object.is);
  readonly #load = new CommandController<[], void>(this, {
    run: () => this.client!.loadCatalog(),
    errorMessage: (error) => this.errorMessage(error),
  });
  readonly #roving = new RovingFocusController({
    direction: 'vertical',
    pageStep: 10,
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')],
    activate: (index) => void this.focusColleague(index),
  });

  constructor() {
    super();
    this.clientController.subscribe((client) => client && void this.loadColleagues());
  }

  /** Ask for the colleagues again (done once when the element gets its client, if none are held). */
  async loadColleagues(force = false): Promise<void> {
    const client = this.client;
    if (!client || (!force && client.store.state.catalog)) return;
    await this.#load.run();
  }

  /** Move the list's focus to the colleague at `index`. */
  async focusColleague(index: number): Promise<void> {
    this.current = index;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[index]?.focus();
  }

  /** Choose a colleague, as a click does: fires `conecta-agent-selected`, then opens the chat beside, unless cancelled. */
  selectColleague(agentId: string): void {
    const event = new AgentSelectedEvent({ agentId });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) void this.#chatBeside()?.openConversation(agentId);
  }

  /** The page's internal chat: in this element's own tree first (a desk's shadow root), else the document. */
  #chatBeside(): ChatOpener | null {
    const root = this.getRootNode() as Document | ShadowRoot;
    const found = root.querySelector('conecta-internal-chat') ?? document.querySelector('conecta-internal-chat');
    return found && typeof (found as Partial<ChatOpener>).openConversation === 'function' ? (found as ChatOpener) : null;
  }

  #renderItem(colleague: Colleague, index: number) {
    const t = this.localize.t.agents;
    const stateText = t.states[colleague.state];
    return html`<li>
      <button part="item ${colleague.state}" class=${colleague.state} data-agent-id=${colleague.id}
        tabindex=${index === Math.min(this.current, this.colleagues.value.length - 1) ? '0' : '-1'}
        title=${t.openChat(colleague.name)} @click=${() => this.selectColleague(colleague.id)} @focus=${() => (this.current = index)}>
        <span class="who">${avatar({ name: colleague.name, photoUrl: colleague.photoUrl })}<span part="state-dot" aria-hidden="true"></span></span>
        <span class="names">
          <span class="name">${colleague.name}</span>
          ${colleague.nickname ? html`<span class="muted nickname">${colleague.nickname}</span>` : nothing}
        </span>
        <span part="state" class="muted">${stateText}</span>
        ${colleague.unread ? html`<span part="unread" title=${t.unread(colleague.unread)}><span aria-hidden="true">${colleague.unread}</span><span class="visually-hidden">${t.unread(colleague.unread)}</span></span>` : nothing}
      </button>
    </li>`;
  }

  /** While the colleagues load: shapes of the rows to come (the status says it to assistive technology). */
  #renderSkeleton() {
    const row = html`<li class="skeleton-row"><span class="avatar"></span><span class="bar"></span></li>`;
    return html`<p class="visually-hidden loading-status" role="status">${this.localize.t.common.loading}</p>
      <ul class="skeleton" part="skeleton" aria-hidden="true">${row}${row}${row}</ul>`;
  }

  protected override render() {
    const t = this.localize.t.agents;
    const colleagues = this.colleagues.value;
    const loading = this.#load.pending() && !this.catalogLoaded.value;
    const error = this.#load.error();
    const offline = this.connection.value !== 'connected';
    return html`<section part="base" aria-label=${t.label} aria-busy=${loading ? 'true' : 'false'}>
      ${offline ? this.renderConnection() : nothing}
      <label class="visually-hidden" for="search">${t.search}</label>
      <input id="search" part="search" type="search" placeholder=${t.searchPlaceholder} .value=${this.query}
        @input=${(event: Event) => {
          this.query = (event.target as HTMLInputElement).value;
          this.current = 0;
        }} />
      <p part="count" class="visually-hidden" role="status">${this.catalogLoaded.value ? t.count(colleagues.length) : ''}</p>
      ${loading ? this.#renderSkeleton() : nothing}
      ${
        error
          ? html`<p class="error" role="alert">${error}
            <button class="link" @click=${() => this.loadColleagues(true)}>${this.localize.t.common.retry}</button></p>`
          : nothing
      }
      ${
        this.catalogLoaded.value && colleagues.length === 0
          ? html`<p part="empty" class="muted empty">${this.query.trim() ? t.noMatch(this.query.trim()) : t.empty}</p>`
          : nothing
      }
      ${
        colleagues.length
          ? html`<ul part="list" aria-label=${t.label} @keydown=${this.#roving.onKeydown}>
            ${repeat(
              colleagues,
              (colleague) => colleague.id,
              (colleague, index) => this.#renderItem(colleague, index),
            )}
          </ul>`
          : nothing
      }
    </section>`;
  }
}

define('conecta-agents', ConectaAgents);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-agents': ConectaAgents;
  }
}
