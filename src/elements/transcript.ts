import { html, nothing } from 'lit';
import type { repeat } from 'lit/directives/repeat.js';
import { TRANSIENT_ERROR_CODES, type Attachment, type ClientMessage, type SystemEvent } from '../protocol/index.js';
import { formatter } from '../i18n/localizer.js';
import type { TranscriptTranslation } from '../i18n/transcript/pt-BR.js';
import type { BaseTexts } from './conecta-element.js';
import { renderMessageText } from './message-text.js';

/**
 * The words a transcript shows: the agent table's `session`, or the webchat table's `words` (which
 * has no `PagingWords`: the webchat does not page back).
 */
export interface TranscriptWords extends TranscriptTranslation, Partial<PagingWords> {
  system: {
    accepted: (agent: string) => string;
    transferred: (by: string, team: string, agent: string | null, note: string | null) => string;
    invited: (by: string, agent: string) => string;
    left: (agent: string) => string;
    parked: (agent: string) => string;
    rescued: (agent: string) => string;
    finished: (agent: string | null, bulk: boolean) => string;
    expired: string;
  };
}

/** What a transcript that pages back shows besides (`renderPagingStatus`). */
export interface PagingWords {
  loadingOlder: string;
  startOfConversation: string;
}

/** What a transcript needs of a localize controller: the locale and time formats. */
export interface TranscriptLocalize {
  readonly locale: string;
  /** The element's table: its `errors` word why a message failed. */
  readonly t: BaseTexts;
  time(timestamp: number): string;
  dateTime(timestamp: number): string;
}

export interface TranscriptOptions {
  messages: readonly ClientMessage[];
  localize: TranscriptLocalize;
  /** The words shown: the agent table's `session`, the webchat's `words`. */
  words: TranscriptWords;
  /** Whether a message is the reader's own (shown on the own side, with its delivery status). */
  isOwn: (message: ClientMessage) => boolean;
  /** The name shown for a (non-system) message's author; none when empty. */
  authorName: (message: ClientMessage) => string;
  /** Absolute URL of an attachment; without it, attachments are listed by name only. */
  fileUrl?: (attachment: Attachment) => string;
  label: string;
  /** `off` while history loads (a screen reader must not read it all), `polite` afterwards. */
  live: 'off' | 'polite';
  onRetry: (message: ClientMessage) => void;
  /** Older messages are loading (`aria-busy`). */
  busy?: boolean;
  /** What shows above the messages: the agents' paging status (`renderPagingStatus`). */
  before?: unknown;
  onScroll?: (event: Event) => void;
  /** Now, for "Today"/"Yesterday" (default `Date.now()`). */
  now?: number;
  /**
   * Lit's `repeat`, for transcripts that page back: older messages go in before the drawn ones, which
   * keep their DOM (a playing audio, a focused button). Unset, a plain list: the webchat's only grows
   * at its end, and `repeat` would cost its size budget 0.9 KB gzip.
   */
  repeat?: typeof repeat;
}

const DAY = 24 * 60 * 60 * 1000;

const dayKey = (timestamp: number): string => {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
};

/** "Hoje", "Ontem", or the date in the reader's language. */
function dayLabel(t: TranscriptWords, locale: string, timestamp: number, now: number): string {
  if (dayKey(timestamp) === dayKey(now)) return t.today;
  if (dayKey(timestamp) === dayKey(now - DAY)) return t.yesterday;
  return formatter(Intl.DateTimeFormat, locale, { dateStyle: 'long' }).format(timestamp);
}

/** A size in bytes as `512 B`, `12 kB`, `3.4 MB` (binary multiples: the 10 MB upload limit is 10 MiB), in the reader's language. */
export function formatFileSize(locale: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return formatter(Intl.NumberFormat, locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** What a system message records, worded in the reader's language. */
export function systemText(t: Pick<TranscriptWords, 'system'>, event: SystemEvent): string {
  const words = t.system;
  switch (event.type) {
    case 'accepted':
      return words.accepted(event.agentName);
    case 'transferred':
      return words.transferred(event.byAgentName, event.toTeamName, event.toAgentName, event.note);
    case 'invited':
      return words.invited(event.byAgentName, event.agentName);
    case 'left':
      return words.left(event.agentName);
    case 'parked':
      return words.parked(event.agentName);
    case 'rescued':
      return words.rescued(event.agentName);
    case 'finished':
      return words.finished(event.agentName, event.bulk);
    case 'expired':
      return words.expired;
  }
}

function renderAttachment(attachment: Attachment, options: TranscriptOptions) {
  const t = options.words;
  const size = formatFileSize(options.localize.locale, attachment.size);
  if (!options.fileUrl) return html`<span class="file">${attachment.name} <span class="size">(${size})</span></span>`;
  const url = options.fileUrl(attachment);
  switch (attachment.kind) {
    case 'image':
      return html`<a part="attachment image-link" href=${url} target="_blank" rel="noopener noreferrer" title=${t.openImage(attachment.name)}
        ><img part="image" src=${url} alt=${attachment.name} loading="lazy"
      /></a>`;
    case 'audio':
      return html`<figure part="attachment"><audio part="audio" controls preload="none" src=${url} aria-label=${attachment.name}></audio>
        <figcaption class="size">${attachment.name} (${size})</figcaption></figure>`;
    case 'video':
      return html`<figure part="attachment"><video part="video" controls preload="metadata" src=${url} aria-label=${attachment.name}></video>
        <figcaption class="size">${attachment.name} (${size})</figcaption></figure>`;
    default:
      return html`<a part="attachment file" href=${url} target="_blank" rel="noopener noreferrer" download=${attachment.name}
        ><span class="file-name">${attachment.name}</span> <span class="size">(${size})</span></a
      >`;
  }
}

type Row = { key: string; separator: string } | { key: string; message: ClientMessage };

/** Messages with a day separator before the first message of each day. */
function rowsOf(messages: readonly ClientMessage[], options: TranscriptOptions, now: number): Row[] {
  const rows: Row[] = [];
  let day = '';
  for (const message of messages) {
    const key = dayKey(message.createdAt);
    if (key !== day) {
      day = key;
      rows.push({ key: `day-${key}`, separator: dayLabel(options.words, options.localize.locale, message.createdAt, now) });
    }
    rows.push({ key: message.id, message });
  }
  return rows;
}

/** Why a failed message was not sent, by its error code: never the server's English. */
function failureReason(message: ClientMessage, options: TranscriptOptions): string {
  const { errors, common } = options.localize.t;
  return message.errorCode === 'INVALID_PAYLOAD'
    ? options.words.messageRefused
    : (message.errorCode && errors[message.errorCode]) || common.error;
}

/** A retry is offered only where one can succeed: not for a message the server refused for what it is. */
const canSucceedLater = (message: ClientMessage): boolean => !message.errorCode || TRANSIENT_ERROR_CODES.includes(message.errorCode);

function renderMessage(message: ClientMessage, options: TranscriptOptions) {
  const { localize } = options;
  const t = options.words;
  const own = options.isOwn(message);
  const kind = message.authorKind === 'system' ? 'system' : own ? 'own' : 'other';
  const author = kind === 'system' ? '' : options.authorName(message);
  const text = message.system ? systemText(t, message.system) : message.text;
  return html`<div part="message ${kind}" data-message-id=${message.id} data-status=${message.status} data-kind=${message.kind}>
    ${author ? html`<span class="author">${author}</span>` : nothing}
    ${text ? html`<span class="text" dir="auto">${kind === 'system' ? text : renderMessageText(text)}</span>` : nothing}
    ${
      message.attachments.length
        ? html`<div class="attachments">${message.attachments.map((attachment) => renderAttachment(attachment, options))}</div>`
        : nothing
    }
    <span class="meta">
      <time datetime=${new Date(message.createdAt).toISOString()} title=${localize.dateTime(message.createdAt)}
        >${localize.time(message.createdAt)}</time
      >
      ${own ? html`<span class=${message.status} part="message-status">${t.messageStatus[message.status]}</span>` : nothing}
      ${
        own && message.status === 'failed'
          ? html`<span class="failed" part="failure-reason">${failureReason(message, options)}</span>
            ${
              canSucceedLater(message)
                ? html`<button class="link" part="retry-button" @click=${() => options.onRetry(message)}>${t.retryLabel}</button>`
                : nothing
            }`
          : nothing
      }
    </span>
  </div>`;
}

/**
 * The transcript of a conversation: a `role="log"` list of messages (keyed by message id with `repeat`) with a
 * separator for each day, system messages worded in the reader's language, and attachments.
 */
export function renderTranscript(options: TranscriptOptions) {
  const { messages } = options;
  const t = options.words;
  const rows = rowsOf(messages, options, options.now ?? Date.now());
  const renderRow = (row: Row) =>
    'separator' in row ? html`<p part="day-separator" class="day">${row.separator}</p>` : renderMessage(row.message, options);
  return html`<div part="transcript" role="log" aria-live=${options.live} aria-label=${options.label} tabindex="0"
    aria-busy=${options.busy ? 'true' : 'false'} @scroll=${options.onScroll ?? nothing}>
    ${options.before ?? nothing}
    ${messages.length === 0 ? html`<p class="notice">${t.empty}</p>` : nothing}
    ${options.repeat ? options.repeat(rows, (row) => row.key, renderRow) : rows.map(renderRow)}
  </div>`;
}

/**
 * Enter sends, Shift+Enter breaks the line; nothing is sent while an IME is composing (the Enter
 * that confirms a Japanese or Chinese candidate is not a "send").
 */
export function isSendKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229;
}
