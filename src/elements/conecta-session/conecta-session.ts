import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { selectContact, selectMessages, selectSession } from '../../client/selectors.js';
import { AutoScrollController } from '../../controllers/auto-scroll.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import type { ClientMessage } from '../../protocol/index.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaElement, define } from '../conecta-element.js';
import { isSendKey, renderTranscript } from '../transcript.js';
import { transcriptStyles } from '../transcript.styles.js';
import { sessionStyles } from './conecta-session.styles.js';
import { SessionFinishedEvent } from './events.js';

/**
 * @summary One conversation for an agent: the contact, protocol and status; the transcript with
 * each message's author, time and delivery status; a composer; and Finish, with a confirmation.
 *
 * @event conecta-session-finished - The agent finished the session. `detail: {session, contact}`.
 *
 * @csspart base - The whole element.
 * @csspart header - Contact name, phone, protocol, status and the Finish button.
 * @csspart status - The session's status badge.
 * @csspart finish-button - The Finish button.
 * @csspart confirm - The inline confirmation shown before finishing.
 * @csspart transcript - The scrolling list of messages (`role="log"`).
 * @csspart message - A message; also `own`, `other` or `system`.
 * @csspart message-status - Delivery status of the agent's own message.
 * @csspart retry-button - Sends a failed message again.
 * @csspart link - A link found in a message.
 * @csspart composer - The form to write a message.
 * @csspart input - The message textarea.
 * @csspart send-button - The Send button.
 * @csspart connection - The notice shown while the client is not connected.
 *
 * @cssproperty --conecta-session-height - The element's height (default `32rem`).
 * @cssproperty --conecta-message-background - Background of others' messages.
 * @cssproperty --conecta-message-own-background - Background of the agent's own messages.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 */
export class ConectaSession extends ConectaElement {
  static override styles = [hostStyles, transcriptStyles, sessionStyles];

  /** The session shown; setting it loads the session and follows it. */
  @property({ attribute: 'session-id', reflect: true }) sessionId = '';

  @state() private loading = false;
  @state() private loadError = '';
  @state() private confirmingFinish = false;
  @state() private finishing = false;
  @state() private finishError = '';
  @state() private historyLoaded = false;

  @query('textarea') private textarea!: HTMLTextAreaElement | null;

  private readonly view = new StoreSelection(this, (s) => ({
    session: selectSession(s, this.sessionId),
    contact: selectContact(s, selectSession(s, this.sessionId)?.contactId),
    messages: selectMessages(s, this.sessionId),
    me: s.me,
  }));
  private readonly scroller = new AutoScrollController(this, () => this.renderRoot.querySelector<HTMLElement>('[role="log"]'));
  /** What was last opened: a session is loaded once per client, not on every render. */
  #opened: { client: unknown; sessionId: string } | null = null;

  constructor() {
    super();
    this.clientController.subscribe(() => this.#open());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('sessionId')) {
      this.confirmingFinish = false;
      this.finishError = '';
      this.#open();
    }
  }

  /** Load the session (once per session id and client) and follow it. */
  async #open(): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    if (!client || !sessionId) return;
    if (this.#opened?.client === client && this.#opened.sessionId === sessionId) return;
    this.#opened = { client, sessionId };
    this.loading = true;
    this.loadError = '';
    this.historyLoaded = false;
    try {
      await client.openSession(sessionId);
    } catch (error) {
      if (this.sessionId === sessionId) this.loadError = this.errorMessage(error);
    } finally {
      if (this.sessionId === sessionId) {
        this.loading = false;
        this.historyLoaded = true;
      }
    }
  }

  /** Send the composer's text (as Enter does). Returns whether something was sent. */
  send(): boolean {
    const textarea = this.textarea;
    const client = this.client;
    const text = textarea?.value.trim() ?? '';
    if (!textarea || !client || !text || this.#disabledReason()) return false;
    client.sendMessage(this.sessionId, text);
    textarea.value = '';
    this.scroller.scrollToEnd();
    return true;
  }

  async #finish(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.finishing = true;
    this.finishError = '';
    try {
      const result = await client.command('session.finish', { sessionId: this.sessionId });
      this.confirmingFinish = false;
      this.dispatchEvent(new SessionFinishedEvent({ session: result.session, contact: result.contact }));
    } catch (error) {
      this.finishError = this.errorMessage(error);
    } finally {
      this.finishing = false;
    }
  }

  async #askFinish(): Promise<void> {
    this.confirmingFinish = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="confirm"] button.danger')?.focus();
  }

  async #cancelFinish(): Promise<void> {
    this.confirmingFinish = false;
    this.finishError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="finish-button"]')?.focus();
  }

  #disabledReason(): string {
    const t = this.localize.t.session;
    const status = this.view.value.session?.status;
    if (status === 'waiting') return t.disabledWaiting;
    if (status === 'finished') return t.disabledFinished;
    if (status === 'pending') return t.disabledPending;
    return '';
  }

  #isOwn = (message: ClientMessage): boolean => {
    const me = this.view.value.me;
    return message.authorKind === 'agent' && !!me && message.authorId === me.id;
  };

  #onKeydown(event: KeyboardEvent): void {
    if (!isSendKey(event)) return;
    event.preventDefault();
    this.send();
  }

  #renderHeader() {
    const t = this.localize.t;
    const { session, contact } = this.view.value;
    if (!session) return nothing;
    const canFinish = session.status === 'active' || session.status === 'pending';
    return html`<header part="header">
      <div class="title">
        <h2>${contact?.name ?? t.queue.unknownContact}</h2>
        ${contact?.phone ? html`<span class="muted phone">${contact.phone}</span>` : nothing}
        <span class="muted protocol">${t.session.protocol(session.protocol)}</span>
      </div>
      <span part="status" data-status=${session.status}>${t.statuses[session.status]}</span>
      ${canFinish && !this.confirmingFinish
        ? html`<button part="finish-button" class="danger" @click=${() => this.#askFinish()}>${t.session.finish}</button>`
        : nothing}
      ${this.confirmingFinish
        ? html`<div part="confirm" role="group" aria-labelledby="finish-question"
            @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#cancelFinish()}>
            <span id="finish-question">${t.session.finishQuestion}</span>
            <button class="danger" ?disabled=${this.finishing} aria-busy=${this.finishing ? 'true' : 'false'}
              @click=${() => this.#finish()}>
              ${this.finishing ? t.session.finishing : t.session.finishConfirm}
            </button>
            <button ?disabled=${this.finishing} @click=${() => this.#cancelFinish()}>${t.common.cancel}</button>
            ${this.finishError ? html`<p class="error" role="alert">${this.finishError}</p>` : nothing}
          </div>`
        : nothing}
    </header>`;
  }

  #renderComposer() {
    const t = this.localize.t.session;
    const reason = this.#disabledReason();
    const disabled = Boolean(reason) || !this.client;
    return html`<form part="composer" @submit=${(event: Event) => {
        event.preventDefault();
        this.send();
      }}>
      <label class="visually-hidden" for="composer-input">${t.composerLabel}</label>
      <div class="composer-row">
        <textarea
          id="composer-input"
          part="input"
          rows="2"
          placeholder=${t.composerPlaceholder}
          aria-describedby="composer-hint"
          ?disabled=${disabled}
          @keydown=${this.#onKeydown}
        ></textarea>
        <button part="send-button" class="primary" type="submit" ?disabled=${disabled}>${t.send}</button>
      </div>
      <p id="composer-hint" class="muted">${reason || t.composerHint}</p>
    </form>`;
  }

  protected override render() {
    const t = this.localize.t;
    const { session, contact, messages, me } = this.view.value;
    if (!this.sessionId) {
      return html`<div part="base">${this.renderConnection()}<p class="placeholder">${t.session.none}</p></div>`;
    }
    return html`<section part="base" aria-label=${contact?.name ?? t.session.transcript} aria-busy=${this.loading ? 'true' : 'false'}>
      ${this.renderConnection()} ${this.#renderHeader()}
      ${this.loading && !session ? html`<p class="placeholder" role="status">${t.common.loading}</p>` : nothing}
      ${this.loadError
        ? html`<p class="error placeholder" role="alert">${this.loadError}</p>`
        : nothing}
      ${session
        ? renderTranscript({
            messages,
            localize: this.localize,
            isOwn: this.#isOwn,
            authorName: (message) => (this.#isOwn(message) ? (me?.nickname ?? message.authorName ?? t.common.you) : message.authorName),
            label: t.session.transcript,
            live: this.historyLoaded ? 'polite' : 'off',
            onRetry: (message) => this.client?.retryMessage(message.sessionId, message.id),
          })
        : nothing}
      ${session ? this.#renderComposer() : nothing}
    </section>`;
  }
}

define('conecta-session', ConectaSession);

export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'conecta-session': ConectaSession;
  }
}
