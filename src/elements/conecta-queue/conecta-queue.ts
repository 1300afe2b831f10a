import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { selectActive, selectWaiting, shallowEqual } from '../../client/selectors.js';
import type { ConectaState } from '../../client/state.js';
import { ClockController } from '../../controllers/clock.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import type { Contact, Session, Team } from '../../protocol/index.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaElement, define } from '../conecta-element.js';
import { queueStyles } from './conecta-queue.styles.js';
import { SessionAcceptedEvent, SessionSelectedEvent } from './events.js';

interface QueueRow {
  session: Session;
  contact: Contact | undefined;
  team: Team | undefined;
}
interface QueueSlice {
  waiting: QueueRow[];
  active: QueueRow[];
}

const row = (state: ConectaState) => (session: Session): QueueRow => ({
  session,
  contact: state.contacts[session.contactId],
  team: state.teams[session.teamId],
});
const rowsEqual = (a: QueueRow[], b: QueueRow[]) => a.length === b.length && a.every((each, i) => shallowEqual(each, b[i]));

type AcceptState = { status: 'pending' } | { status: 'error'; message: string };

/**
 * @summary The agent's queue: sessions waiting for the agent's teams (oldest first, with a live
 * wait time and an Accept button) and the agent's own active sessions.
 *
 * @event conecta-session-accepted - A waiting session was accepted. `detail: {session, contact}`.
 * @event conecta-session-selected - An active session was chosen (click or Enter). `detail: {session, contact}`.
 *
 * @csspart base - The whole queue.
 * @csspart heading - The heading of each group (waiting, active).
 * @csspart counter - The number of sessions in a group.
 * @csspart list - Each group's list.
 * @csspart item - A session row (`item waiting` or `item active`).
 * @csspart wait-time - The live wait time of a waiting session.
 * @csspart accept-button - The Accept button of a waiting session (disabled, described by the connection
 *   notice, while the client is not connected).
 * @csspart connection - The notice shown while the client is not connected.
 *
 * @cssproperty --conecta-queue-counter-background - Background of the counters (default: the brand color).
 * @cssproperty --conecta-queue-wait-color - Color of the wait time.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 */
export class ConectaQueue extends ConectaElement {
  static override styles = [hostStyles, queueStyles];

  /** Show only this team's sessions (a team id). */
  @property({ reflect: true }) team = '';

  @state() private loading = false;
  @state() private loadError = '';
  @state() private accepting: ReadonlyMap<string, AcceptState> = new Map();
  @state() private selectedId = '';

  private readonly queue = new StoreSelection<QueueSlice>(
    this,
    (s) => ({ waiting: selectWaiting(s, this.team || null).map(row(s)), active: selectActive(s, this.team || null).map(row(s)) }),
    (a, b) => rowsEqual(a.waiting, b.waiting) && rowsEqual(a.active, b.active),
  );
  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.clientController.subscribe((client) => client && void this.loadQueue());
  }

  /** Ask the client for the queue again (done once when the element gets its client). */
  async loadQueue(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.loading = true;
    this.loadError = '';
    try {
      await client.loadQueue();
    } catch (error) {
      this.loadError = this.errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  /** Accept a waiting session, as its Accept button does. */
  async acceptSession(sessionId: string): Promise<void> {
    const client = this.client;
    if (!client || this.accepting.get(sessionId)?.status === 'pending') return;
    this.#setAccepting(sessionId, { status: 'pending' });
    try {
      const result = await client.command('session.accept', { sessionId });
      this.#setAccepting(sessionId, null);
      this.dispatchEvent(new SessionAcceptedEvent({ session: result.session, contact: result.contact }));
    } catch (error) {
      this.#setAccepting(sessionId, { status: 'error', message: this.errorMessage(error) });
    }
  }

  #setAccepting(sessionId: string, value: AcceptState | null): void {
    const next = new Map(this.accepting);
    if (value) next.set(sessionId, value);
    else next.delete(sessionId);
    this.accepting = next;
  }

  #select(row: QueueRow): void {
    if (!row.contact) return;
    this.selectedId = row.session.id;
    this.dispatchEvent(new SessionSelectedEvent({ session: row.session, contact: row.contact }));
  }

  #contactName(row: QueueRow): string {
    return row.contact?.name || this.localize.t.queue.unknownContact;
  }

  #renderWhere(row: QueueRow) {
    const channel = this.localize.t.channels[row.session.channel] ?? row.session.channel;
    return html`<span class="where">${channel}${row.team ? html` · ${row.team.name}` : nothing}</span>`;
  }

  #renderWaiting(row: QueueRow) {
    const t = this.localize.t.queue;
    const name = this.#contactName(row);
    const accept = this.accepting.get(row.session.id);
    const pending = accept?.status === 'pending';
    const errorId = `accept-error-${row.session.id}`;
    // Not connected: accepting could take a session someone else already has, so wait, and say why.
    const offline = this.connection.value !== 'connected';
    const describedBy = [offline ? 'connection-notice' : '', accept?.status === 'error' ? errorId : ''].filter(Boolean).join(' ');
    return html`<li part="item waiting" data-session-id=${row.session.id}>
      <div class="who">
        <span class="name">${name}</span>
        ${this.#renderWhere(row)}
        <span class="last">${row.session.lastMessageText ?? t.noMessage}</span>
        <span part="wait-time" title=${this.localize.dateTime(row.session.createdAt)}
          >${t.waitingFor(this.localize.duration(this.clock.now - row.session.createdAt))}</span
        >
      </div>
      <button
        part="accept-button"
        class="primary"
        aria-label=${t.acceptLabel(name)}
        aria-describedby=${describedBy || nothing}
        ?disabled=${pending || offline}
        aria-busy=${pending ? 'true' : 'false'}
        @click=${() => this.acceptSession(row.session.id)}
      >
        ${pending ? html`<span class="spinner" aria-hidden="true"></span> ${t.accepting}` : t.accept}
      </button>
      ${accept?.status === 'error'
        ? html`<p class="error item-error" id=${errorId} role="alert">${accept.message}</p>`
        : nothing}
    </li>`;
  }

  #renderActive(row: QueueRow) {
    return html`<li>
      <button
        part="item active"
        data-session-id=${row.session.id}
        aria-current=${this.selectedId === row.session.id ? 'true' : 'false'}
        @click=${() => this.#select(row)}
      >
        <span class="who">
          <span class="name">${this.#contactName(row)}</span>
          ${this.#renderWhere(row)}
          <span class="last">${row.session.lastMessageText ?? this.localize.t.queue.noMessage}</span>
        </span>
      </button>
    </li>`;
  }

  protected override render() {
    const t = this.localize.t.queue;
    const { waiting, active } = this.queue.value;
    const loading = this.loading && waiting.length === 0 && active.length === 0;
    return html`<section part="base" aria-label=${t.label} aria-busy=${loading ? 'true' : 'false'}>
      ${this.connection.value === 'connected'
        ? nothing
        : html`<div id="connection-notice">${this.renderConnection()}</div>`}
      ${loading ? html`<p class="empty" role="status">${this.localize.t.common.loading}</p>` : nothing}
      ${this.loadError
        ? html`<p class="error empty" role="alert">
            ${this.loadError}
            <button class="link" @click=${() => this.loadQueue()}>${this.localize.t.common.retry}</button>
          </p>`
        : nothing}
      <div class="group">
        <h2 part="heading" id="waiting-heading">
          ${t.waitingHeading}
          <span part="counter" class="waiting-count" title=${t.waitingCount(waiting.length)}>${waiting.length}</span>
        </h2>
        ${waiting.length
          ? html`<ul part="list" class="waiting" aria-labelledby="waiting-heading">
              ${repeat(waiting, (each) => each.session.id, (each) => this.#renderWaiting(each))}
            </ul>`
          : loading ? nothing : html`<p class="empty">${t.emptyWaiting}</p>`}
      </div>
      <div class="group">
        <h2 part="heading" id="active-heading">
          ${t.activeHeading}
          <span part="counter" class="active-count" title=${t.activeCount(active.length)}>${active.length}</span>
        </h2>
        ${active.length
          ? html`<ul part="list" class="active" aria-labelledby="active-heading">
              ${repeat(active, (each) => each.session.id, (each) => this.#renderActive(each))}
            </ul>`
          : loading ? nothing : html`<p class="empty">${t.emptyActive}</p>`}
      </div>
    </section>`;
  }
}

define('conecta-queue', ConectaQueue);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-queue': ConectaQueue;
  }
}
export * from './events.js';
