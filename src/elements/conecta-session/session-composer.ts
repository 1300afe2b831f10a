import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import paperclip from 'lucide/dist/esm/icons/paperclip.mjs';
import { icon } from '../../icons/icon.js';
import { ConectaError, MAX_UPLOAD_BYTES, type CannedResponse } from '../../protocol/index.js';
import { lengthOf, overLimit, renderLengthCount, tooLongText } from '../message-length.js';
import { formatFileSize, isSendKey } from '../transcript.js';
import { ComposerController } from '../../controllers/composer.js';
import { renderComposerUploads } from '../composer-uploads.js';
import type { SessionHost } from './session-host.js';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The composer: multi-line text (Enter sends, Shift+Enter breaks the line), files attached by
 * button, paste or drop (each with progress and cancel), canned responses picked by typing `/`,
 * and the typing indicator sent to the contact (throttled).
 */
export class SessionComposer extends ComposerController {
  /** The open canned-response list: what follows `/`, and the highlighted option. */
  canned: { query: string; active: number } | null = null;

  constructor(protected override readonly host: SessionHost) {
    const tooLarge = (file: File) =>
      host.localize.t.sessionTools.tooLarge(file.name, formatFileSize(host.localize.locale, MAX_UPLOAD_BYTES));
    super(host, {
      tooLarge,
      uploadFailed: (file, error) => {
        const t = host.localize.t.sessionTools;
        const code = error instanceof ConectaError ? error.code : undefined;
        return code === 'PAYLOAD_TOO_LARGE'
          ? tooLarge(file)
          : code === 'UNSUPPORTED_TYPE'
            ? t.unsupported(file.name)
            : t.uploadFailed(file.name, host.errorMessage(error));
      },
    });
  }

  /** Another session was opened: start clean (uploads of the previous one are abandoned). */
  override reset(): void {
    super.reset();
    this.canned = null;
  }

  get #textarea(): HTMLTextAreaElement | null {
    return this.host.query<HTMLTextAreaElement>('#composer-input');
  }

  /** Send the text and the uploaded files together. Returns whether something was sent. */
  send(): boolean {
    const textarea = this.#textarea;
    const client = this.host.client;
    if (!textarea || !client) return false;
    if (this.uploading) {
      this.errors = [this.host.localize.t.sessionTools.waitUploads];
      this.host.requestUpdate();
      return false;
    }
    if (overLimit(this.length)) {
      // Refused here, kept in the composer: the server would refuse it anyway.
      this.errors = [tooLongText(this.host.localize.t.messageLength)];
      this.host.requestUpdate();
      textarea.focus();
      return false;
    }
    const text = textarea.value.trim();
    const attachments = this.attachments;
    if (!text && attachments.length === 0) return false;
    client.sendMessage(this.host.sessionId, text, attachments);
    textarea.value = '';
    this.reset();
    this.host.requestUpdate();
    return true;
  }

  cannedOptions(): CannedResponse[] {
    const { catalog, session } = this.host.view;
    if (!this.canned || !catalog) return [];
    const query = fold(this.canned.query.trim());
    return catalog.cannedResponses.filter(
      (canned) =>
        (canned.teamId === null || canned.teamId === session?.teamId) &&
        (!query || fold(`${canned.shortcut} ${canned.title} ${canned.text}`).includes(query)),
    );
  }

  /** Insert a canned response's text (replacing `/…`) and attach its files. */
  pick(canned: CannedResponse): void {
    const textarea = this.#textarea;
    if (!textarea) return;
    textarea.value = canned.text;
    this.length = lengthOf(canned.text);
    const attached = new Set(this.uploads.map((upload) => upload.attachment?.id));
    const files = canned.attachments.filter((attachment) => !attached.has(attachment.id));
    this.uploads = [
      ...this.uploads,
      ...files.map((attachment) => ({
        id: crypto.randomUUID(),
        name: attachment.name,
        size: attachment.size,
        progress: 1,
        controller: null,
        attachment,
      })),
    ];
    this.canned = null;
    this.host.requestUpdate();
    textarea.focus();
  }

  #onInput(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.length = lengthOf(value);
    const match = /^\/([^\n]*)$/.exec(value);
    this.canned = match ? { query: match[1], active: 0 } : null;
    if (value.trim()) this.typed(this.host.sessionId);
    this.host.requestUpdate();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (this.canned) {
      const options = this.cannedOptions();
      const count = options.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (count) this.canned = { ...this.canned, active: (this.canned.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count };
        this.host.requestUpdate();
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.canned = null;
        this.host.requestUpdate();
        return;
      }
      if (isSendKey(event) && count) {
        event.preventDefault();
        this.pick(options[Math.min(this.canned.active, count - 1)]);
        return;
      }
    }
    if (!isSendKey(event)) return;
    event.preventDefault();
    this.send();
  }

  #onPaste(event: ClipboardEvent): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.length) return;
    event.preventDefault();
    this.addFiles(files);
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.addFiles([...(event.dataTransfer?.files ?? [])]);
  }

  #renderCanned() {
    if (!this.canned) return nothing;
    const t = this.host.localize.t.sessionTools;
    const options = this.cannedOptions();
    return html`<ul id="canned-list" role="listbox" part="canned-list" aria-label=${t.cannedLabel}>
      ${options.length === 0 ? html`<li role="option" aria-disabled="true" aria-selected="false" class="muted">${t.cannedEmpty}</li>` : nothing}
      ${repeat(
        options,
        (canned) => canned.id,
        (canned, index) => html`<li role="option" id="canned-${canned.id}" part="canned-option"
          aria-selected=${index === this.canned?.active ? 'true' : 'false'}
          @mousedown=${(event: Event) => event.preventDefault()} @click=${() => this.pick(canned)}>
          <strong>/${canned.shortcut}</strong> ${canned.title}
          <span class="muted">${canned.text}</span>
        </li>`,
      )}
    </ul>`;
  }

  /** The form; `reason` disables it (and is read as its description). */
  render(reason: string) {
    const t = this.host.localize.t;
    const disabled = Boolean(reason) || !this.host.client;
    const options = this.canned ? this.cannedOptions() : [];
    const active = this.canned && options.length ? options[Math.min(this.canned.active, options.length - 1)] : null;
    return html`<form part="composer" @submit=${(event: Event) => {
      event.preventDefault();
      this.send();
    }} @dragover=${(event: DragEvent) => event.preventDefault()} @drop=${(event: DragEvent) => this.#onDrop(event)}>
      ${this.#renderCanned()} ${renderComposerUploads(this, t.sessionTools, this.host.localize.locale)}
      ${renderLengthCount(this.length, t.messageLength)}
      <label class="visually-hidden" for="composer-input">${t.session.composerLabel}</label>
      <div class="composer-row">
        <input id="file-input" class="visually-hidden" type="file" multiple tabindex="-1" aria-hidden="true"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            this.addFiles([...(input.files ?? [])]);
            input.value = '';
          }} />
        <button type="button" part="attach-button" class="icon-button" title=${t.sessionTools.attach} ?disabled=${disabled}
          @click=${() => this.host.query<HTMLInputElement>('#file-input')?.click()}>
          ${icon(paperclip)}<span class="visually-hidden">${t.sessionTools.attach}</span></button>
        <textarea
          id="composer-input"
          part="input"
          rows="2"
          placeholder=${t.session.composerPlaceholder}
          aria-describedby="composer-hint"
          aria-invalid=${overLimit(this.length) ? 'true' : 'false'}
          aria-autocomplete="list"
          aria-controls=${this.canned ? 'canned-list' : nothing}
          aria-activedescendant=${active ? `canned-${active.id}` : nothing}
          ?disabled=${disabled}
          @input=${(event: Event) => this.#onInput(event)}
          @keydown=${(event: KeyboardEvent) => this.#onKeydown(event)}
          @paste=${(event: ClipboardEvent) => this.#onPaste(event)}
        ></textarea>
        <button part="send-button" class="primary" type="submit" ?disabled=${disabled}>${t.session.send}</button>
      </div>
      <p id="composer-hint" class="muted ${reason ? 'reason' : 'hint'}">${reason || t.session.composerHint}</p>
    </form>`;
  }
}
