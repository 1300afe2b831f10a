import { html, nothing } from 'lit';
import { offersSurvey } from '../../protocol/survey.js';
import type { WebchatHost } from './webchat-host.js';

type RatingStage = typeof import('./webchat-rating.js');

/**
 * The end of a conversation: the visitor ends it (after a confirmation), rates it 1–5 with an
 * optional comment (or skips), sees a thank-you, downloads the transcript, starts a new one.
 */
export class WebchatEnding {
  /**
   * Fetches the rating stage's chunk (a static member: tests delay or fail it). Its exports are read by
   * name across chunks: none may be in rollup.config.mjs's `visitorPrivateMembers`.
   */
  static load = (): Promise<RatingStage> => import('./webchat-rating.js');
  confirming = false;
  ending = false;
  error = '';
  score = 0;
  rating = false;
  /** The visitor rated or skipped the rating of the current conversation. */
  done: 'rated' | 'skipped' | null = null;
  /** The rating stage, once its chunk arrived (one for every webchat of the page). */
  static stage: RatingStage | null = null;
  /** The rating stage's chunk could not be fetched (until a retry). */
  failed = false;
  #arrival: Promise<void> | null = null;

  constructor(readonly host: WebchatHost) {
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

  /**
   * Fetch the rating stage once (again after a failure): at idle once the chat is ready, so that it
   * shows at once when the conversation ends; or when it must show and has not arrived.
   */
  prefetch(): Promise<void> {
    if (WebchatEnding.stage) return Promise.resolve();
    return (this.#arrival ??= WebchatEnding.load()
      .then(
        (stage) => {
          WebchatEnding.stage = stage;
          this.failed = false;
        },
        () => {
          this.failed = true;
        },
      )
      .then(() => {
        this.#arrival = null;
        return this.#arrived();
      }));
  }

  /** Show what arrived if the conversation is over; focus follows from where the wait left it (the panel, the retry). */
  async #arrived(): Promise<void> {
    if (this.host.view.session?.status !== 'finished') return;
    const parked = this.host.query(':focus')?.matches('[part=panel], #webchat-ending-retry');
    await this.host.rerender(this.failed && parked ? '#webchat-ending-retry' : undefined);
    if (parked && !this.failed) this.host.focusInside();
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
    if (!this.error) await this.prefetch();
    await this.host.rerender(this.error ? undefined : '[part=stars] input');
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

  /**
   * After the conversation ended: the rating form or the thanks, from the rating stage's chunk
   * (a status while it arrives; an error with a retry when it could not be fetched, e.g. offline).
   */
  renderFinished() {
    const stage = WebchatEnding.stage;
    if (stage) return this.asksRating ? stage.ratingForm(this) : stage.thanksForm(this);
    const t = this.host.localize.t;
    if (!this.failed) {
      void this.prefetch();
      return html`<p class="stage" role="status">${t.common.loading}</p>`;
    }
    return html`<div class="stage">
      <p class="error" role="alert">${t.common.error}</p>
      <button id="webchat-ending-retry" @click=${() => this.prefetch()}>${t.common.retry}</button>
    </div>`;
  }
}
