import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ComposerController } from '../controllers/composer.js';
import { formatFileSize } from './transcript.js';

/** The words of the files of a draft. */
export interface UploadWords {
  attachments: string;
  uploadProgress: (name: string) => string;
  cancelUpload: (name: string) => string;
  removeAttachment: (name: string) => string;
}

/** The files of an agent's draft (each with its progress, cancel or remove) and why some were refused. */
export function renderComposerUploads(composer: ComposerController, words: UploadWords, locale: string) {
  if (!composer.uploads.length && !composer.errors.length) return nothing;
  return html`<div class="uploads">
    ${
      composer.uploads.length
        ? html`<ul part="uploads" aria-label=${words.attachments}>
          ${repeat(
            composer.uploads,
            (upload) => upload.id,
            (upload) => html`<li part="upload" data-done=${upload.attachment ? 'true' : 'false'}>
              <span>${upload.name} <span class="muted">(${formatFileSize(locale, upload.size)})</span></span>
              ${
                upload.attachment
                  ? nothing
                  : html`<progress max="1" .value=${upload.progress} aria-label=${words.uploadProgress(upload.name)}></progress>`
              }
              <button type="button" class="link" part="remove-upload" @click=${() => composer.remove(upload.id)}>
                ${upload.attachment ? words.removeAttachment(upload.name) : words.cancelUpload(upload.name)}
              </button>
            </li>`,
          )}
        </ul>`
        : nothing
    }
    ${composer.errors.map((error) => html`<p class="error" part="upload-error" role="alert">${error}</p>`)}
  </div>`;
}
