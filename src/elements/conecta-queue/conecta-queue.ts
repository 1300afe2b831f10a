import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AlertController } from '../../controllers/alert-controller.js';
import { ClockController } from '../../controllers/clock.js';
import { CommandController } from '../../controllers/command.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { waitingLoadedUntil } from '../../client/waiting-queue.js';
import { queueOrder, type QueueCursor, type Session } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { transcriptStyles } from '../transcript.styles.js';
import { queueStyles } from './conecta-queue.styles.js';
import { QueueBulkSelection } from './queue-bulk-selection.js';
import { QueueCountAnnouncer } from './queue-count-announcer.js';
import type { QueueHost } from './queue-host.js';
import { QueuePreview } from './queue-preview.js';
import { QueueRows } from './queue-rows.js';
import { QueueSearch } from './queue-search.js';
import {
  QUEUE_PHASES,
  queueSliceEqual,
  sameItems,
  selectQueue,
  selectQueueWaiting,
  type QueuePhase,
  type QueueSlice,
} from './queue-selectors.js';

/**
 * @summary The agent's queue in three phases — waiting (oldest first, live wait time, for the team or
 * for the agent), in service, and pending (most recent interaction first) — with team filter, search,
 * a read-only preview of waiting sessions, accept, rescue, bulk rescue/finish of up to 50 pending
 * sessions, and an optional alert for new waiting sessions while the page is hidden.
 *
 * Keyboard: each list is a grid with one tab stop; ArrowUp/ArrowDown/Home/End/PageUp/PageDown move
 * between sessions, ArrowLeft/ArrowRight between a session's controls (mirrored right-to-left), Enter opens (the preview for a waiting session, `conecta-session-selected` for the others), Space
 * selects a pending session, Tab reaches the focused session's buttons. Counters are announced politely.
 * Past 200 sessions a list is virtualized (10,000 stay smooth); the focused session is scrolled into view.
 * A long waiting list comes from the server page by page (the next one as the agent scrolls or moves
 * near the end of what is held); its counter and the grid's row count are the server's total.
 *
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`.
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
 * @csspart empty - What a phase says when it has no sessions (or none match the search), and what happens next.
 * @csspart skeleton - The shapes of rows shown while the queue first loads.
 * @csspart avatar - A contact's avatar (initials, or photo) in a row; the channel's icon sits on its corner.
 * @csspart item - A session row (`item waiting`, `item active` or `item pending`).
 * @csspart badge - "For the team" / "For you" on waiting sessions, "Invited" on active ones.
 * @csspart wait-time - The live wait time of a waiting session.
 * @csspart accept-button - The Accept button of a waiting session.
 * @csspart preview-button - The "View conversation" button.
 * @csspart rescue-button - The Rescue button of a pending session.
 * @csspart bulk-bar - Selection and bulk actions of the pending phase.
 * @csspart preview - The read-only preview dialog.
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown instead when the agent's sign-in ended (expired, revoked, deactivated) and could not be renewed.
 *
 * @cssproperty --conecta-queue-counter-background - Background of the counters (default: the brand color).
 * @cssproperty --conecta-queue-wait-color - Color of the wait time.
 * @cssproperty --conecta-queue-list-max-block-size - Height past which a list scrolls (default 32rem).
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaQueue extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, spinnerStyles, transcriptStyles, queueStyles];

  /** Show only this team's sessions (a team id); empty: every team of the agent's. */
  @property({ reflect: true }) team = '';

  /** The phase shown: `waiting`, `active` or `pending`. */
  @property({ reflect: true }) phase: QueuePhase = 'waiting';

  /** Beep and show a browser notification when a new session starts waiting while the page is hidden. */
  @property({ type: Boolean, reflect: true, attribute: 'with-alerts' }) withAlerts = false;

  /** What alerts use (sound, notification, page visibility): replace it to change the sound, or in tests. */
  alertController = new AlertController();

  @state() private notificationPermission: NotificationPermission | 'unsupported' = 'default';

  private readonly queue = new StoreSelection<QueueSlice>(
    this,
    (s) => selectQueue(s, { teamId: this.team || null, query: this.#search.text }),
    queueSliceEqual,
  );
  /** Every session waiting for the agent, whatever the filters: new ones raise the alert. */
  private readonly allWaiting = new StoreSelection<readonly Session[]>(this, (s) => selectQueueWaiting(s), sameItems);
  private readonly clock = new ClockController(this);
  readonly #load = new CommandController<[], void>(this, {
    run: () => this.client!.loadQueue(),
    errorMessage: (error) => this.errorMessage(error),
  });
  readonly #tabs = new RovingFocusController({
    direction: 'horizontal',
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
    activate: (index) => void this.#showPhase(QUEUE_PHASES[index]!, true),
  });

  /** What the private parts see of this element. */
  readonly #host: QueueHost = (() => {
    const element = this;
    return this.partHost<QueueHost>({
      get slice() {
        return element.queue.value;
      },
      get phase() {
        return element.phase;
      },
      get team() {
        return element.team;
      },
      set team(team: string) {
        element.team = team;
      },
      get searchText() {
        return element.#search.text;
      },
      get loading() {
        return element.#load.pending();
      },
      get offline() {
        return element.connection.value !== 'connected';
      },
      get now() {
        return element.clock.now;
      },
      get loadingMoreWaiting() {
        return element.#loadingMore;
      },
      get moreWaitingError() {
        return element.#moreError;
      },
      contactName: (session) => element.queue.value.contacts[session.contactId]?.name || element.localize.t.queue.unknownContact,
      acceptSession: (sessionId) => element.acceptSession(sessionId),
      loadMoreWaiting: () => void element.loadMoreWaiting(),
    });
  })();
  readonly #search = new QueueSearch(this.#host);
  readonly #selection = new QueueBulkSelection(this.#host);
  readonly #preview = new QueuePreview(this.#host, () => this.#rows.focusCurrent());
  readonly #rows = new QueueRows(this.#host, this.#selection, this.#preview);
  readonly #counts = new QueueCountAnnouncer(this.#host);

  /** The waiting sessions already known: only later arrivals alert. */
  #knownWaiting: Set<string> | null = null;
  /** When the queue was first loaded (sessions created since are arrivals, wherever they sort). */
  #loadedAt = 0;
  /** Where the held part of the waiting list ended at the last update (null: all of it was held). */
  #heldUntil: QueueCursor | null = null;
  #loadingMore = false;
  #moreError = '';

  constructor() {
    super();
    this.clientController.subscribe((client) => client && void this.loadQueue());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.notificationPermission = this.alertController.permission;
  }

  /** Ask the client for the queue again (done once when the element gets its client). */
  async loadQueue(): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (!this.#loadedAt) this.#loadedAt = Date.now();
    await this.#load.run();
    // What is waiting after the first load is not news: only later arrivals alert.
    this.#knownWaiting ??= new Set(selectQueueWaiting(client.store.state).map((s) => s.id));
  }

  /**
   * Ask the server for the next page of the waiting list shown (the team filter's), as scrolling near
   * its end does; nothing while a page is on its way, or when the whole list is held.
   */
  async loadMoreWaiting(): Promise<void> {
    const client = this.client;
    if (!client || this.#loadingMore || !this.queue.value.moreWaiting || this.#host.offline) return;
    this.#loadingMore = true;
    this.#moreError = '';
    this.requestUpdate();
    try {
      await client.loadMoreWaiting(this.team || null);
    } catch (error) {
      this.#moreError = this.errorMessage(error);
    } finally {
      this.#loadingMore = false;
      this.requestUpdate();
    }
  }

  /** Accept a waiting session, as its Accept button does. */
  acceptSession(sessionId: string): Promise<void> {
    return this.#rows.accept(sessionId);
  }

  /** Rescue one pending session: it becomes active again. */
  rescueSession(sessionId: string): Promise<void> {
    return this.#rows.rescue(sessionId);
  }

  /** Rescue the selected pending sessions (at most 50) in one command. */
  rescueSelected(): Promise<void> {
    return this.#selection.rescue();
  }

  /** Finish the selected pending sessions (at most 50) in one command; no survey is sent. Does not ask. */
  finishSelected(): Promise<void> {
    return this.#selection.finish();
  }

  /** Open the read-only preview of a session's conversation (does not accept it). */
  previewSession(sessionId: string): Promise<void> {
    return this.#preview.open(sessionId);
  }

  /** Close the preview; focus returns to what opened it. */
  closePreview(): void {
    this.#preview.close();
  }

  /** Move the list's focus to the session at `index` of the shown phase, scrolling it into view. */
  focusItem(index: number): Promise<void> {
    return this.#rows.focusItem(index);
  }

  /** Ask the browser for the notification permission (from a click). */
  async requestNotifications(): Promise<void> {
    this.notificationPermission = await this.alertController.requestPermission();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const waiting = this.allWaiting.value;
    const state = this.client?.store.state;
    if (this.#knownWaiting) {
      // A later page of a long queue, or a search's answer, brings sessions unknown here that are no
      // news: only those created since the first load, or sorted within what was held, arrived.
      const held = this.#heldUntil;
      const arrived = waiting.filter(
        (s) => !this.#knownWaiting!.has(s.id) && (s.createdAt >= this.#loadedAt || held === null || queueOrder(s, held) <= 0),
      );
      if (arrived.length && this.withAlerts) this.#alert(arrived[0]!);
      this.#knownWaiting = new Set(waiting.map((s) => s.id));
    }
    this.#heldUntil = state ? waitingLoadedUntil(state, null) : null;
  }

  #alert(session: Session): void {
    const state = this.client?.store.state;
    const t = this.localize.t.queue;
    const name = state?.contacts[session.contactId]?.name || t.unknownContact;
    const team = state?.teams[session.teamId]?.name ?? session.teamId;
    this.alertController.alert(t.alertTitle, t.alertBody(name, team), `conecta-waiting-${session.id}`);
  }

  async #showPhase(phase: QueuePhase, focus = false): Promise<void> {
    this.phase = phase;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${phase}`)?.focus();
  }

  #renderTabs() {
    const t = this.localize.t.queue;
    const { counts } = this.queue.value;
    const heading = { waiting: t.waitingHeading, active: t.activeHeading, pending: t.pendingHeading };
    const countLabel = { waiting: t.waitingCount, active: t.activeCount, pending: t.pendingCount };
    return html`<div part="tabs" role="tablist" aria-label=${t.phasesLabel} @keydown=${this.#tabs.onKeydown}>
      ${QUEUE_PHASES.map(
        (phase) => html`<button part="tab" role="tab" id="tab-${phase}" class="tab ${phase}"
          aria-selected=${this.phase === phase ? 'true' : 'false'} aria-controls="panel"
          tabindex=${this.phase === phase ? '0' : '-1'} @click=${() => this.#showPhase(phase)}>
          <span>${heading[phase]}</span>
          <span part="counter" class="${phase}-count" title=${countLabel[phase](counts[phase])}>${counts[phase]}</span>
        </button>`,
      )}
    </div>`;
  }

  protected override render() {
    const t = this.localize.t.queue;
    const { counts } = this.queue.value;
    const loading = this.#load.pending() && !counts.waiting && !counts.active && !counts.pending;
    const loadError = this.#load.error();
    return html`<section part="base" aria-label=${t.label} aria-busy=${loading ? 'true' : 'false'}>
      ${this.#host.offline ? html`<div id="connection-notice">${this.renderConnection()}</div>` : nothing}
      ${this.#counts.render()} ${this.#renderTabs()} ${this.#search.render()}
      ${loading ? this.#rows.renderSkeleton() : nothing}
      ${
        loadError
          ? html`<p class="error empty" role="alert">
            ${loadError}
            <button class="link" @click=${() => this.loadQueue()}>${this.localize.t.common.retry}</button>
          </p>`
          : nothing
      }
      ${this.#rows.renderAcceptNotice()}
      ${
        this.withAlerts && this.notificationPermission === 'default'
          ? html`<button class="link notify-permission" @click=${() => this.requestNotifications()}>${t.enableNotifications}</button>`
          : nothing
      }
      <div role="tabpanel" id="panel" class="panel" aria-labelledby="tab-${this.phase}">
        ${this.phase === 'pending' ? this.#selection.render() : nothing} ${this.#rows.render()}
      </div>
      ${this.#preview.render()}
    </section>`;
  }
}

define('conecta-queue', ConectaQueue);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-queue': ConectaQueue;
  }
}
