import { html, nothing, type ReactiveController } from 'lit';
import { CommandController } from '../../controllers/command.js';
import { ConfirmationController } from '../../controllers/confirmation.js';
import { BULK_LIMIT, type Session } from '../../protocol/index.js';
import type { QueueHost } from './queue-host.js';

type BulkAction = 'rescue' | 'finish';

/** The server refuses more than BULK_LIMIT sessions at once (the selection never holds more). */
const tooMany = (error: unknown) =>
  (error as { code?: string } | null)?.code === 'INVALID_PAYLOAD' && !!(error as { fields?: Record<string, string> }).fields?.sessionIds;

/**
 * The pending phase's selection (at most 50 sessions: Space, checkboxes, "select all visible") and
 * its bulk actions: rescue, and finish after a confirmation that says no survey is sent. Only for an
 * agent with the `bulkActions` permission; the others rescue one session at a time.
 */
export class QueueBulkSelection implements ReactiveController {
  #selected: ReadonlySet<string> = new Set();
  readonly #command: CommandController<[BulkAction, string[]], { sessions: readonly Session[] }>;
  readonly #confirmFinish: ConfirmationController;

  constructor(private readonly host: QueueHost) {
    host.addController(this);
    this.#command = new CommandController(host, {
      run: (action, sessionIds) => host.client!.command(action === 'rescue' ? 'session.rescue' : 'session.finishMany', { sessionIds }),
      errorMessage: (error) => (tooMany(error) ? host.localize.t.queue.bulkLimit(BULK_LIMIT) : host.errorMessage(error)),
    });
    this.#confirmFinish = new ConfirmationController(host, {
      confirmControl: () => host.query<HTMLElement>('.finish-confirm'),
      opener: () => host.query<HTMLElement>('.bulk-finish'),
    });
  }

  /** Sessions that stopped being pending (rescued or finished elsewhere) leave the selection. */
  hostUpdate(): void {
    if (!this.#selected.size) return;
    const sessions = this.host.client?.store.state.sessions;
    const still = [...this.#selected].filter((id) => sessions?.[id]?.status === 'pending');
    if (still.length !== this.#selected.size) this.#selected = new Set(still);
  }

  /** The agent may act on many sessions at once (the `bulkActions` permission: the server refuses the others). */
  get allowed(): boolean {
    return this.host.slice.me?.permissions.bulkActions === true;
  }

  get size(): number {
    return this.#selected.size;
  }

  /** No more sessions may be selected. */
  get full(): boolean {
    return this.#selected.size >= BULK_LIMIT;
  }

  has(sessionId: string): boolean {
    return this.#selected.has(sessionId);
  }

  toggle(sessionId: string): void {
    if (!this.allowed) return;
    const next = new Set(this.#selected);
    if (next.has(sessionId)) next.delete(sessionId);
    else if (next.size < BULK_LIMIT) next.add(sessionId);
    else return;
    this.#set(next);
  }

  deselect(sessionIds: readonly string[]): void {
    const next = new Set(this.#selected);
    sessionIds.forEach((id) => next.delete(id));
    this.#set(next);
  }

  /** Rescue the selected sessions in one command. */
  rescue(): Promise<void> {
    return this.#run('rescue');
  }

  /** Finish the selected sessions in one command (no survey is sent). Does not ask. */
  finish(): Promise<void> {
    return this.#run('finish');
  }

  async #run(action: BulkAction): Promise<void> {
    const sessionIds = [...this.#selected];
    if (!this.host.client || !sessionIds.length || this.#command.pending()) return;
    this.#confirmFinish.close();
    const outcome = await this.#command.run(action, sessionIds);
    if (outcome?.status === 'done') this.deselect(sessionIds);
  }

  #set(next: ReadonlySet<string>): void {
    this.#selected = next;
    this.host.requestUpdate();
  }

  #toggleAllVisible(): void {
    const visible = this.host.slice.lists.pending;
    if ((visible.length > 0 && visible.every((s) => this.#selected.has(s.id))) || this.full) {
      this.deselect(visible.map((s) => s.id));
      return;
    }
    const next = new Set(this.#selected);
    for (const s of visible) {
      if (next.size >= BULK_LIMIT) break;
      next.add(s.id);
    }
    this.#set(next);
  }

  #renderConfirmation(count: number) {
    const t = this.host.localize.t.queue;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="finish-question" aria-describedby="finish-no-survey"
      @keydown=${this.#confirmFinish.onKeydown}>
      <p id="finish-question" class="question">${t.finishQuestion(count)}</p>
      <p id="finish-no-survey">${t.finishNoSurvey}</p>
      <button class="finish-cancel" @click=${() => this.#confirmFinish.cancel()}>${this.host.localize.t.common.cancel}</button>
      <button class="finish-confirm danger" @click=${() => this.finish()}>${t.finishConfirm}</button>
    </div>`;
  }

  #renderStatus() {
    const t = this.host.localize.t.queue;
    const state = this.#command.state();
    if (!state) return nothing;
    const [action, sessionIds] = state.args;
    if (state.status === 'pending') {
      return html`<p class="bulk-status" role="status"><span class="spinner" aria-hidden="true"></span>
        ${action === 'rescue' ? t.bulkRescuing(sessionIds.length) : t.bulkFinishing(sessionIds.length)}</p>`;
    }
    if (state.status === 'done') {
      const count = state.result.sessions.length;
      return html`<p class="bulk-status" role="status">${action === 'rescue' ? t.bulkRescued(count) : t.bulkFinished(count)}</p>`;
    }
    return html`<p class="bulk-status error" role="alert">${state.message}</p>`;
  }

  /** The bar above the pending list: select all, the count, the bulk buttons, the question, the outcome. */
  render() {
    const t = this.host.localize.t.queue;
    const visible = this.host.slice.lists.pending;
    const count = this.#selected.size;
    if (!this.allowed || (!visible.length && !count && !this.#command.state())) return nothing;
    const full = this.full;
    const allVisible = visible.length > 0 && visible.every((s) => this.#selected.has(s.id));
    const offline = this.host.offline;
    const disabled = !count || this.#command.pending() || offline;
    return html`<div part="bulk-bar" class="bulk" role="group" aria-label=${t.bulkActions}>
      <label class="select-all">
        <input type="checkbox" class="select-all-box" .checked=${count > 0 && (allVisible || full)}
          .indeterminate=${count > 0 && !allVisible && !full} ?disabled=${!visible.length}
          @change=${() => this.#toggleAllVisible()} />
        ${t.selectAll}
      </label>
      <span class="selected-count" aria-live="polite">${t.selectedCount(count)}</span>
      <button class="bulk-rescue" aria-label=${t.bulkRescueLabel(count)} ?disabled=${disabled}
        aria-describedby=${offline ? 'connection-notice' : nothing} @click=${() => this.rescue()}>${t.bulkRescue}</button>
      <button class="bulk-finish danger" aria-label=${t.bulkFinishLabel(count)} ?disabled=${disabled}
        aria-describedby=${offline ? 'connection-notice' : nothing} @click=${() => this.#confirmFinish.ask()}>${t.bulkFinish}</button>
      ${full ? html`<p id="selection-limit" class="limit" role="status">${t.selectionLimit(BULK_LIMIT)}</p>` : nothing}
      ${this.#confirmFinish.asking ? this.#renderConfirmation(count) : nothing}
      ${this.#renderStatus()}
    </div>`;
  }
}
