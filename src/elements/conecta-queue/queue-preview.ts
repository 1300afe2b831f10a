import { html, nothing, type ReactiveController } from 'lit';
import { selectMessages } from '../../client/selectors.js';
import { CommandController } from '../../controllers/command.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import type { ClientMessage } from '../../protocol/index.js';
import { renderTranscript } from '../transcript.js';
import { repeat } from 'lit/directives/repeat.js';
import type { QueueHost } from './queue-host.js';

const noMessages: readonly ClientMessage[] = [];

/**
 * The read-only preview ("spy") of a session's conversation, in a modal dialog: it loads the
 * session without accepting it; a waiting session can be accepted from there. Closing returns focus
 * to what opened it, else to the list.
 */
export class QueuePreview implements ReactiveController {
  /** The session shown, or ''. */
  sessionId = '';
  #opener: HTMLElement | null = null;
  readonly #messages: StoreSelection<readonly ClientMessage[]>;
  /** Loading per session: a late answer for a session no longer shown is dropped. */
  readonly #load: CommandController<[string], void>;

  constructor(
    private readonly host: QueueHost,
    /** Where focus goes when what opened the preview is gone. */
    private readonly focusList: () => void,
  ) {
    host.addController(this);
    this.#messages = new StoreSelection(host, (s) => (this.sessionId ? selectMessages(s, this.sessionId) : noMessages), Object.is);
    this.#load = new CommandController(host, {
      run: (sessionId) => host.client!.openSession(sessionId),
      key: (sessionId) => sessionId,
      errorMessage: (error) => host.errorMessage(error),
    });
  }

  hostDisconnected(): void {
    // What opened the preview may be gone by the time the element comes back.
    this.#opener = null;
  }

  /** Show a session's conversation (does not accept it). */
  async open(sessionId: string): Promise<void> {
    if (!this.host.client) return;
    const active = this.host.query<HTMLElement>(':focus');
    this.#opener = active instanceof HTMLElement ? active : null;
    this.#load.clear(this.sessionId);
    this.sessionId = sessionId;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
    await this.#load.run(sessionId);
  }

  /** Close the preview; focus returns to what opened it. */
  close(): void {
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    else this.#afterClosed();
  }

  #dialog(): HTMLDialogElement | null {
    return this.host.query<HTMLDialogElement>('dialog[part="preview"]');
  }

  #afterClosed(): void {
    this.#load.clear(this.sessionId);
    this.sessionId = '';
    this.host.requestUpdate();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    else this.focusList();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.close();
  }

  #renderContent() {
    const host = this.host;
    const t = host.localize.t.queue;
    const session = this.sessionId ? host.client?.store.state.sessions[this.sessionId] : undefined;
    if (!session) return nothing;
    const name = host.contactName(session);
    const me = host.slice.me;
    const messages = this.#messages.value;
    const loading = this.#load.pending(session.id);
    const error = this.#load.error(session.id);
    return html`<header class="preview-header">
        <h2 id="preview-title">${t.previewTitle(name)}</h2>
        <button class="preview-close" @click=${() => this.close()}>${host.localize.t.common.close}</button>
      </header>
      <p class="hint">${t.previewHint}</p>
      ${loading && !messages.length ? html`<p role="status">${host.localize.t.common.loading}</p>` : nothing}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${renderTranscript({
        repeat,
        messages,
        localize: host.localize,
        words: host.localize.t.session,
        isOwn: (m) => m.authorKind === 'agent' && m.authorId === me?.id,
        authorName: (m) => m.authorName || (m.authorKind === 'contact' ? name : ''),
        label: t.previewTranscript,
        live: loading ? 'off' : 'polite',
        onRetry: () => undefined,
      })}
      ${
        session.status === 'waiting'
          ? html`<footer class="preview-footer">
            <button class="primary preview-accept" ?disabled=${host.offline} aria-label=${t.acceptLabel(name)}
              @click=${() => {
                this.close();
                void host.acceptSession(session.id);
              }}>${t.accept}</button>
          </footer>`
          : nothing
      }`;
  }

  render() {
    return html`<dialog part="preview" aria-labelledby="preview-title" @close=${() => this.#afterClosed()}
      @keydown=${(event: KeyboardEvent) => this.#onKeydown(event)}>${this.#renderContent()}</dialog>`;
  }
}
