import { html, type ReactiveControllerHost } from 'lit';
import paperclip from 'lucide/dist/esm/icons/paperclip.mjs';
import type { ConectaClientApi } from '../../client/api.js';
import { ComposerController } from '../../controllers/composer.js';
import { renderComposerUploads } from '../composer-uploads.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { icon } from '../../icons/icon.js';
import { ConectaError, MAX_UPLOAD_BYTES } from '../../protocol/index.js';
import { lengthOf, overLimit, renderLengthCount } from '../message-length.js';
import { formatFileSize, isSendKey } from '../transcript.js';

export interface ChatComposerHost extends Pick<ReactiveControllerHost, 'addController' | 'requestUpdate'> {
  readonly client: ConectaClientApi | undefined;
  readonly localize: LocalizeController;
  query<T extends Element>(selector: string): T | null;
  errorMessage(error: unknown): string;
  /** The colleague written to. */
  readonly withAgentId: string;
}

/**
 * The internal chat's composer: Enter sends, Shift+Enter breaks the line; files come by button, drop
 * or paste — a pasted screenshot is uploaded at once, named after the time it was taken.
 */
export class ChatComposer extends ComposerController {
  constructor(protected override readonly host: ChatComposerHost) {
    const tooLarge = (file: File) =>
      host.localize.t.internalChat.tooLarge(file.name, formatFileSize(host.localize.locale, MAX_UPLOAD_BYTES));
    super(host, {
      tooLarge,
      uploadFailed: (file, error) =>
        error instanceof ConectaError && error.code === 'PAYLOAD_TOO_LARGE'
          ? tooLarge(file)
          : host.localize.t.internalChat.uploadFailed(file.name),
    });
  }

  get #textarea(): HTMLTextAreaElement | null {
    return this.host.query<HTMLTextAreaElement>('#chat-input');
  }

  /** Send the draft (text and uploaded files); false when there is nothing to send or a file is still uploading. */
  send(): boolean {
    const textarea = this.#textarea;
    const client = this.host.client;
    if (!textarea || !client || this.uploading || overLimit(this.length)) return false;
    const text = textarea.value.trim();
    const attachments = this.attachments;
    if (!text && attachments.length === 0) return false;
    client.chat.send(this.host.withAgentId, text, attachments);
    textarea.value = '';
    this.uploads = [];
    this.errors = [];
    this.length = 0;
    this.host.requestUpdate();
    return true;
  }

  #onPaste(event: ClipboardEvent): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.length) return;
    event.preventDefault();
    this.addFiles(files.map((file) => (file.type.startsWith('image/') ? this.#screenshot(file) : file)));
  }

  /** A pasted image is named by the browser "image.png": give it a name that says what and when. */
  #screenshot(file: File): File {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const extension = file.type.split('/')[1] ?? 'png';
    return new File([file], `${this.host.localize.t.internalChat.pastedImage}-${stamp}.${extension}`, { type: file.type });
  }

  /** The form, addressed to `name`. */
  render(name: string, disabled: boolean) {
    const t = this.host.localize.t;
    return html`<form part="composer" @submit=${(event: Event) => {
      event.preventDefault();
      this.send();
    }} @dragover=${(event: DragEvent) => event.preventDefault()} @drop=${(event: DragEvent) => {
      event.preventDefault();
      this.addFiles([...(event.dataTransfer?.files ?? [])]);
    }}>
      ${renderComposerUploads(this, t.sessionTools, this.host.localize.locale)} ${renderLengthCount(this.length, t.messageLength)}
      <label class="visually-hidden" for="chat-input">${t.internalChat.composerLabel(name)}</label>
      <div class="composer-row">
        <input id="chat-file-input" class="visually-hidden" type="file" multiple tabindex="-1" aria-hidden="true"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            this.addFiles([...(input.files ?? [])]);
            input.value = '';
          }} />
        <button type="button" part="attach-button" class="icon-button" ?disabled=${disabled} aria-label=${t.internalChat.attach}
          title=${t.internalChat.attach} @click=${() => this.host.query<HTMLInputElement>('#chat-file-input')?.click()}>${icon(paperclip)}</button>
        <textarea id="chat-input" part="input" rows="2" placeholder=${t.internalChat.composerPlaceholder} aria-describedby="chat-hint"
          aria-invalid=${overLimit(this.length) ? 'true' : 'false'} ?disabled=${disabled}
          @input=${(event: Event) => {
            this.length = lengthOf((event.target as HTMLTextAreaElement).value);
            this.host.requestUpdate();
          }}
          @keydown=${(event: KeyboardEvent) => {
            if (!isSendKey(event)) return;
            event.preventDefault();
            this.send();
          }}
          @paste=${(event: ClipboardEvent) => this.#onPaste(event)}></textarea>
        <button part="send-button" class="primary" type="submit" ?disabled=${disabled}>${t.internalChat.send}</button>
      </div>
      <p id="chat-hint" class="muted">${t.internalChat.composerHint}</p>
    </form>`;
  }
}
