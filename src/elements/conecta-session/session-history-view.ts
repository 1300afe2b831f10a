import { html, nothing, type ReactiveController } from 'lit';
import { selectMessages, selectSession } from '../../client/selectors.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import type { ClientMessage, Session } from '../../protocol/index.js';
import { renderTranscript } from '../transcript.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderPagingStatus } from '../transcript-paging.js';
import type { SessionHost } from './session-host.js';
import { sessionSummary } from './session-summary.js';

/**
 * An earlier session of the contact, opened from "Histórico": shown read-only in place of the current
 * conversation, which stays rendered (hidden) underneath, so its draft, uploads and scroll position are
 * there on the way back. It asks the host page for nothing: the agent's current session does not change.
 */
export class SessionHistoryView implements ReactiveController {
  /** The earlier session shown, or null while the current conversation is. */
  sessionId: string | null = null;
  /** As the history listed it: shown until the store holds the session. */
  #listed: Session | null = null;
  #loading = false;
  #loadingOlder = false;
  #error = '';
  /** The contact's last message in the current session when the earlier one opened: anything newer is news. */
  #currentSeenUpTo = 0;
  /** Where focus goes back to: the "Histórico" button. */
  #returnFocusTo: HTMLElement | null = null;
  /** What takes focus once the next render is on screen (the earlier session's title, or the way back). */
  #focusAfterRender: (() => HTMLElement | null) | null = null;
  readonly #earlier: StoreSelection<{ session: Session | undefined; messages: readonly ClientMessage[]; hasOlder: boolean }>;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
    this.#earlier = new StoreSelection(host, (state) => ({
      session: selectSession(state, this.sessionId),
      messages: selectMessages(state, this.sessionId),
      hasOlder: this.sessionId ? (state.hasOlder[this.sessionId] ?? false) : false,
    }));
  }

  /** Focus moves only once what it goes to is rendered (or shown again). */
  hostUpdated(): void {
    const target = this.#focusAfterRender?.();
    this.#focusAfterRender = null;
    target?.focus();
  }

  get open(): boolean {
    return this.sessionId !== null;
  }

  /** Show `session` read-only; `returnFocusTo` gets focus back when the agent returns. */
  async show(session: Session, returnFocusTo: HTMLElement | null): Promise<void> {
    this.sessionId = session.id;
    this.#listed = session;
    this.#currentSeenUpTo = this.#lastFromContact();
    this.#returnFocusTo = returnFocusTo;
    this.#error = '';
    this.#loading = true;
    this.#focusAfterRender = () => this.host.query<HTMLElement>('#earlier-title');
    this.host.requestUpdate();
    try {
      await this.host.client?.openSession(session.id);
    } catch (error) {
      if (this.sessionId === session.id) this.#error = this.host.errorMessage(error);
    } finally {
      if (this.sessionId === session.id) this.#loading = false;
      this.host.requestUpdate();
    }
  }

  /** Back to the current conversation, as it was left. */
  back(): void {
    if (!this.open) return;
    const opener = this.#returnFocusTo;
    this.close();
    this.#focusAfterRender = () => (opener?.isConnected ? opener : this.host.query<HTMLElement>('[data-tool="history"]'));
  }

  /** Forget the earlier session without moving focus (the host opened another session). */
  close(): void {
    this.sessionId = null;
    this.#listed = null;
    this.#returnFocusTo = null;
    this.#focusAfterRender = null;
    this.#loadingOlder = false;
    this.host.requestUpdate();
  }

  #lastFromContact(): number {
    return this.host.view.messages.findLast((message) => message.authorKind === 'contact')?.seq ?? 0;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.back();
  };

  #onScroll = (event: Event): void => {
    const log = event.currentTarget as HTMLElement;
    const sessionId = this.sessionId;
    const client = this.host.client;
    if (!sessionId || !client || log.scrollTop > 40 || this.#loading || this.#loadingOlder || !this.#earlier.value.hasOlder) return;
    const fromBottom = log.scrollHeight - log.scrollTop;
    this.#loadingOlder = true;
    this.host.requestUpdate();
    client
      .loadOlder(sessionId)
      .catch((error: unknown) => (this.#error = this.host.errorMessage(error)))
      .finally(async () => {
        this.#loadingOlder = false;
        this.host.requestUpdate();
        await this.host.updateComplete;
        // Keep the message that was at the top where it was: the older ones grow above it.
        if (this.sessionId === sessionId) log.scrollTop = log.scrollHeight - fromBottom;
      });
  };

  render() {
    if (!this.open) return nothing;
    const t = this.host.localize.t;
    const { messages, hasOlder } = this.#earlier.value;
    const session = this.#earlier.value.session ?? this.#listed;
    const { me, catalog } = this.host.view;
    const isOwn = (message: ClientMessage) => message.authorKind === 'agent' && !!me && message.authorId === me.id;
    return html`<section class="main earlier" part="earlier-session" aria-labelledby="earlier-title" @keydown=${this.#onKeydown}>
      <header part="header">
        <button type="button" part="back-button" class="back" @click=${() => this.back()}>${t.earlierSession.back}</button>
        ${
          session
            ? html`<div class="title">
                <h2 id="earlier-title" tabindex="-1">${t.earlierSession.title(session.protocol)}</h2>
                <span class="muted">${sessionSummary(this.host.localize, catalog, session)}</span>
              </div>`
            : nothing
        }
      </header>
      <p class="notice" part="read-only">${t.earlierSession.readOnly}</p>
      <p class="notice" part="current-news" role="status">${
        this.#lastFromContact() > this.#currentSeenUpTo
          ? t.earlierSession.currentNews(this.host.view.contact?.name ?? t.queue.unknownContact)
          : ''
      }</p>
      ${this.#loading && !messages.length ? html`<p class="placeholder" role="status">${t.common.loading}</p>` : nothing}
      ${this.#error ? html`<p class="error placeholder" role="alert">${this.#error}</p>` : nothing}
      ${
        session
          ? renderTranscript({
              repeat,
              messages,
              localize: this.host.localize,
              words: t.session,
              isOwn,
              authorName: (message) => message.authorName,
              fileUrl: (attachment) => this.host.client?.fileUrl(attachment) ?? attachment.url,
              label: t.earlierSession.transcript,
              live: 'off',
              onRetry: () => undefined,
              busy: this.#loadingOlder,
              before: renderPagingStatus({ hasOlder, loading: this.#loadingOlder }, t.session, messages.length > 0),
              onScroll: this.#onScroll,
              now: this.host.now,
            })
          : nothing
      }
    </section>`;
  }
}
