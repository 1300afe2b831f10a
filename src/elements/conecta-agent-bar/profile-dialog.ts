import { html, nothing } from 'lit';
import type { ProfileChanges } from '../../client/api.js';
import type { AgentBarTranslation } from '../../i18n/agent-bar/pt-BR.js';
import type { Language } from '../../i18n/language.js';
import type { Agent } from '../../protocol/entities.js';
import type { ProfileDialogState } from './profile-dialog-state.js';

const LANGUAGES: readonly Language[] = ['pt-BR', 'en', 'es'];

export interface ProfileDialogInput {
  t: AgentBarTranslation['profile'];
  languageNames: Record<Language, string>;
  me: Agent;
  state: ProfileDialogState;
  photo: (url: string | null) => unknown;
  save: (changes: ProfileChanges) => void;
  upload: (file: File) => void;
  changePassword: (current: string, next: string, confirmation: string) => void;
  close: () => void;
}

const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;

/** The agent's own profile (photo, nickname, extension, language) and password, in a modal dialog. */
export function renderProfileDialog(input: ProfileDialogInput) {
  const { t, me, state } = input;
  return html`<dialog part="profile-dialog" aria-labelledby="profile-title" @close=${input.close}>
    <header>
      <h2 id="profile-title">${t.title}</h2>
      <button type="button" class="close" @click=${input.close}>${t.close}</button>
    </header>
    <form
      class="profile-form"
      aria-labelledby="profile-title"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        const text = (name: string) => field(form, name).trim() || null;
        input.save({ nickname: text('nickname'), extension: text('extension'), language: text('language') });
      }}
    >
      <div class="photo-row">
        ${input.photo(me.photoUrl)}
        <label
          >${t.photo}
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp"
            ?disabled=${state.uploading}
            @change=${(event: Event) => {
              const file = (event.target as HTMLInputElement).files?.[0];
              if (file) input.upload(file);
            }}
          />
        </label>
        ${
          me.photoUrl
            ? html`<button type="button" class="link" ?disabled=${state.uploading} @click=${() => input.save({ photoFileId: null })}>
              ${t.removePhoto}
            </button>`
            : nothing
        }
        <span role="status" class="muted">${state.uploading ? t.photoUploading : ''}</span>
      </div>
      <label>${t.nickname} <input name="nickname" maxlength="60" .value=${me.nickname ?? ''} /></label>
      <label>${t.extension} <input name="extension" maxlength="20" .value=${me.extension ?? ''} /></label>
      <label
        >${t.language}
        <select name="language">
          <option value="" ?selected=${!me.language}>${t.pageLanguage}</option>
          ${LANGUAGES.map(
            (language) =>
              html`<option value=${language} lang=${language} ?selected=${me.language === language}>${input.languageNames[language]}</option>`,
          )}
        </select>
      </label>
      <p class="form-error" role="alert">${state.profileError}</p>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${state.saving}>${t.save}</button>
        <span role="status" class="saved">${state.saved ? t.saved : ''}</span>
      </div>
    </form>
    <form
      class="password-form"
      aria-labelledby="password-title"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        input.changePassword(field(form, 'current'), field(form, 'next'), field(form, 'confirmation'));
      }}
    >
      <h3 id="password-title">${t.passwordTitle}</h3>
      <input type="text" name="username" autocomplete="username" .value=${me.email} hidden />
      <label>${t.currentPassword} <input name="current" type="password" autocomplete="current-password" required /></label>
      <label>${t.newPassword} <input name="next" type="password" autocomplete="new-password" required /></label>
      <label>${t.confirmPassword} <input name="confirmation" type="password" autocomplete="new-password" required /></label>
      <p class="form-error" role="alert">${state.passwordError}</p>
      <div class="actions">
        <button type="submit" ?disabled=${state.changingPassword}>${t.changePassword}</button>
        <span role="status" class="saved">${state.passwordChanged ? t.passwordChanged : ''}</span>
      </div>
    </form>
  </dialog>`;
}
