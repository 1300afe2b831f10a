import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import arrowLeft from 'lucide/dist/esm/icons/arrow-left.mjs';
import { selectContact } from '../../client/selectors.js';
import { CommandController } from '../../controllers/command.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { icon } from '../../icons/icon.js';
import type { Contact, Session } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { panelStyles } from '../../styles/panel.js';
import '../conecta-session/conecta-session.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { contactHistoryStyles } from './conecta-contact-history.styles.js';

const PAGE_SIZE = 30;

/**
 * @summary A contact's past sessions on every channel, newest first — protocol, channel, team,
 * agent, start, end and rating — with "load more"; one opens read only, in the session view
 * `<conecta-session>` has, with a way back. As the server's `contact.history`: an agent without the
 * history permission sees only its own teams' sessions, and is told so.
 *
 * @csspart base - The whole element.
 * @csspart heading - The title (left out with `without-heading`).
 * @csspart own-teams - Says only the agent's teams' sessions are listed (no history permission).
 * @csspart list - The table of sessions.
 * @csspart item - A session's row.
 * @csspart open-button - Opens a session read only.
 * @csspart empty - The contact has no session (that the agent may see).
 * @csspart more-button - Loads older sessions.
 * @csspart back-button - From an opened session back to the list.
 * @csspart earlier-session - The opened session (a `<conecta-session>`).
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown when the agent's sign-in ended.
 *
 * @cssproperty --conecta-contact-history-session-height - The opened session's height (default `32rem`).
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaContactHistory extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, panelStyles, contactHistoryStyles];

  /** The contact whose sessions are listed. */
  @property({ attribute: 'contact-id', reflect: true }) contactId = '';

  /** Leaves the heading out, for a container with its own (a dialog's title). */
  @property({ type: Boolean, attribute: 'without-heading', reflect: true }) withoutHeading = false;

  @state() private sessions: Session[] = [];
  @state() private hasMore = false;
  @state() private loaded = false;
  /** The session opened read only, or null while the list shows. */
  @state() private opened: Session | null = null;
  #loadedFor: { client: unknown; contactId: string } | null = null;

  private readonly contact = new StoreSelection<Contact | undefined>(this, (s) => selectContact(s, this.contactId));
  private readonly me = new StoreSelection(this, (s) => s.me, Object.is);
  private readonly catalog = new StoreSelection(this, (s) => s.catalog, Object.is);
  readonly #load = new CommandController<[boolean], void>(this, {
    errorMessage: (error) => this.errorMessage(error),
    run: async (more) => {
      const contactId = this.contactId;
      const before = more ? (this.sessions.at(-1)?.createdAt ?? null) : null;
      const page = await this.client!.command('contact.history', { contactId, before, limit: PAGE_SIZE });
      if (contactId !== this.contactId) return; // another contact was asked for meanwhile
      this.sessions = more ? [...this.sessions, ...page.sessions] : page.sessions;
      this.hasMore = page.hasMore;
      this.loaded = true;
    },
  });

  constructor() {
    super();
    this.clientController.subscribe(() => this.#loadFirstPage());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contactId')) this.#loadFirstPage();
  }

  /** Reload the first page (after the contact's sessions changed, say). */
  async reload(): Promise<void> {
    this.#loadedFor = null;
    this.#loadFirstPage();
    await this.updateComplete;
  }

  #loadFirstPage(): void {
    const client = this.client;
    if (!client || !this.contactId) return;
    if (this.#loadedFor?.client === client && this.#loadedFor.contactId === this.contactId) return;
    this.#loadedFor = { client, contactId: this.contactId };
    this.sessions = [];
    this.loaded = false;
    this.opened = null;
    void client.loadCatalog().catch(() => undefined); // team names; the list shows ids without them
    void this.#load.run(false);
  }

  #open(session: Session): void {
    this.opened = session;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="back-button"]')?.focus());
  }

  #back(): void {
    const id = this.opened?.id;
    this.opened = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-session-id="${id}"]`)?.focus());
  }

  #renderRow(session: Session) {
    const t = this.localize.t.contactHistory;
    const team = this.catalog.value?.teams.find((each) => each.id === session.teamId)?.name ?? session.teamId;
    const rating = session.rating === null ? t.noRating : this.localize.t.session.ratingStars(session.rating, 5);
    return html`<tr part="item">
      <td data-label=${t.protocol}>
        <button type="button" class="link" part="open-button" data-session-id=${session.id} aria-label=${t.open(session.protocol)}
          @click=${() => this.#open(session)}>${session.protocol}</button>
      </td>
      <td data-label=${t.channel}>${this.localize.t.channels[session.channel]}</td>
      <td data-label=${t.team}>${team}</td>
      <td data-label=${t.agent}><span class="name">${session.agentName ?? '—'}</span></td>
      <td data-label=${t.started}>${this.localize.dateTime(session.createdAt)}</td>
      <td data-label=${t.finished}>${session.finishedAt === null ? t.notFinished : this.localize.dateTime(session.finishedAt)}</td>
      <td data-label=${t.rating}>${rating}</td>
    </tr>`;
  }

  #renderList() {
    const t = this.localize.t.contactHistory;
    const error = this.#load.error();
    const loading = this.#load.pending();
    return html`${this.me.value && !this.me.value.permissions.history ? html`<p part="own-teams" class="muted">${t.ownTeams}</p>` : nothing}
      ${loading && !this.loaded ? html`<p role="status">${this.localize.t.common.loading}</p>` : nothing}
      ${
        error
          ? html`<p class="error" role="alert">${error}
            <button type="button" class="link" @click=${() => this.#load.run(this.loaded)}>${this.localize.t.common.retry}</button></p>`
          : nothing
      }
      ${this.loaded && this.sessions.length === 0 ? html`<p part="empty" class="muted">${t.empty}</p>` : nothing}
      ${
        this.sessions.length
          ? html`<div class="scroll"><table part="list">
            <thead><tr>
              <th scope="col">${t.protocol}</th><th scope="col">${t.channel}</th><th scope="col">${t.team}</th>
              <th scope="col">${t.agent}</th><th scope="col">${t.started}</th><th scope="col">${t.finished}</th><th scope="col">${t.rating}</th>
            </tr></thead>
            <tbody>${repeat(
              this.sessions,
              (session) => session.id,
              (session) => this.#renderRow(session),
            )}</tbody>
          </table></div>`
          : nothing
      }
      ${
        this.hasMore
          ? html`<button type="button" part="more-button" ?disabled=${loading} aria-busy=${loading ? 'true' : 'false'}
            @click=${() => this.#load.run(true)}>${t.loadMore}</button>`
          : nothing
      }`;
  }

  /** The opened session, in `<conecta-session>`'s own view, read only. */
  #renderOpened(session: Session) {
    const t = this.localize.t.contactHistory;
    return html`<button type="button" part="back-button" @click=${() => this.#back()}>${icon(arrowLeft)} ${t.back}</button>
      <conecta-session part="earlier-session" session-id=${session.id} read-only without-side-panel .client=${this.client}></conecta-session>`;
  }

  protected override render() {
    const t = this.localize.t.contactHistory;
    const name = this.contact.value?.name;
    const title = name ? t.label(name) : t.labelUnknown;
    return html`<section part="base" aria-label=${title}>
      ${this.connection.value !== 'connected' ? this.renderConnection() : nothing}
      ${this.withoutHeading ? nothing : html`<h2 part="heading">${title}</h2>`}
      ${this.opened ? this.#renderOpened(this.opened) : this.#renderList()}
    </section>`;
  }
}

define('conecta-contact-history', ConectaContactHistory);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-contact-history': ConectaContactHistory;
  }
}
