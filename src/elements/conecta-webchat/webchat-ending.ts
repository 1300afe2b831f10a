import { html, nothing } from 'lit';
import { offersSurvey } from '../../protocol/survey.js';
import { systemText } from '../transcript.js';
import { icon } from './icons.js';
import { authorOf } from './webchat-conversation.js';
import type { WebchatHost } from './webchat-host.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/** The conversation as plain text, from the messages held: what "Download conversation" saves. */
function transcriptText(host: WebchatHost): string {
  const { localize } = host;
  const t = localize.t;
  const { session, messages } = host.view;
  const lines = [host.config?.name || t.title];
  if (session) lines.push(t.transcriptFile(session.protocol), localize.dateTime(session.createdAt));
  lines.push('');
  // Only what the server stored (it numbers each one): a message still sending, or refused, has no seq.
  for (const message of messages.filter((each) => each.seq)) {
    const said = message.system
      ? systemText(t.words, message.system)
      : `${authorOf(t, message)}: ${[message.text, ...message.attachments.map((attachment) => `[${attachment.name}]`)].filter(Boolean).join(' ')}`;
    lines.push(`[${localize.dateTime(message.createdAt)}] ${said}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The end of a conversation: the visitor ends it (after a confirmation), rates it 1–5 with an
 * optional comment (or skips), sees a thank-you, downloads the transcript, starts a new one.
 */
export class WebchatEnding {
  confirming = false;
  ending = false;
  error = '';
  score = 0;
  rating = false;
  /** The visitor rated or skipped the rating of the current conversation. */
  done: 'rated' | 'skipped' | null = null;

  constructor(private readonly host: WebchatHost) {
    host.addController(this);
  }

  reset(): void {
    this.confirming = this.ending = this.rating = false;
    this.error = '';
    this.score = 0;
    this.done = null;
  }

  /**
   * Whether the visitor is asked to rate: finished, neither rated nor skipped, and closed with the
   * survey (not in bulk, not by the waiting timeout), as far as the messages held tell.
   */
  get asksRating(): boolean {
    const { session, messages } = this.host.view;
    return session?.status === 'finished' && session.rating === null && this.done === null && offersSurvey(messages);
  }

  ask(): void {
    this.confirming = true;
    this.error = '';
    void this.host.rerender('[part=end-cancel-button]');
  }

  cancel(): void {
    this.confirming = false;
    void this.host.rerender('[part=end-button]');
  }

  async end(): Promise<void> {
    const session = this.host.view.session;
    if (!session || !this.host.client || this.ending) return;
    this.ending = true;
    this.error = '';
    void this.host.rerender();
    try {
      await this.host.client.finishWebchat(session.id);
      this.confirming = false;
    } catch (error) {
      this.error = this.host.errorMessage(error);
    } finally {
      this.ending = false;
    }
    await this.host.rerender(this.error ? undefined : '[part=stars] input');
  }

  async #rate(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.host.view.session;
    if (!session || !this.host.client || this.rating) return;
    const t = this.host.localize.t;
    if (!this.score) {
      this.error = t.rateRequired;
      await this.host.rerender('[part=stars] input');
      return;
    }
    const comment = String(new FormData(event.target as HTMLFormElement).get('comment') ?? '').trim() || null;
    this.rating = true;
    this.error = '';
    void this.host.rerender();
    try {
      await this.host.client.rateSession(session.id, this.score, comment);
      this.done = 'rated';
    } catch (error) {
      this.error = this.host.errorMessage(error);
    } finally {
      this.rating = false;
    }
    await this.host.rerender(this.done ? '[part=new-conversation-button]' : undefined);
  }

  skip(): void {
    this.done = 'skipped';
    this.error = '';
    void this.host.rerender('[part=new-conversation-button]');
  }

  /** Save the transcript as a .txt file, built here from the messages held (a Blob and an `<a download>`). */
  download(): void {
    const blob = new Blob([transcriptText(this.host)], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.host.localize.t.transcript}-${this.host.view.session?.protocol ?? 'chat'}.txt`;
    link.click();
    // Some browsers read the URL after click() returns: give them a moment before freeing it.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  renderConfirm() {
    if (!this.confirming) return nothing;
    const t = this.host.localize.t;
    return html`<div part="confirm" role="group" aria-labelledby="webchat-end-question"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        this.cancel();
      }}>
      <p id="webchat-end-question">${t.endQuestion}</p>
      <button part="end-confirm-button" class="danger" aria-disabled=${this.ending ? 'true' : 'false'} @click=${() => this.end()}>
        ${this.ending ? t.ending : t.endConfirm}
      </button>
      <button part="end-cancel-button" @click=${() => this.cancel()}>${t.common.cancel}</button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  #renderDownload() {
    return html`<button part="download-button" class="link" type="button" @click=${() => this.download()}>
      ${this.host.localize.t.download}
    </button>`;
  }

  renderRating() {
    const t = this.host.localize.t;
    const error = this.error;
    const noScore = error && !this.score;
    return html`<form class="stage" part="rating" novalidate @submit=${(event: Event) => this.#rate(event)}>
      <p>${t.finished}</p>
      <fieldset role="radiogroup" aria-invalid=${noScore ? 'true' : 'false'} aria-describedby=${noScore ? 'webchat-rate-error' : nothing}>
        <legend>${t.rateQuestion}</legend>
        <div part="stars">
          ${SCORES.map(
            (score) => html`<input type="radio" name="score" id="webchat-star-${score}" .value=${String(score)}
              .checked=${this.score === score} @change=${() => {
                this.score = score;
                this.error = '';
                this.host.requestUpdate();
              }} /><label for="webchat-star-${score}" part="star${score <= this.score ? ' on' : ''}" title=${t.stars(score)}
              >${icon('star')}<span class="visually-hidden">${t.stars(score)}</span></label
            >`,
          )}
        </div>
        ${noScore ? html`<p class="field-error" id="webchat-rate-error">${error}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="webchat-comment">${t.comment}</label>
        <textarea id="webchat-comment" name="comment" part="input" rows="3" maxlength="1000"></textarea>
      </div>
      ${error && !noScore ? html`<p class="error" role="alert">${error}</p>` : nothing}
      <div class="row">
        <button part="rate-button" class="primary" type="submit" aria-disabled=${this.rating ? 'true' : 'false'}>${this.rating ? t.rating : t.rate}</button>
        <button part="skip-button" type="button" @click=${() => this.skip()}>${t.skip}</button>
      </div>
      ${this.#renderDownload()}
    </form>`;
  }

  renderThanks() {
    const t = this.host.localize.t;
    const rated = this.done === 'rated' || (this.done === null && this.host.view.session?.rating != null);
    return html`<div class="stage" part="thanks">
      <p>${rated ? t.thanksRated : t.thanks}</p>
      ${this.#renderDownload()}
      <button part="new-conversation-button" class="primary" type="button" @click=${() => this.host.beginNew()}>${t.newConversation}</button>
    </div>`;
  }
}
