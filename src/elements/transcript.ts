import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LocalizeController } from '../i18n/localize.js';
import type { ClientMessage } from '../protocol/index.js';
import { renderMessageText } from './message-text.js';

export interface TranscriptOptions {
  messages: readonly ClientMessage[];
  localize: LocalizeController;
  /** Whether a message is the reader's own (shown on the own side, with its delivery status). */
  isOwn: (message: ClientMessage) => boolean;
  /** The name shown for a message's author. */
  authorName: (message: ClientMessage) => string;
  label: string;
  /** `off` while history loads (a screen reader must not read it all), `polite` afterwards. */
  live: 'off' | 'polite';
  onRetry: (message: ClientMessage) => void;
}

/** The transcript of a conversation: a `role="log"` list of messages, keyed by message id. */
export function renderTranscript(options: TranscriptOptions) {
  const { messages, localize } = options;
  const t = localize.t.session;
  return html`<div part="transcript" role="log" aria-live=${options.live} aria-label=${options.label} tabindex="0">
    ${messages.length === 0 ? html`<p class="notice">${t.empty}</p>` : nothing}
    ${repeat(
      messages,
      (message) => message.id,
      (message) => {
        const own = options.isOwn(message);
        const kind = message.authorKind === 'system' ? 'system' : own ? 'own' : 'other';
        return html`<div part="message ${kind}" data-message-id=${message.id} data-status=${message.status}>
          ${kind === 'system' ? nothing : html`<span class="author">${options.authorName(message)}</span>`}
          <span class="text">${renderMessageText(message.text)}</span>
          <span class="meta">
            <time datetime=${new Date(message.createdAt).toISOString()} title=${localize.dateTime(message.createdAt)}
              >${localize.time(message.createdAt)}</time
            >
            ${own
              ? html`<span class=${message.status} part="message-status">${t.messageStatus[message.status]}</span>`
              : nothing}
            ${own && message.status === 'failed'
              ? html`<button class="link" part="retry-button" title=${message.error ?? ''}
                  @click=${() => options.onRetry(message)}>${t.retryLabel}</button>`
              : nothing}
          </span>
        </div>`;
      },
    )}
  </div>`;
}

/**
 * Enter sends, Shift+Enter breaks the line; nothing is sent while an IME is composing (the Enter
 * that confirms a Japanese or Chinese candidate is not a "send").
 */
export function isSendKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229;
}
