import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Session } from '../../protocol/index.js';
import type { SessionHost } from './session-host.js';
import { sessionSummary } from './session-summary.js';

/** Finished sessions asked for at a time: the newest few are what an agent looks for. */
export const FINISHED_PAGE = 10;

/**
 * "Outros canais": the contact's sessions on every channel but the current session's — the open ones,
 * and the finished ones newest first, page by page (`contact.history` filtered on the server). The
 * finished ones need the history permission; without it only the open ones are asked for, and the
 * agent is told why.
 */
export class SessionOtherChannels {
  open: Session[] = [];
  finished: Session[] = [];
  hasMore = false;
  loading = false;
  loadingMore = false;
  error = '';
  /** Bumped by every first load: an answer for an earlier opening is dropped. */
  #seq = 0;

  constructor(private readonly host: SessionHost) {}

  #mayListFinished(): boolean {
    return this.host.view.me?.permissions.history ?? false;
  }

  #ask(state: 'open' | 'finished', before: number | null, limit: number) {
    const { session } = this.host.view;
    return this.host.client!.command('contact.history', {
      contactId: session!.contactId,
      exceptChannel: session!.channel,
      state,
      before,
      limit,
    });
  }

  async load(): Promise<void> {
    const { client, view } = this.host;
    if (!client || !view.session) return;
    const seq = ++this.#seq;
    Object.assign(this, { open: [], finished: [], hasMore: false, loading: true, loadingMore: false, error: '' });
    this.host.requestUpdate();
    try {
      const [open, finished] = await Promise.all([
        this.#ask('open', null, 100),
        this.#mayListFinished() ? this.#ask('finished', null, FINISHED_PAGE) : null,
      ]);
      if (seq !== this.#seq) return;
      this.open = open.sessions;
      this.finished = finished?.sessions ?? [];
      this.hasMore = finished?.hasMore ?? false;
    } catch (error) {
      if (seq === this.#seq) this.error = this.host.errorMessage(error);
    } finally {
      if (seq === this.#seq) this.loading = false;
      this.host.requestUpdate();
    }
  }

  async #more(): Promise<void> {
    const before = this.finished.at(-1)?.createdAt ?? null;
    if (!this.host.client || this.loadingMore) return;
    const seq = this.#seq;
    this.loadingMore = true;
    this.error = '';
    this.host.requestUpdate();
    let first: Session | undefined;
    try {
      const page = await this.#ask('finished', before, FINISHED_PAGE);
      if (seq !== this.#seq) return;
      first = page.sessions[0];
      this.finished = [...this.finished, ...page.sessions];
      this.hasMore = page.hasMore;
    } catch (error) {
      if (seq === this.#seq) this.error = this.host.errorMessage(error);
    } finally {
      if (seq === this.#seq) this.loadingMore = false;
      this.host.requestUpdate();
    }
    // The button may go with the last page: focus moves on to the first session it brought.
    if (first) {
      const id = first.id;
      await this.host.updateComplete;
      this.host.query<HTMLElement>(`dialog [data-session-id="${id}"]`)?.focus();
    }
  }

  #list(sessions: Session[], part: string, summary: (session: Session) => string, select: (session: Session) => void) {
    const t = this.host.localize.t;
    return html`<ul class="session-list" part="session-list ${part}">
      ${repeat(
        sessions,
        (session) => session.id,
        (session) => html`<li>
          <button type="button" class="link" data-session-id=${session.id} @click=${() => select(session)}>
            ${t.session.protocol(session.protocol)}
          </button>
          <span class="muted">${summary(session)}</span>
        </li>`,
      )}
    </ul>`;
  }

  /** The dialog's body; `select` opens a session (an open one in its place, a finished one read only). */
  render(select: (session: Session) => void) {
    const { localize, view } = this.host;
    const t = localize.t.sessionTools;
    const finishedLine = (session: Session) =>
      t.finishedItem(
        localize.t.channels[session.channel],
        localize.dateTime(session.createdAt),
        localize.dateTime(session.finishedAt ?? session.createdAt),
        session.agentName,
      );
    if (this.loading) return html`<p role="status">${localize.t.common.loading}</p>`;
    return html`<h4 class="list-heading">${t.otherChannelsOpen}</h4>
      ${
        this.open.length
          ? this.#list(this.open, 'open-sessions', (session) => sessionSummary(localize, view.catalog, session), select)
          : html`<p>${t.otherChannelsEmpty}</p>`
      }
      <h4 class="list-heading">${t.otherChannelsFinished}</h4>
      ${
        !this.#mayListFinished()
          ? html`<p class="muted" part="open-only">${t.otherChannelsOpenOnly}</p>`
          : this.finished.length
            ? this.#list(this.finished, 'finished-sessions', finishedLine, select)
            : html`<p>${t.otherChannelsFinishedEmpty}</p>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.hasMore
          ? html`<button type="button" part="more-finished-button" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'}
            @click=${() => void this.#more()}>${t.otherChannelsMore}</button>`
          : nothing
      }`;
  }
}
