import { html, nothing } from 'lit';
import { offersSurvey } from '../../protocol/survey.js';
import type { WebchatHost } from './webchat-host.js';

type RatingStage = typeof import('./webchat-rating.js');

/**
 * The end of a conversation: the visitor ends it (after a confirmation), rates it 1–5 with an
 * optional comment (or skips), sees a thank-you, downloads the transcript, starts a new one. What
 * shows is drawn by the ending's chunk (webchat-rating.ts), fetched once the chat is ready.
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
  /** The rating stage, once this webchat has it with its words. */
  #stage: RatingStage | null = null;
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
    if (this.#stage) return Promise.resolve();
    return (this.#arrival ??= (WebchatEnding.stage ? Promise.resolve(WebchatEnding.stage) : WebchatEnding.load())
      // With its words in this webchat's language: what it shows is whole from the start.
      .then((stage) =>
        stage
          .wordsOf(this.host)
          .ready()
          .then(() => stage),
      )
      .then(
        (stage) => this.#arrived(stage),
        () => this.#arrived(null),
      ));
  }

  /**
   * Show what arrived (nothing: it could not be fetched) if the ending shows (asked to confirm, or
   * over); focus follows from where the wait left it (the panel, the retry).
   */
  async #arrived(stage: RatingStage | null): Promise<void> {
    // Looked at before what arrived can show: the words' arrival has an update of the element on its way.
    const parked = this.host.query(':focus')?.matches('[part=panel], #webchat-ending-retry');
    if (stage) WebchatEnding.stage = this.#stage = stage;
    this.failed = !stage;
    this.#arrival = null;
    if (!this.confirming && this.host.view.session?.status !== 'finished') return;
    await this.host.rerender(
      parked ? (this.failed ? '#webchat-ending-retry' : this.confirming ? '[part=end-cancel-button]' : undefined) : undefined,
    );
    if (parked && !this.failed && !this.confirming) this.host.focusInside();
  }

  async ask(): Promise<void> {
    this.confirming = true;
    this.error = '';
    await this.prefetch();
    await this.host.rerender(this.#stage ? '[part=end-cancel-button]' : '#webchat-ending-retry');
  }

  cancel(): void {
    this.confirming = false;
    void this.host.rerender('[part=end-button]');
  }

  /** The confirmation while it is asked (a status, or an error with a retry, until its chunk is here). */
  renderConfirm() {
    if (!this.confirming) return nothing;
    return this.#stage?.confirmForm(this) ?? html`<div part="confirm">${this.#waiting()}</div>`;
  }

  /**
   * After the conversation ended: the rating form or the thanks, from the rating stage's chunk
   * (a status while it arrives; an error with a retry when it could not be fetched, e.g. offline).
   */
  renderFinished() {
    const stage = this.#stage;
    if (stage) return this.asksRating ? stage.ratingForm(this) : stage.thanksForm(this);
    return html`<div class="stage">${this.#waiting()}</div>`;
  }

  /**
   * While the ending's chunk is on its way: a status; an error with a retry once it failed (offline).
   * In the confirmation's bar when asked to confirm, else as the panel's stage.
   */
  #waiting() {
    const t = this.host.localize.t;
    if (!this.failed) void this.prefetch();
    return this.failed
      ? html`<p class="error" role="alert">${t.common.error}</p>
          <button id="webchat-ending-retry" @click=${() => this.prefetch()}>${t.common.retry}</button>`
      : html`<p role="status">${t.common.loading}</p>`;
  }
}
