import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import eye from 'lucide/dist/esm/icons/eye.mjs';
import inbox from 'lucide/dist/esm/icons/inbox.mjs';
import searchX from 'lucide/dist/esm/icons/search-x.mjs';
import { CommandController } from '../../controllers/command.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { channelIcon } from '../../icons/channel-icon.js';
import { icon } from '../../icons/icon.js';
import type { Session } from '../../protocol/index.js';
import { avatar } from '../avatar.js';
import { SessionAcceptedEvent, SessionSelectedEvent } from './events.js';
import type { QueueBulkSelection } from './queue-bulk-selection.js';
import type { QueueHost } from './queue-host.js';
import type { QueuePreview } from './queue-preview.js';
import { QUEUE_PHASES, isInvited, lastInteractionAt, waitingFor, type QueuePhase } from './queue-selectors.js';

const FLOW = flow();

/** Past this many rows a list is virtualized: only the rows in view are in the DOM. */
const VIRTUALIZE_FROM = 200;
/** PageUp/PageDown move this many rows. */
const PAGE_ROWS = 10;
/** The next page of a long waiting list is asked for when a row this close to the end of what is held shows or takes focus. */
const LOAD_AHEAD = 15;
/** …or when the list is scrolled to this close (px) to its end. */
const LOAD_AHEAD_PX = 600;

type RowCommand = 'accept' | 'rescue';

/**
 * A phase's list: a grid with one tab stop (Up/Down/Home/End/PageUp/PageDown between sessions,
 * Left/Right between a row's cells, Enter opens, Space selects a pending session), virtualized past
 * 200 rows, and each row's own actions (accept, rescue) with their progress and errors.
 */
export class QueueRows implements ReactiveController {
  /** The row holding each phase's tab stop. */
  focusIndex: Record<QueuePhase, number> = { waiting: 0, active: 0, pending: 0 };
  /** The active or pending session last opened (`aria-current`). */
  selectedId = '';
  /** The last failed accept, kept above the list: its row disappears when the winner's update arrives. */
  acceptNotice = '';
  #listHasFocus = false;
  readonly #accept: CommandController<[string], void>;
  readonly #rescue: CommandController<[string], void>;
  readonly #roving: RovingFocusController;

  constructor(
    private readonly host: QueueHost,
    private readonly selection: QueueBulkSelection,
    private readonly preview: QueuePreview,
  ) {
    host.addController(this);
    const errorMessage = (error: unknown) => host.errorMessage(error);
    const key = (sessionId: string) => sessionId;
    this.#accept = new CommandController(host, {
      key,
      errorMessage,
      run: async (sessionId) => {
        const { session, contact } = await host.client!.command('session.accept', { sessionId });
        host.dispatch(new SessionAcceptedEvent({ session, contact }));
      },
    });
    this.#rescue = new CommandController(host, {
      key,
      errorMessage,
      run: async (sessionId) => {
        await host.client!.command('session.rescue', { sessionIds: [sessionId] });
      },
    });
    this.#roving = new RovingFocusController({
      direction: 'vertical',
      pageStep: PAGE_ROWS,
      count: () => this.#list().length,
      indexOf: (target) => Number(target.closest<HTMLElement>('[role="row"]')?.dataset.index ?? -1),
      activate: (index) => void this.focusItem(index),
      cells: (target) => [
        ...(target.closest('[role="row"]')?.querySelectorAll<HTMLElement>('input:not(:disabled), .main, button:not(:disabled)') ?? []),
      ],
    });
  }

  /** A shorter list keeps its tab stop on a row that exists. */
  hostUpdate(): void {
    const lists = this.host.slice.lists;
    for (const phase of QUEUE_PHASES) {
      const last = Math.max(0, lists[phase].length - 1);
      if (this.focusIndex[phase] > last) this.focusIndex = { ...this.focusIndex, [phase]: last };
    }
  }

  /** A paged waiting list that does not fill its box (a team filter, a tall screen) asks for more at once. */
  hostUpdated(): void {
    if (!this.#mayLoadMore() || this.host.loadingMoreWaiting || this.host.moreWaitingError) return;
    const scroller = this.host.query<HTMLElement>('.scroll');
    if (scroller && scroller.scrollHeight > scroller.clientHeight + LOAD_AHEAD_PX) return;
    // After this update, not during it.
    void Promise.resolve().then(() => this.host.loadMoreWaiting());
  }

  /** The shown list is the waiting one, paged by the server, and not a search's results. */
  #mayLoadMore(): boolean {
    return this.host.phase === 'waiting' && this.host.slice.moreWaiting && !this.host.searchText.trim();
  }

  /** The row at `index` shows or takes focus: near the end of what is held, ask for the next page. */
  #reached(index: number): void {
    if (this.#mayLoadMore() && index >= this.#list().length - LOAD_AHEAD) this.host.loadMoreWaiting();
  }

  readonly #onScroll = (event: Event): void => {
    const scroller = event.currentTarget as HTMLElement;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - LOAD_AHEAD_PX) this.#reached(this.#list().length);
  };

  async accept(sessionId: string): Promise<void> {
    if (!this.host.client) return;
    const outcome = await this.#accept.run(sessionId);
    if (outcome?.status === 'done') {
      this.#accept.clear(sessionId);
      this.acceptNotice = '';
    } else if (outcome?.status === 'error') {
      const session = this.host.client?.store.state.sessions[sessionId];
      const name = session ? this.host.contactName(session) : this.host.localize.t.queue.unknownContact;
      this.acceptNotice = `${name}: ${outcome.message}`;
    }
    this.host.requestUpdate();
  }

  async rescue(sessionId: string): Promise<void> {
    if (!this.host.client) return;
    const outcome = await this.#rescue.run(sessionId);
    if (outcome?.status !== 'done') return;
    this.#rescue.clear(sessionId);
    this.selection.deselect([sessionId]);
  }

  /** Move the list's focus to the session at `index` of the shown phase, scrolling it into view. */
  async focusItem(index: number): Promise<void> {
    const phase = this.host.phase;
    this.#reached(index);
    this.focusIndex = { ...this.focusIndex, [phase]: index };
    this.host.requestUpdate();
    await this.host.updateComplete;
    const find = () => this.host.query<HTMLElement>(`.list [data-index="${index}"] .main`);
    let cell = find();
    if (!cell) {
      // Not rendered: the list is virtualized. Scroll to where the row is estimated to be (the
      // virtualizer's own scrollIntoView leaves a nested scroller empty at the far end), let it render.
      // The estimate improves as the virtualizer measures rows, so aim again every few frames.
      const aim = () => {
        const grid = this.host.query<HTMLElement>('.list');
        const scroller = grid?.parentElement;
        const count = this.host.slice.lists[phase].length;
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

  /** Focus the shown phase's current row (where focus goes back to). */
  focusCurrent(): void {
    void this.focusItem(this.focusIndex[this.host.phase]);
  }

  #list(): readonly Session[] {
    return this.host.slice.lists[this.host.phase];
  }

  #open(phase: QueuePhase, session: Session): void {
    if (phase === 'waiting') {
      void this.preview.open(session.id);
      return;
    }
    const contact = this.host.client?.store.state.contacts[session.contactId];
    if (!contact) return;
    this.selectedId = session.id;
    this.host.requestUpdate();
    this.host.dispatch(new SessionSelectedEvent({ session, contact }));
  }

  // — keyboard —

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement;
    const row = target.closest?.<HTMLElement>('[role="row"]');
    const session = row ? this.#list()[Number(row.dataset.index)] : undefined;
    const phase = this.host.phase;
    if (session && target.classList.contains('main')) {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.#open(phase, session);
        return;
      }
      if (event.key === ' ' && phase === 'pending') {
        event.preventDefault();
        this.selection.toggle(session.id);
        return;
      }
    }
    this.#roving.onKeydown(event);
  };

  readonly #onFocusIn = (event: FocusEvent): void => {
    this.#listHasFocus = true;
    const row = (event.composedPath()[0] as HTMLElement).closest?.<HTMLElement>('[role="row"]');
    const index = Number(row?.dataset.index);
    const phase = this.host.phase;
    if (row && index !== this.focusIndex[phase]) {
      this.focusIndex = { ...this.focusIndex, [phase]: index };
      this.host.requestUpdate();
    }
  };

  readonly #onFocusOut = (): void => {
    this.#listHasFocus = false;
  };

  /** A virtualized list dropped the focused row out of the DOM: keep a tab stop on a row in view. */
  readonly #onVisibilityChanged = (event: Event): void => {
    const { first, last } = event as Event & { first: number; last: number };
    this.#reached(last);
    const phase = this.host.phase;
    const focused = this.focusIndex[phase];
    if (!this.#listHasFocus && (focused < first || focused > last) && first >= 0) {
      this.focusIndex = { ...this.focusIndex, [phase]: first };
      this.host.requestUpdate();
    }
  };

  // — rendering —

  /** Why a row's button is disabled or failed: the connection notice, the row's error. */
  #describedBy(session: Session, command: RowCommand): string | typeof nothing {
    const failed = (command === 'accept' ? this.#accept : this.#rescue).error(session.id);
    const ids = [this.host.offline ? 'connection-notice' : '', failed ? `row-error-${session.id}` : ''];
    return ids.filter(Boolean).join(' ') || nothing;
  }

  /** The contact's avatar, with the channel's icon (named: it stands alone) on its corner. */
  #renderWho(session: Session, name: string) {
    const channel = this.host.localize.t.channels[session.channel] ?? session.channel;
    return html`<span class="who">${avatar({ name })}<span class="channel" title=${channel}>${channelIcon(session.channel, channel)}</span></span>`;
  }

  #renderTeam(session: Session) {
    const team = this.host.slice.teams[session.teamId];
    return team ? html`<span class="where">${team.name}</span>` : nothing;
  }

  #renderRowError(session: Session, message: string) {
    return message
      ? html`<div role="gridcell" class="item-error-cell"><p class="error item-error" id="row-error-${session.id}" role="alert">${message}</p></div>`
      : nothing;
  }

  #renderDetails(phase: QueuePhase, session: Session): TemplateResult {
    const t = this.host.localize.t.queue;
    const localize = this.host.localize;
    const me = this.host.slice.me;
    const team = this.#renderTeam(session);
    if (phase === 'waiting') {
      const forWhom = waitingFor(session, me);
      return html`<span class="details">
        ${team} <span part="wait-time" title=${localize.dateTime(session.createdAt)}
          >${t.waitingFor(localize.duration(this.host.now - session.createdAt))}</span
        >
        <span part="badge" class="badge ${forWhom}">${forWhom === 'me' ? t.forMe : t.forTeam}</span>
      </span>`;
    }
    if (phase === 'active') {
      return html`<span class="details">${team} ${isInvited(session, me) ? html`<span part="badge" class="badge invited">${t.invited}</span>` : nothing}</span>`;
    }
    const at = lastInteractionAt(session);
    return html`<span class="details">${team} <time datetime=${new Date(at).toISOString()} title=${localize.dateTime(at)}
      >${t.lastInteraction(localize.time(at))}</time></span>`;
  }

  #renderButtons(phase: QueuePhase, session: Session, name: string, tabindex: string): TemplateResult {
    if (phase === 'active') return html``;
    const t = this.host.localize.t.queue;
    const offline = this.host.offline;
    const preview = html`<button part="preview-button" class="icon-button" tabindex=${tabindex} aria-label=${t.previewLabel(name)}
      title=${t.preview} aria-describedby=${offline ? 'connection-notice' : nothing} ?disabled=${offline}
      @click=${() => this.preview.open(session.id)}>${icon(eye)}</button>`;
    const spinner = html`<span class="spinner" aria-hidden="true"></span>`;
    if (phase === 'waiting') {
      const busy = this.#accept.pending(session.id);
      return html`${preview}
        <button part="accept-button" class="primary" tabindex=${tabindex} aria-label=${t.acceptLabel(name)}
          aria-describedby=${this.#describedBy(session, 'accept')} ?disabled=${busy || offline}
          aria-busy=${busy ? 'true' : 'false'} @click=${() => this.accept(session.id)}>
          ${busy ? html`${spinner} ${t.accepting}` : t.accept}
        </button>`;
    }
    const busy = this.#rescue.pending(session.id);
    return html`${preview}
      <button part="rescue-button" tabindex=${tabindex} aria-label=${t.rescueLabel(name)}
        aria-describedby=${this.#describedBy(session, 'rescue')} ?disabled=${busy || offline}
        aria-busy=${busy ? 'true' : 'false'} @click=${() => this.rescue(session.id)}>
        ${busy ? html`${spinner} ${t.rescuing}` : t.rescue}
      </button>`;
  }

  #renderRow(phase: QueuePhase, session: Session, index: number): TemplateResult {
    const t = this.host.localize.t.queue;
    const name = this.host.contactName(session);
    const tabindex = index === this.focusIndex[phase] ? '0' : '-1';
    const selectable = phase === 'pending' && this.selection.allowed;
    const selected = this.selection.has(session.id);
    const full = this.selection.full;
    const error = phase === 'waiting' ? this.#accept.error(session.id) : phase === 'pending' ? this.#rescue.error(session.id) : '';
    return html`<div role="row" part="item ${phase}" class="row" data-session-id=${session.id} data-index=${index}
      aria-rowindex=${index + 1} aria-selected=${selectable ? String(selected) : nothing}
      aria-current=${phase !== 'waiting' && this.selectedId === session.id ? 'true' : nothing}>
      ${
        selectable
          ? html`<div role="gridcell" class="check">
            <input type="checkbox" tabindex=${tabindex} aria-label=${t.selectLabel(name)} .checked=${selected}
              ?disabled=${!selected && full} aria-describedby=${!selected && full ? 'selection-limit' : nothing}
              @change=${() => this.selection.toggle(session.id)} />
          </div>`
          : nothing
      }
      <div role="gridcell" class="main" tabindex=${tabindex} @click=${() => this.#open(phase, session)}>
        ${this.#renderWho(session, name)}
        <span class="name">${name}</span>
        <span class="last">${session.lastMessageText ?? t.noMessage}</span>
        ${this.#renderDetails(phase, session)}
      </div>
      <div role="gridcell" class="actions">${this.#renderButtons(phase, session, name, tabindex)}</div>
      ${this.#renderRowError(session, error)}
    </div>`;
  }

  /** Why the last accept failed, until dismissed. */
  renderAcceptNotice() {
    if (!this.acceptNotice) return nothing;
    return html`<p class="error accept-notice" part="notice" role="alert">
      ${this.acceptNotice}
      <button class="link" @click=${() => {
        this.acceptNotice = '';
        this.host.requestUpdate();
      }}>${this.host.localize.t.common.close}</button>
    </p>`;
  }

  /**
   * While the first load runs: rows of the same size as the real ones, so nothing jumps when they
   * arrive (the status says it to assistive technology; the shapes are hidden from it).
   */
  renderSkeleton() {
    const row = html`<div class="row skeleton-row"><span class="who"><span class="avatar"></span></span
      ><span class="bar name-bar"></span><span class="bar last-bar"></span><span class="bar meta-bar"></span></div>`;
    return html`<p class="visually-hidden loading-status" role="status">${this.host.localize.t.common.loading}</p>
      <div class="skeleton" part="skeleton" aria-hidden="true">${row}${row}${row}</div>`;
  }

  /** The shown phase's list, or what to say when it is empty. */
  render() {
    const t = this.host.localize.t.queue;
    const phase = this.host.phase;
    const sessions = this.#list();
    const paged = this.#mayLoadMore() || (phase === 'waiting' && (this.host.loadingMoreWaiting || !!this.host.moreWaitingError));
    if (!sessions.length) {
      if (this.host.loading && this.host.slice.counts[phase] === 0) return nothing;
      if (paged) return this.#renderMoreStatus();
      const query = this.host.searchText.trim();
      const [empty, next] = query
        ? [t.noResults(query), t.noResultsHint]
        : {
            waiting: [t.emptyWaiting, t.emptyWaitingHint],
            active: [t.emptyActive, t.emptyActiveHint],
            pending: [t.emptyPending, t.emptyPendingHint],
          }[phase];
      return html`<div class="empty" part="empty">${icon(query ? searchX : inbox)}<p class="empty-title">${empty}</p><p class="empty-hint">${next}</p></div>`;
    }
    const renderItem = (session: Session, index: number) => this.#renderRow(phase, session, index);
    // A paged list tells assistive technology the server's total, not the rows held so far.
    const rowCount =
      phase === 'waiting' && !this.host.searchText.trim() ? Math.max(this.host.slice.counts.waiting, sessions.length) : sessions.length;
    return html`<div class="scroll" @scroll=${paged ? this.#onScroll : nothing}><div role="grid" part="list" class="list ${phase}" aria-labelledby="tab-${phase}" aria-rowcount=${rowCount}
      aria-multiselectable=${phase === 'pending' ? 'true' : nothing} @keydown=${this.#onKeydown}
      @focusin=${this.#onFocusIn} @focusout=${this.#onFocusOut} @visibilityChanged=${this.#onVisibilityChanged}>
      ${
        sessions.length > VIRTUALIZE_FROM
          ? // The layout given, not left for the virtualizer to import: rows show a frame (or a chunk's download) sooner.
            virtualize({ items: sessions as Session[], keyFunction: (s: Session) => s.id, renderItem, layout: FLOW })
          : repeat(sessions, (s) => s.id, renderItem)
      }
    </div>${paged ? this.#renderMoreStatus() : nothing}</div>`;
  }

  /** Below a paged waiting list: that the next page is on its way, or why it failed (with a retry). */
  #renderMoreStatus() {
    const common = this.host.localize.t.common;
    const error = this.host.moreWaitingError;
    return html`<p class="more-status" role="status">
        ${this.host.loadingMoreWaiting ? html`<span class="spinner" aria-hidden="true"></span> ${common.loading}` : nothing}
      </p>
      ${
        error
          ? html`<p class="error more-error" role="alert">
            ${error} <button class="link" @click=${() => this.host.loadMoreWaiting()}>${common.retry}</button>
          </p>`
          : nothing
      }`;
  }
}
