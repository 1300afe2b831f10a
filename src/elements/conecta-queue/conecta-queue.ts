import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { selectMessages } from '../../client/selectors.js';
import { AlertController } from '../../controllers/alert-controller.js';
import { ClockController } from '../../controllers/clock.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { BULK_LIMIT, type ClientMessage, type Contact, type Session } from '../../protocol/index.js';
import { hostStyles } from '../../styles/host.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { renderTranscript } from '../transcript.js';
import { transcriptStyles } from '../transcript.styles.js';
import { queueStyles } from './conecta-queue.styles.js';
import { SessionAcceptedEvent, SessionSelectedEvent } from './events.js';
import {
  QUEUE_PHASES,
  isInvited,
  lastInteractionAt,
  queueSliceEqual,
  sameItems,
  selectQueue,
  selectQueueWaiting,
  waitingFor,
  type QueuePhase,
  type QueueSlice,
} from './queue-selectors.js';

/** Past this many rows a list is virtualized: only the rows in view are in the DOM. */
const VIRTUALIZE_FROM = 200;
/** Server search waits for the agent to stop typing this long (ms). */
const SEARCH_DELAY = 300;
/** Counters are read aloud at most this often (ms); the latest counts win. */
const ANNOUNCE_EVERY = 2000;
/** Below this many characters only what the store holds is searched. */
const SERVER_SEARCH_FROM = 3;

type RowAction = { kind: 'accept' | 'rescue'; status: 'pending' } | { kind: 'accept' | 'rescue'; status: 'error'; message: string };
type BulkState =
  | { action: 'rescue' | 'finish'; status: 'pending' | 'done'; count: number }
  | { action: 'rescue' | 'finish'; status: 'error'; message: string };

const noMessages: readonly ClientMessage[] = [];

/**
 * @summary The agent's queue in three phases — waiting (oldest first, live wait time, for the team or
 * for the agent), in service, and pending (most recent interaction first) — with team filter, search,
 * a read-only preview of waiting sessions, accept, rescue, bulk rescue/finish of up to 50 pending
 * sessions, and an optional alert for new waiting sessions while the page is hidden.
 *
 * Keyboard: each list is a grid with one tab stop; ArrowUp/ArrowDown/Home/End move between sessions,
 * Enter opens (the preview for a waiting session, `conecta-session-selected` for the others), Space
 * selects a pending session, Tab reaches the focused session's buttons. Counters are announced politely.
 * Past 200 sessions a list is virtualized (10,000 stay smooth); the focused session is scrolled into view.
 *
 * @event conecta-session-accepted - A waiting session was accepted by this agent. `detail: {session, contact}`.
 * @event conecta-session-selected - An active or pending session was opened (click or Enter). `detail: {session, contact}`.
 *
 * @csspart base - The whole queue.
 * @csspart tabs - The phase tabs.
 * @csspart tab - One phase's tab.
 * @csspart notice - Why the last accept failed (e.g. another agent won the race), above the list.
 * @csspart counter - The number of sessions of a phase.
 * @csspart toolbar - Team filter and search.
 * @csspart team-select - The team filter.
 * @csspart search - The search box.
 * @csspart list - A phase's list (a grid of sessions).
 * @csspart item - A session row (`item waiting`, `item active` or `item pending`).
 * @csspart badge - "For the team" / "For you" on waiting sessions, "Invited" on active ones.
 * @csspart wait-time - The live wait time of a waiting session.
 * @csspart accept-button - The Accept button of a waiting session.
 * @csspart preview-button - The "View conversation" button.
 * @csspart rescue-button - The Rescue button of a pending session.
 * @csspart bulk-bar - Selection and bulk actions of the pending phase.
 * @csspart preview - The read-only preview dialog.
 * @csspart connection - The notice shown while the client is not connected.
 *
 * @cssproperty --conecta-queue-counter-background - Background of the counters (default: the brand color).
 * @cssproperty --conecta-queue-wait-color - Color of the wait time.
 * @cssproperty --conecta-queue-list-max-block-size - Height past which a list scrolls (default 32rem).
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 */
export class ConectaQueue extends ConectaAgentElement {
  static override styles = [hostStyles, spinnerStyles, transcriptStyles, queueStyles];

  /** Show only this team's sessions (a team id); empty: every team of the agent's. */
  @property({ reflect: true }) team = '';

  /** The phase shown: `waiting`, `active` or `pending`. */
  @property({ reflect: true }) phase: QueuePhase = 'waiting';

  /** Beep and show a browser notification when a new session starts waiting while the page is hidden. */
  @property({ type: Boolean, reflect: true, attribute: 'with-alerts' }) withAlerts = false;

  /** What alerts use (sound, notification, page visibility): replace it to change the sound, or in tests. */
  alertController = new AlertController();

  @state() private query = '';
  @state() private searching = false;
  /** The last server search failed: the list shows only what the store already held. */
  @state() private searchFailed = false;
  @state() private loading = false;
  @state() private loadError = '';
  @state() private rowActions: ReadonlyMap<string, RowAction> = new Map();
  @state() private selectedId = '';
  @state() private focusIndex: Record<QueuePhase, number> = { waiting: 0, active: 0, pending: 0 };
  @state() private selection: ReadonlySet<string> = new Set();
  @state() private bulk: BulkState | null = null;
  @state() private confirmingFinish = false;
  @state() private previewId = '';
  @state() private previewLoading = false;
  @state() private previewError = '';
  @state() private announcement = '';
  /** The last failed accept, kept above the list: its row disappears when the winner's update arrives. */
  @state() private acceptNotice = '';
  @state() private notificationPermission: NotificationPermission | 'unsupported' = 'default';

  private readonly queue = new StoreSelection<QueueSlice>(
    this,
    (s) => selectQueue(s, { teamId: this.team || null, query: this.query }),
    queueSliceEqual,
  );
  /** Every session waiting for the agent, whatever the filters: new ones raise the alert. */
  private readonly allWaiting = new StoreSelection<readonly Session[]>(this, (s) => selectQueueWaiting(s), sameItems);
  private readonly previewMessages = new StoreSelection<readonly ClientMessage[]>(
    this,
    (s) => (this.previewId ? selectMessages(s, this.previewId) : noMessages),
    Object.is,
  );
  private readonly clock = new ClockController(this);

  #knownWaiting: Set<string> | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;
  #announced: Record<QueuePhase, number> | null = null;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #lastAnnounceAt = 0;
  #previewOpener: HTMLElement | null = null;
  #listHasFocus = false;

  constructor() {
    super();
    this.clientController.subscribe((client) => client && void this.loadQueue());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.notificationPermission = this.alertController.permission;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#announceTimer);
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
      // What is waiting after the first load is not news: only later arrivals alert.
      this.#knownWaiting ??= new Set(selectQueueWaiting(client.store.state).map((s) => s.id));
    }
  }

  /** Accept a waiting session, as its Accept button does. */
  async acceptSession(sessionId: string): Promise<void> {
    const client = this.client;
    if (!client || this.rowActions.get(sessionId)?.status === 'pending') return;
    this.#setRowAction(sessionId, { kind: 'accept', status: 'pending' });
    try {
      const result = await client.command('session.accept', { sessionId });
      this.#setRowAction(sessionId, null);
      this.acceptNotice = '';
      this.dispatchEvent(new SessionAcceptedEvent({ session: result.session, contact: result.contact }));
    } catch (error) {
      const message = this.errorMessage(error);
      this.#setRowAction(sessionId, { kind: 'accept', status: 'error', message });
      const { sessions, contacts } = client.store.state;
      const name = contacts[sessions[sessionId]?.contactId ?? '']?.name ?? this.localize.t.queue.unknownContact;
      this.acceptNotice = `${name}: ${message}`;
    }
  }

  /** Rescue one pending session: it becomes active again. */
  async rescueSession(sessionId: string): Promise<void> {
    const client = this.client;
    if (!client || this.rowActions.get(sessionId)?.status === 'pending') return;
    this.#setRowAction(sessionId, { kind: 'rescue', status: 'pending' });
    try {
      await client.command('session.rescue', { sessionIds: [sessionId] });
      this.#setRowAction(sessionId, null);
      this.#deselect([sessionId]);
    } catch (error) {
      this.#setRowAction(sessionId, { kind: 'rescue', status: 'error', message: this.errorMessage(error) });
    }
  }

  /** Rescue the selected pending sessions (at most 50) in one command. */
  rescueSelected(): Promise<void> {
    return this.#runBulk('rescue', [...this.selection]);
  }

  /** Finish the selected pending sessions (at most 50) in one command; no survey is sent. Does not ask. */
  finishSelected(): Promise<void> {
    return this.#runBulk('finish', [...this.selection]);
  }

  /** Open the read-only preview of a session's conversation (does not accept it). */
  async previewSession(sessionId: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    const active = this.shadowRoot?.activeElement;
    this.#previewOpener = active instanceof HTMLElement ? active : null;
    this.previewId = sessionId;
    this.previewError = '';
    await this.updateComplete;
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
    this.previewLoading = true;
    try {
      await client.openSession(sessionId);
    } catch (error) {
      if (this.previewId === sessionId) this.previewError = this.errorMessage(error);
    } finally {
      if (this.previewId === sessionId) this.previewLoading = false;
    }
  }

  /** Close the preview; focus returns to what opened it. */
  closePreview(): void {
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    else this.#afterPreviewClosed();
  }

  /** Ask the browser for the notification permission (from a click). */
  async requestNotifications(): Promise<void> {
    this.notificationPermission = await this.alertController.requestPermission();
  }

  // — store-driven bookkeeping —

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const waiting = this.allWaiting.value;
    if (this.#knownWaiting) {
      const arrived = waiting.filter((s) => !this.#knownWaiting!.has(s.id));
      if (arrived.length && this.withAlerts) this.#alert(arrived[0]!);
      this.#knownWaiting = new Set(waiting.map((s) => s.id));
    }
    const pendingIds = new Set(this.queue.value.lists.pending.map((s) => s.id));
    if ([...this.selection].some((id) => !pendingIds.has(id) && !this.#stillPending(id))) {
      this.selection = new Set([...this.selection].filter((id) => this.#stillPending(id)));
    }
    const lists = this.queue.value.lists;
    for (const phase of QUEUE_PHASES) {
      const last = Math.max(0, lists[phase].length - 1);
      if (this.focusIndex[phase] > last) this.focusIndex = { ...this.focusIndex, [phase]: last };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#announceCounts();
  }

  #stillPending(id: string): boolean {
    const session = this.client?.store.state.sessions[id];
    return session?.status === 'pending';
  }

  #alert(session: Session): void {
    const state = this.client?.store.state;
    const t = this.localize.t.queue;
    const name = state?.contacts[session.contactId]?.name || t.unknownContact;
    const team = state?.teams[session.teamId]?.name ?? session.teamId;
    this.alertController.alert(t.alertTitle, t.alertBody(name, team), `conecta-waiting-${session.id}`);
  }

  /** Say the counts that changed, politely and at most every ANNOUNCE_EVERY ms (the first at once). */
  #announceCounts(): void {
    if (this.loading && !this.#announced) return;
    const counts = this.queue.value.counts;
    if (!this.#announced) {
      this.#announced = { ...counts };
      return;
    }
    if (QUEUE_PHASES.every((p) => counts[p] === this.#announced![p]) || this.#announceTimer !== undefined) return;
    const wait = Math.max(0, this.#lastAnnounceAt + ANNOUNCE_EVERY - Date.now());
    const say = () => {
      this.#announceTimer = undefined;
      const now = this.queue.value.counts;
      const t = this.localize.t.queue;
      const words = { waiting: t.announceWaiting, active: t.announceActive, pending: t.announcePending };
      const changed = QUEUE_PHASES.filter((p) => now[p] !== this.#announced![p]);
      this.#announced = { ...now };
      if (!changed.length) return;
      this.#lastAnnounceAt = Date.now();
      this.announcement = changed.map((p) => words[p](now[p])).join(', ');
    };
    if (wait === 0) say();
    else this.#announceTimer = setTimeout(say, wait);
  }

  // — actions —

  #setRowAction(sessionId: string, value: RowAction | null): void {
    const next = new Map(this.rowActions);
    if (value) next.set(sessionId, value);
    else next.delete(sessionId);
    this.rowActions = next;
  }

  async #runBulk(action: 'rescue' | 'finish', sessionIds: string[]): Promise<void> {
    const client = this.client;
    if (!client || !sessionIds.length || this.bulk?.status === 'pending') return;
    this.confirmingFinish = false;
    if (sessionIds.length > BULK_LIMIT) {
      this.bulk = { action, status: 'error', message: this.localize.t.queue.bulkLimit(BULK_LIMIT) };
      return;
    }
    this.bulk = { action, status: 'pending', count: sessionIds.length };
    try {
      const name = action === 'rescue' ? 'session.rescue' : 'session.finishMany';
      const result = await client.command(name, { sessionIds });
      this.bulk = { action, status: 'done', count: result.sessions.length };
      this.#deselect(sessionIds);
    } catch (error) {
      const invalidIds = (error as { code?: string; fields?: Record<string, string> }).code === 'INVALID_PAYLOAD' &&
        !!(error as { fields?: Record<string, string> }).fields?.sessionIds;
      this.bulk = { action, status: 'error', message: invalidIds ? this.localize.t.queue.bulkLimit(BULK_LIMIT) : this.errorMessage(error) };
    }
  }

  #deselect(ids: readonly string[]): void {
    const next = new Set(this.selection);
    ids.forEach((id) => next.delete(id));
    this.selection = next;
  }

  #toggleSelected(sessionId: string): void {
    const next = new Set(this.selection);
    if (next.has(sessionId)) next.delete(sessionId);
    else if (next.size < BULK_LIMIT) next.add(sessionId);
    else return;
    this.selection = next;
  }

  #toggleAllVisible(): void {
    const visible = this.queue.value.lists.pending;
    const allSelected = visible.length > 0 && visible.every((s) => this.selection.has(s.id));
    if (allSelected || this.selection.size >= BULK_LIMIT) {
      this.#deselect(visible.map((s) => s.id));
      return;
    }
    const next = new Set(this.selection);
    for (const s of visible) {
      if (next.size >= BULK_LIMIT) break;
      next.add(s.id);
    }
    this.selection = next;
  }

  #open(phase: QueuePhase, session: Session): void {
    if (phase === 'waiting') {
      void this.previewSession(session.id);
      return;
    }
    const contact = this.client?.store.state.contacts[session.contactId];
    if (!contact) return;
    this.selectedId = session.id;
    this.dispatchEvent(new SessionSelectedEvent({ session, contact }));
  }

  // — search and filter —

  #onSearchInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    const query = this.query.trim();
    const seq = ++this.#searchSeq;
    this.searchFailed = false;
    if (query.length < SERVER_SEARCH_FROM) {
      this.searching = false;
      return;
    }
    this.#searchTimer = setTimeout(() => void this.#searchServer(query, seq), SEARCH_DELAY);
  }

  /** Large queues are not all in the store: ask the server, whose answer the client folds into the store. */
  async #searchServer(query: string, seq: number): Promise<void> {
    const client = this.client;
    if (!client || this.connection.value !== 'connected') return;
    this.searching = true;
    try {
      await client.command('queue.search', { query, teamId: this.team || null, statuses: ['waiting', 'active', 'pending'], limit: 100 });
    } catch {
      // The local results stay, but the agent must know they may be incomplete (a quiet status,
      // not an alert: the agent is typing).
      if (seq === this.#searchSeq) this.searchFailed = true;
    } finally {
      if (seq === this.#searchSeq) this.searching = false;
    }
  }

  #onTeamChange(event: Event): void {
    this.team = (event.target as HTMLSelectElement).value;
  }

  // — keyboard —

  #onTabKeydown(event: KeyboardEvent): void {
    const index = QUEUE_PHASES.indexOf(this.phase);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number | null = null;
    if (event.key in step) next = (index + step[event.key]! + QUEUE_PHASES.length) % QUEUE_PHASES.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = QUEUE_PHASES.length - 1;
    if (next === null) return;
    event.preventDefault();
    this.phase = QUEUE_PHASES[next]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.phase}`)?.focus());
  }

  #onListKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (target.localName === 'input' && (target as HTMLInputElement).type !== 'checkbox') return;
    const row = target.closest<HTMLElement>('[role="row"]');
    if (!row) return;
    const phase = this.phase;
    const list = this.queue.value.lists[phase];
    const index = Number(row.dataset.index);
    const onMain = target.classList.contains('main');
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(list.length - 1, index + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = list.length - 1;
        break;
      case 'PageDown':
        next = Math.min(list.length - 1, index + 10);
        break;
      case 'PageUp':
        next = Math.max(0, index - 10);
        break;
      case 'Enter':
        if (onMain && list[index]) {
          event.preventDefault();
          this.#open(phase, list[index]);
        }
        return;
      case ' ':
        if (onMain && phase === 'pending' && list[index]) {
          event.preventDefault();
          this.#toggleSelected(list[index].id);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    void this.focusItem(next);
  }

  /** Move the list's focus to the session at `index` of the shown phase, scrolling it into view. */
  async focusItem(index: number): Promise<void> {
    const phase = this.phase;
    this.focusIndex = { ...this.focusIndex, [phase]: index };
    await this.updateComplete;
    const find = () => this.renderRoot.querySelector<HTMLElement>(`.list [data-index="${index}"] .main`);
    let cell = find();
    if (!cell) {
      // Not rendered: the list is virtualized. Scroll to where the row is estimated to be (the
      // virtualizer's own scrollIntoView leaves a nested scroller empty at the far end), let it render.
      // The estimate improves as the virtualizer measures rows, so aim again every few frames.
      const aim = () => {
        const grid = this.renderRoot.querySelector<HTMLElement>('.list');
        const scroller = grid?.parentElement;
        const count = this.queue.value.lists[phase].length;
        if (!grid || !scroller || !count) return;
        const rowSize = grid.offsetHeight / count;
        scroller.scrollTop = grid.offsetTop - scroller.offsetTop + index * rowSize - scroller.clientHeight / 2;
      };
      for (let frame = 0; frame < 60 && !cell; frame++) {
        if (frame % 10 === 0) aim();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        cell = find();
      }
    }
    cell?.focus({ preventScroll: true });
    cell?.closest('[role="row"]')?.scrollIntoView({ block: 'nearest' });
  }

  #onListFocus(event: FocusEvent): void {
    this.#listHasFocus = true;
    const row = (event.composedPath()[0] as HTMLElement).closest?.<HTMLElement>('[role="row"]');
    const index = Number(row?.dataset.index);
    if (row && index !== this.focusIndex[this.phase]) this.focusIndex = { ...this.focusIndex, [this.phase]: index };
  }

  /** A virtualized list dropped the focused row out of the DOM: keep a tab stop on a row in view. */
  #onVisibilityChanged(event: Event): void {
    const { first, last } = event as Event & { first: number; last: number };
    const focused = this.focusIndex[this.phase];
    if (!this.#listHasFocus && (focused < first || focused > last) && first >= 0) {
      this.focusIndex = { ...this.focusIndex, [this.phase]: first };
    }
  }

  // — preview —

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog[part="preview"]');
  }

  #afterPreviewClosed(): void {
    this.previewId = '';
    this.previewLoading = false;
    this.previewError = '';
    const opener = this.#previewOpener;
    this.#previewOpener = null;
    if (opener?.isConnected) opener.focus();
    else void this.focusItem(this.focusIndex[this.phase]);
  }

  // — rendering —

  #contact(session: Session): Contact | undefined {
    return this.queue.value.contacts[session.contactId];
  }

  #name(session: Session): string {
    return this.#contact(session)?.name || this.localize.t.queue.unknownContact;
  }

  #offline(): boolean {
    return this.connection.value !== 'connected';
  }

  #renderWhere(session: Session) {
    const channel = this.localize.t.channels[session.channel] ?? session.channel;
    const team = this.queue.value.teams[session.teamId];
    return html`<span class="where">${channel}${team ? html` · ${team.name}` : nothing}</span>`;
  }

  #renderRowError(session: Session, action: RowAction | undefined) {
    return action?.status === 'error'
      ? html`<div role="gridcell" class="item-error-cell"><p class="error item-error" id="row-error-${session.id}" role="alert">${action.message}</p></div>`
      : nothing;
  }

  #describedBy(session: Session, action: RowAction | undefined, kind: RowAction['kind']): string | typeof nothing {
    const ids = [this.#offline() ? 'connection-notice' : '', action?.status === 'error' && action.kind === kind ? `row-error-${session.id}` : ''];
    return ids.filter(Boolean).join(' ') || nothing;
  }

  #renderRow(phase: QueuePhase, session: Session, index: number): TemplateResult {
    const t = this.localize.t.queue;
    const name = this.#name(session);
    const focused = index === this.focusIndex[phase];
    const tabindex = focused ? '0' : '-1';
    const action = this.rowActions.get(session.id);
    const busy = action?.status === 'pending';
    const offline = this.#offline();
    const selected = this.selection.has(session.id);
    const me = this.queue.value.me;

    let details: TemplateResult;
    let buttons: TemplateResult;
    if (phase === 'waiting') {
      const forWhom = waitingFor(session, me);
      details = html`<span class="meta">
        <span part="wait-time" title=${this.localize.dateTime(session.createdAt)}
          >${t.waitingFor(this.localize.duration(this.clock.now - session.createdAt))}</span
        >
        <span part="badge" class="badge ${forWhom}">${forWhom === 'me' ? t.forMe : t.forTeam}</span>
      </span>`;
      buttons = html`<button part="preview-button" class="link" tabindex=${tabindex} aria-label=${t.previewLabel(name)}
          aria-describedby=${offline ? 'connection-notice' : nothing} ?disabled=${offline}
          @click=${() => this.previewSession(session.id)}>${t.preview}</button>
        <button part="accept-button" class="primary" tabindex=${tabindex} aria-label=${t.acceptLabel(name)}
          aria-describedby=${this.#describedBy(session, action, 'accept')} ?disabled=${busy || offline}
          aria-busy=${busy ? 'true' : 'false'} @click=${() => this.acceptSession(session.id)}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span> ${t.accepting}` : t.accept}
        </button>`;
    } else if (phase === 'active') {
      details = isInvited(session, me) ? html`<span class="meta"><span part="badge" class="badge invited">${t.invited}</span></span>` : html``;
      buttons = html``;
    } else {
      const at = lastInteractionAt(session);
      details = html`<span class="meta"><time datetime=${new Date(at).toISOString()} title=${this.localize.dateTime(at)}
        >${t.lastInteraction(this.localize.time(at))}</time></span>`;
      buttons = html`<button part="preview-button" class="link" tabindex=${tabindex} aria-label=${t.previewLabel(name)}
          aria-describedby=${offline ? 'connection-notice' : nothing} ?disabled=${offline}
          @click=${() => this.previewSession(session.id)}>${t.preview}</button>
        <button part="rescue-button" tabindex=${tabindex} aria-label=${t.rescueLabel(name)}
          aria-describedby=${this.#describedBy(session, action, 'rescue')} ?disabled=${busy || offline}
          aria-busy=${busy ? 'true' : 'false'} @click=${() => this.rescueSession(session.id)}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span> ${t.rescuing}` : t.rescue}
        </button>`;
    }

    const full = this.selection.size >= BULK_LIMIT;
    return html`<div role="row" part="item ${phase}" class="row" data-session-id=${session.id} data-index=${index}
      aria-rowindex=${index + 1} aria-selected=${phase === 'pending' ? String(selected) : nothing}
      aria-current=${phase !== 'waiting' && this.selectedId === session.id ? 'true' : nothing}>
      ${phase === 'pending'
        ? html`<div role="gridcell" class="check">
            <input type="checkbox" tabindex=${tabindex} aria-label=${t.selectLabel(name)} .checked=${selected}
              ?disabled=${!selected && full} aria-describedby=${!selected && full ? 'selection-limit' : nothing}
              @change=${() => this.#toggleSelected(session.id)} />
          </div>`
        : nothing}
      <div role="gridcell" class="main" tabindex=${tabindex} @click=${() => this.#open(phase, session)}>
        <span class="name">${name}</span>
        ${this.#renderWhere(session)}
        <span class="last">${session.lastMessageText ?? t.noMessage}</span>
        ${details}
      </div>
      <div role="gridcell" class="actions">${buttons}</div>
      ${this.#renderRowError(session, action)}
    </div>`;
  }

  #renderList(phase: QueuePhase) {
    const t = this.localize.t.queue;
    const sessions = this.queue.value.lists[phase];
    if (!sessions.length) {
      if (this.loading && this.queue.value.counts[phase] === 0) return nothing;
      const query = this.query.trim();
      const empty = query ? t.noResults(query) : { waiting: t.emptyWaiting, active: t.emptyActive, pending: t.emptyPending }[phase];
      return html`<p class="empty" part="empty">${empty}</p>`;
    }
    const renderItem = (session: Session, index: number) => this.#renderRow(phase, session, index);
    const virtual = sessions.length > VIRTUALIZE_FROM;
    return html`<div class="scroll"><div role="grid" part="list" class="list ${phase}" aria-labelledby="tab-${phase}" aria-rowcount=${sessions.length}
      aria-multiselectable=${phase === 'pending' ? 'true' : nothing} @keydown=${this.#onListKeydown}
      @focusin=${this.#onListFocus} @focusout=${() => (this.#listHasFocus = false)}
      @visibilityChanged=${this.#onVisibilityChanged}>
      ${virtual
        ? virtualize({ items: sessions as Session[], keyFunction: (s: Session) => s.id, renderItem })
        : repeat(sessions, (s) => s.id, renderItem)}
    </div></div>`;
  }

  #renderToolbar() {
    const t = this.localize.t.queue;
    const { me, teams } = this.queue.value;
    const teamIds = me?.teamIds ?? [];
    const query = this.query.trim();
    return html`<div part="toolbar" class="toolbar">
      <label class="field">
        <span>${t.team}</span>
        <select part="team-select" .value=${this.team} @change=${this.#onTeamChange}>
          <option value="" ?selected=${!this.team}>${t.allTeams}</option>
          ${teamIds.map((id) => html`<option value=${id} ?selected=${this.team === id}>${teams[id]?.name ?? id}</option>`)}
        </select>
      </label>
      <label class="field search">
        <span>${t.search}</span>
        <input part="search" type="search" .value=${this.query} placeholder=${t.searchPlaceholder} autocomplete="off"
          @input=${this.#onSearchInput} />
      </label>
      <p class="searching" role="status">${this.searching && query ? t.searching : this.searchFailed && query ? t.searchFailed : nothing}</p>
    </div>`;
  }

  #renderBulkBar() {
    const t = this.localize.t.queue;
    const visible = this.queue.value.lists.pending;
    if (!visible.length && !this.selection.size && !this.bulk) return nothing;
    const count = this.selection.size;
    const full = count >= BULK_LIMIT;
    const allVisible = visible.length > 0 && visible.every((s) => this.selection.has(s.id));
    const busy = this.bulk?.status === 'pending';
    const offline = this.#offline();
    const disabled = !count || busy || offline;
    const bulk = this.bulk;
    return html`<div part="bulk-bar" class="bulk" role="group" aria-label=${t.bulkActions}>
      <label class="select-all">
        <input type="checkbox" class="select-all-box" .checked=${count > 0 && (allVisible || full)}
          .indeterminate=${count > 0 && !allVisible && !full} ?disabled=${!visible.length}
          @change=${() => this.#toggleAllVisible()} />
        ${t.selectAll}
      </label>
      <span class="selected-count" aria-live="polite">${t.selectedCount(count)}</span>
      <button class="bulk-rescue" aria-label=${t.bulkRescueLabel(count)} ?disabled=${disabled}
        aria-describedby=${offline ? 'connection-notice' : nothing} @click=${() => this.rescueSelected()}>${t.bulkRescue}</button>
      <button class="bulk-finish danger" aria-label=${t.bulkFinishLabel(count)} ?disabled=${disabled}
        aria-describedby=${offline ? 'connection-notice' : nothing} @click=${this.#askFinish}>${t.bulkFinish}</button>
      ${full ? html`<p id="selection-limit" class="limit" role="status">${t.selectionLimit(BULK_LIMIT)}</p>` : nothing}
      ${this.confirmingFinish
        ? html`<div class="confirm" role="alertdialog" aria-labelledby="finish-question" aria-describedby="finish-no-survey"
            @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#cancelFinish()}>
            <p id="finish-question" class="question">${t.finishQuestion(count)}</p>
            <p id="finish-no-survey">${t.finishNoSurvey}</p>
            <button class="finish-cancel" @click=${this.#cancelFinish}>${this.localize.t.common.cancel}</button>
            <button class="finish-confirm danger" @click=${() => this.finishSelected()}>${t.finishConfirm}</button>
          </div>`
        : nothing}
      ${bulk?.status === 'pending'
        ? html`<p class="bulk-status" role="status"><span class="spinner" aria-hidden="true"></span>
            ${bulk.action === 'rescue' ? t.bulkRescuing(bulk.count) : t.bulkFinishing(bulk.count)}</p>`
        : bulk?.status === 'done'
          ? html`<p class="bulk-status" role="status">${bulk.action === 'rescue' ? t.bulkRescued(bulk.count) : t.bulkFinished(bulk.count)}</p>`
          : bulk?.status === 'error'
            ? html`<p class="bulk-status error" role="alert">${bulk.message}</p>`
            : nothing}
    </div>`;
  }

  async #askFinish(): Promise<void> {
    this.confirmingFinish = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.finish-confirm')?.focus();
  }

  async #cancelFinish(): Promise<void> {
    this.confirmingFinish = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.bulk-finish')?.focus();
  }

  #renderPreview() {
    const t = this.localize.t.queue;
    const session = this.previewId ? this.client?.store.state.sessions[this.previewId] : undefined;
    const name = session ? this.#name(session) : '';
    const canAccept = session?.status === 'waiting';
    const me = this.queue.value.me;
    return html`<dialog part="preview" aria-labelledby="preview-title" @close=${this.#afterPreviewClosed}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.closePreview();
        }
      }}>
      ${session
        ? html`<header class="preview-header">
              <h2 id="preview-title">${t.previewTitle(name)}</h2>
              <button class="preview-close" @click=${() => this.closePreview()}>${this.localize.t.common.close}</button>
            </header>
            <p class="hint">${t.previewHint}</p>
            ${this.previewLoading && !this.previewMessages.value.length
              ? html`<p role="status">${this.localize.t.common.loading}</p>`
              : nothing}
            ${this.previewError ? html`<p class="error" role="alert">${this.previewError}</p>` : nothing}
            ${renderTranscript({
              messages: this.previewMessages.value,
              localize: this.localize,
              words: this.localize.t.session,
              isOwn: (m) => m.authorKind === 'agent' && m.authorId === me?.id,
              authorName: (m) => m.authorName || (m.authorKind === 'contact' ? name : ''),
              label: t.previewTranscript,
              live: this.previewLoading ? 'off' : 'polite',
              onRetry: () => undefined,
            })}
            ${canAccept
              ? html`<footer class="preview-footer">
                  <button class="primary preview-accept" ?disabled=${this.#offline()} aria-label=${t.acceptLabel(name)}
                    @click=${() => {
                      const id = session.id;
                      this.closePreview();
                      void this.acceptSession(id);
                    }}>${t.accept}</button>
                </footer>`
              : nothing}`
        : nothing}
    </dialog>`;
  }

  protected override render() {
    const t = this.localize.t.queue;
    const { counts } = this.queue.value;
    const loading = this.loading && !counts.waiting && !counts.active && !counts.pending;
    const heading = { waiting: t.waitingHeading, active: t.activeHeading, pending: t.pendingHeading };
    const countLabel = { waiting: t.waitingCount, active: t.activeCount, pending: t.pendingCount };
    return html`<section part="base" aria-label=${t.label} aria-busy=${loading ? 'true' : 'false'}>
      ${this.#offline() ? html`<div id="connection-notice">${this.renderConnection()}</div>` : nothing}
      <div class="visually-hidden announcer" role="status" aria-atomic="true">${this.announcement}</div>
      <div part="tabs" role="tablist" aria-label=${t.phasesLabel} @keydown=${this.#onTabKeydown}>
        ${QUEUE_PHASES.map(
          (phase) => html`<button part="tab" role="tab" id="tab-${phase}" class="tab ${phase}"
            aria-selected=${this.phase === phase ? 'true' : 'false'} aria-controls="panel"
            tabindex=${this.phase === phase ? '0' : '-1'} @click=${() => (this.phase = phase)}>
            <span>${heading[phase]}</span>
            <span part="counter" class="${phase}-count" title=${countLabel[phase](counts[phase])}>${counts[phase]}</span>
          </button>`,
        )}
      </div>
      ${this.#renderToolbar()}
      ${loading ? html`<p class="empty" role="status">${this.localize.t.common.loading}</p>` : nothing}
      ${this.loadError
        ? html`<p class="error empty" role="alert">
            ${this.loadError}
            <button class="link" @click=${() => this.loadQueue()}>${this.localize.t.common.retry}</button>
          </p>`
        : nothing}
      ${this.acceptNotice
        ? html`<p class="error accept-notice" part="notice" role="alert">
            ${this.acceptNotice}
            <button class="link" @click=${() => (this.acceptNotice = '')}>${this.localize.t.common.close}</button>
          </p>`
        : nothing}
      ${this.withAlerts && this.notificationPermission === 'default'
        ? html`<button class="link notify-permission" @click=${() => this.requestNotifications()}>${t.enableNotifications}</button>`
        : nothing}
      <div role="tabpanel" id="panel" class="panel" aria-labelledby="tab-${this.phase}">
        ${this.phase === 'pending' ? this.#renderBulkBar() : nothing}
        ${this.#renderList(this.phase)}
      </div>
      ${this.#renderPreview()}
    </section>`;
  }
}

define('conecta-queue', ConectaQueue);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-queue': ConectaQueue;
  }
}
