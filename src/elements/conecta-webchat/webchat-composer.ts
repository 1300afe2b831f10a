import { html, nothing } from 'lit';
import { ComposerController } from '../../controllers/composer.js';
import { MAX_UPLOAD_BYTES } from '../../protocol/limits.js';
import type { Attachment } from '../../protocol/index.js';
import { lengthOf, overLimit, renderLengthCount, tooLongText } from '../message-length.js';
import { formatFileSize, isSendKey } from '../transcript.js';
import { icon } from './icons.js';
import type { WebchatHost } from './webchat-host.js';

/** What the composer needs beyond the other parts: how to send (a first message may start the conversation). */
export interface ComposerHost extends WebchatHost {
  send(text: string, attachments: Attachment[]): boolean | Promise<boolean>;
}

/**
 * The visitor's composer: Enter sends, files come by button, paste or drop (the upload limit is
 * checked first, then the upload shows its progress), the text's length is counted near its limit
 * (and an over-long text refused), and the agent is told, throttled, that the visitor is typing.
 */
export class WebchatComposer extends ComposerController {
  dragging = false;

  constructor(protected override readonly host: ComposerHost) {
    super(host, {
      tooLarge: (file) => host.localize.t.tooLarge(file.name, formatFileSize(host.localize.locale, MAX_UPLOAD_BYTES)),
      // A file over the limit was refused before uploading (one limit, in src/protocol): whatever the server refuses says why.
      uploadFailed: (file, error) => host.localize.t.uploadFailed(file.name, host.errorMessage(error)),
    });
  }

  /**
   * The uploads' code (src/client/upload.ts) is a chunk of its own in the widget, as no visitor needs
   * it to a ready chat: fetched at idle once the chat is ready, so a first attachment does not wait.
   */
  prefetch(): void {
    import('../../client/upload.js').catch(() => {
      // Offline: the first attachment fetches it again (or fails as its upload would).
    });
  }

  get #textarea(): HTMLTextAreaElement | null {
    return this.host.query<HTMLTextAreaElement>('#webchat-input');
  }

  /** Cancel an upload in progress, or drop an uploaded file. */
  override remove(id: string): void {
    super.remove(id);
    this.#textarea?.focus();
  }

  async send(): Promise<void> {
    const textarea = this.#textarea;
    if (!textarea) return;
    const t = this.host.localize.t;
    // Not yet (files still uploading), or never as it is (too long: the server would refuse it); the text stays.
    const refusal = this.uploading ? t.waitUploads : overLimit(this.length) ? tooLongText(t.messageLength) : '';
    if (refusal) {
      this.errors = [refusal];
      this.host.requestUpdate();
      return;
    }
    const text = textarea.value.trim();
    const attachments = this.attachments;
    if (!text && attachments.length === 0) return;
    this.stopTyping();
    if (!(await this.host.send(text, attachments))) return;
    textarea.value = '';
    this.reset();
    this.host.requestUpdate();
  }

  #onInput(value: string): void {
    this.length = lengthOf(value);
    this.host.requestUpdate(); // the counter
    const session = this.host.view.session;
    if (session && session.status !== 'finished') this.typed(session.id);
  }

  /** Files dropped anywhere on the conversation. */
  readonly dropHandlers = {
    dragover: (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      this.#setDragging(true);
    },
    dragleave: () => this.#setDragging(false),
    drop: (event: DragEvent) => {
      this.#setDragging(false);
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      this.addFiles(event.dataTransfer.files);
    },
  };

  #setDragging(on: boolean): void {
    if (this.dragging === on) return;
    this.dragging = on;
    this.host.requestUpdate();
  }

  render() {
    const t = this.host.localize.t;
    return html`<form part="composer" @submit=${(event: Event) => {
      event.preventDefault();
      void this.send();
    }}>
      ${
        this.uploads.length
          ? html`<ul part="uploads" aria-label=${t.attachments}>
            ${this.uploads.map(
              (upload) => html`<li part="upload">
              <span>${upload.name}</span>
              ${upload.attachment ? nothing : html`<progress max="1" .value=${upload.progress} aria-label=${t.uploading(upload.name)}></progress>`}
              <button type="button" class="icon-button" aria-label=${t.removeFile(upload.name)} @click=${() => this.remove(upload.id)}>
                ${icon('close')}
              </button>
            </li>`,
            )}
          </ul>`
          : nothing
      }
      ${this.errors.map((error) => html`<p class="error" role="alert">${error}</p>`)}
      ${renderLengthCount(this.length, t.messageLength)}
      <div class="composer-row">
        <button type="button" part="attach-button" class="icon-button" aria-label=${t.attach} title=${t.attach}
          @click=${() => this.host.query<HTMLInputElement>('#webchat-file')?.click()}>${icon('attach')}</button>
        <input id="webchat-file" type="file" multiple hidden @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          if (input.files) this.addFiles(input.files);
          input.value = '';
        }} />
        <label class="visually-hidden" for="webchat-input">${t.composer}</label>
        <textarea id="webchat-input" part="input" rows="1" dir="auto" placeholder=${t.placeholder}
          aria-invalid=${overLimit(this.length) ? 'true' : 'false'}
          @input=${(event: Event) => this.#onInput((event.target as HTMLTextAreaElement).value)}
          @keydown=${(event: KeyboardEvent) => {
            if (!isSendKey(event)) return;
            event.preventDefault();
            void this.send();
          }}
          @paste=${(event: ClipboardEvent) => {
            const files = event.clipboardData?.files;
            if (!files?.length) return;
            event.preventDefault();
            this.addFiles(files);
          }}></textarea>
        <button part="send-button" class="primary icon-button" type="submit" aria-label=${t.send} title=${t.send}>${icon('send')}</button>
      </div>
    </form>`;
  }
}
