import { html } from 'lit';
import type { MessageLengthTranslation } from '../i18n/message-length/pt-BR.js';
import { MAX_MESSAGE_LENGTH } from '../protocol/limits.js';

/** The length the server checks: the trimmed text's. */
export const lengthOf = (text: string): number => text.trim().length;

/** Whether the server would refuse a text this long: the composers refuse it first. */
export const overLimit = (length: number): boolean => length > MAX_MESSAGE_LENGTH;

/** The counter shows from 500 characters before the limit: soon enough to see the end coming, late enough not to distract. */
const showsCount = (length: number): boolean => length > MAX_MESSAGE_LENGTH - 500;

/** What a composer says when its text is too long to send. */
export const tooLongText = (words: MessageLengthTranslation): string => words.tooLong(MAX_MESSAGE_LENGTH);

/**
 * The counter near the limit, `3996/4096` (hidden far from it), and its announcement. The count is
 * not live, or a screen reader would read it on every key: a polite status says only that the
 * limit is near, then that it was passed (and the input is marked invalid).
 */
export function renderLengthCount(length: number, words: MessageLengthTranslation) {
  const over = overLimit(length);
  const shown = showsCount(length);
  return html`<p class="visually-hidden" role="status">${over ? tooLongText(words) : shown ? words.near(MAX_MESSAGE_LENGTH) : ''}</p>
    <p part="character-count" class=${over ? 'error' : 'muted'} ?hidden=${!shown}>${length}/${MAX_MESSAGE_LENGTH}</p>`;
}
