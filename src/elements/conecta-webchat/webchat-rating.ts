import { html, nothing } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';
import { webchatEndingTableSources } from '../../i18n/webchat-ending/lazy.js';
import type { WebchatEndingTranslation } from '../../i18n/webchat-ending/pt-BR.js';
import { systemText } from '../transcript.js';
import { starIcon } from './star-icon.js';
import { authorOf } from './webchat-conversation.js';
import { ratingStyles } from './webchat-rating.styles.js';
import type { WebchatEnding } from './webchat-ending.js';
import type { WebchatHost } from './webchat-host.js';

// The end of a conversation: the confirmation, rating it, the thanks, the transcript's download. A
// chunk of its own in the visitors' bundles (loaded once the chat is ready, see WebchatEnding): no
// visitor needs it to start chatting, so it stays out of what they download to a ready chat.

const SCORES = [1, 2, 3, 4, 5] as const;

const endingWords = new WeakMap<WebchatHost, Localizer<WebchatEndingTranslation>>();

/**
 * What the ending says, in the webchat's language: tables of their own (src/i18n/webchat-ending/),
 * which WebchatEnding loads with this chunk before it shows anything of it.
 */
export function wordsOf(host: WebchatHost): Localizer<WebchatEndingTranslation> {
  let words = endingWords.get(host);
  if (!words) endingWords.set(host, (words = host.localizer(webchatEndingTableSources)));
  return words;
}

/** The conversation as plain text, from the messages held: what "Download conversation" saves. */
function transcriptText(host: WebchatHost): string {
  const { localize } = host;
  const t = localize.t;
  const { session, messages } = host.view;
  const lines = [host.config?.name || t.title];
  if (session) lines.push(wordsOf(host).t.transcriptFile(session.protocol), localize.dateTime(session.createdAt));
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

/** Save the transcript as a .txt file, built here from the messages held (a Blob and an `<a download>`). */
function download(host: WebchatHost): void {
  const blob = new Blob([transcriptText(host)], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${host.localize.t.transcript}-${host.view.session?.protocol ?? 'chat'}.txt`;
  link.click();
  // Some browsers read the URL after click() returns: give them a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function rate(ending: WebchatEnding, event: Event): Promise<void> {
  event.preventDefault();
  const { host } = ending;
  const session = host.view.session;
  if (!session || !host.client || ending.rating) return;
  if (!ending.score) {
    ending.error = wordsOf(host).t.rateRequired;
    await host.rerender('[part=stars] input');
    return;
  }
  const comment = String(new FormData(event.target as HTMLFormElement).get('comment') ?? '').trim() || null;
  ending.rating = true;
  ending.error = '';
  void host.rerender();
  try {
    await host.client.rateSession(session.id, ending.score, comment);
    ending.done = 'rated';
  } catch (error) {
    ending.error = host.errorMessage(error);
  } finally {
    ending.rating = false;
  }
  await host.rerender(ending.done ? '[part=new-conversation-button]' : undefined);
}

function skip(ending: WebchatEnding): void {
  ending.done = 'skipped';
  ending.error = '';
  void ending.host.rerender('[part=new-conversation-button]');
}

async function end(ending: WebchatEnding): Promise<void> {
  const { host } = ending;
  const session = host.view.session;
  if (!session || !host.client || ending.ending) return;
  ending.ending = true;
  ending.error = '';
  void host.rerender();
  try {
    await host.client.finishWebchat(session.id);
    ending.confirming = false;
  } catch (error) {
    ending.error = host.errorMessage(error);
  } finally {
    ending.ending = false;
  }
  await host.rerender(ending.error ? undefined : '[part=stars] input');
}

/** "End this conversation?": confirm or cancel (Escape cancels too). */
export function confirmForm(ending: WebchatEnding) {
  const { host, error } = ending;
  const t = host.localize.t;
  const words = wordsOf(host).t;
  return html`<div part="confirm" role="group" aria-labelledby="webchat-end-question"
    @keydown=${(event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      ending.cancel();
    }}>
    <p id="webchat-end-question">${words.endQuestion}</p>
    <button part="end-confirm-button" class="danger" aria-disabled=${ending.ending ? 'true' : 'false'} @click=${() => end(ending)}>
      ${ending.ending ? words.ending : words.endConfirm}
    </button>
    <button part="end-cancel-button" @click=${() => ending.cancel()}>${t.common.cancel}</button>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
  </div>`;
}

const renderDownload = (host: WebchatHost) =>
  html`<button part="download-button" class="link" type="button" @click=${() => download(host)}>${wordsOf(host).t.download}</button>`;

/** The rating form: 1–5 stars, an optional comment, rate or skip. */
export function ratingForm(ending: WebchatEnding) {
  const { host, error, score: chosen } = ending;
  const t = wordsOf(host).t;
  const noScore = error && !chosen;
  host.adoptStyles(ratingStyles);
  return html`<form class="stage" part="rating" novalidate @submit=${(event: Event) => rate(ending, event)}>
    <p>${t.finished}</p>
    <fieldset role="radiogroup" aria-invalid=${noScore ? 'true' : 'false'} aria-describedby=${noScore ? 'webchat-rate-error' : nothing}>
      <legend>${t.rateQuestion}</legend>
      <div part="stars">
        ${SCORES.map(
          (score) => html`<input type="radio" name="score" id="webchat-star-${score}" .value=${String(score)}
            .checked=${chosen === score} @change=${() => {
              ending.score = score;
              ending.error = '';
              host.requestUpdate();
            }} /><label for="webchat-star-${score}" part="star${score <= chosen ? ' on' : ''}" title=${t.stars(score)}
            >${starIcon()}<span class="visually-hidden">${t.stars(score)}</span></label
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
      <button part="rate-button" class="primary" type="submit" aria-disabled=${ending.rating ? 'true' : 'false'}>${ending.rating ? t.rating : t.rate}</button>
      <button part="skip-button" type="button" @click=${() => skip(ending)}>${t.skip}</button>
    </div>
    ${renderDownload(host)}
  </form>`;
}

/** The thanks once rated, skipped or not asked, with the download and a new conversation. */
export function thanksForm(ending: WebchatEnding) {
  const { host, done } = ending;
  const t = wordsOf(host).t;
  const rated = done === 'rated' || (done === null && host.view.session?.rating != null);
  return html`<div class="stage" part="thanks">
    <p>${rated ? t.thanksRated : t.thanks}</p>
    ${renderDownload(host)}
    <button part="new-conversation-button" class="primary" type="button" @click=${() => host.beginNew()}>${t.newConversation}</button>
  </div>`;
}
