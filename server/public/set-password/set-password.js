// The page an invite or reset e-mail links to: `/set-password/#token=…`. The token travels in the
// fragment, which the browser never sends to a server (nor in a Referer); it goes only in the body of
// `POST /api/auth/password`.
import { MIN_LENGTH, TEXTS, pageLanguage } from './set-password-texts.js';

/** `fields.token` of a refused link (server/src/domain/passwords.ts, PASSWORD_LINK_REFUSALS). */
const LINK_REFUSALS = { 'has expired': 'expired', 'was already used': 'used', 'is not valid': 'invalid' };

const language = pageLanguage();
const t = TEXTS[language];
document.documentElement.lang = language;
document.title = t.pageTitle;
for (const element of document.querySelectorAll('[data-text]')) element.textContent = t[element.dataset.text];

const form = document.getElementById('password-form');
const password = document.getElementById('password');
const confirmation = document.getElementById('confirmation');
const showPassword = document.getElementById('show-password');
const formError = document.getElementById('form-error');
const linkError = document.getElementById('link-error');
const saveButton = form.querySelector('button[type="submit"]');

const token = new URLSearchParams(location.hash.slice(1)).get('token');

/** A problem with the link itself: no password typed here can help, so the form goes away. */
function showLinkError(text) {
  form.hidden = true;
  linkError.textContent = text;
  linkError.hidden = false;
}

/** A problem with what was typed: said next to the form, focus on the field to fix. */
function showFormError(text, field) {
  formError.textContent = text;
  for (const input of [password, confirmation]) input.setAttribute('aria-invalid', String(input === field));
  field?.focus();
}

function clearFormError() {
  formError.textContent = '';
  password.removeAttribute('aria-invalid');
  confirmation.removeAttribute('aria-invalid');
}

showPassword.addEventListener('change', () => {
  for (const input of [password, confirmation]) input.type = showPassword.checked ? 'text' : 'password';
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormError();
  // Characters, as the server counts them: an emoji is one.
  if ([...password.value].length < MIN_LENGTH) return showFormError(t.tooShort, password);
  if (password.value !== confirmation.value) return showFormError(t.mismatch, confirmation);

  saveButton.disabled = true;
  saveButton.textContent = t.saving;
  try {
    const response = await fetch('/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: password.value }),
    });
    if (response.ok) {
      // The used token has no business in the address bar or the history any more.
      history.replaceState(null, '', location.pathname);
      form.hidden = true;
      document.getElementById('done').hidden = false;
      // The demo serves its agent desk at /agent/; a production server has none (the desk lives in the company's CRM).
      const desk = await fetch('/agent/', { method: 'HEAD' }).catch(() => undefined);
      const deskLink = document.getElementById('desk-link');
      deskLink.parentElement.hidden = !desk?.ok;
      (desk?.ok ? deskLink : document.getElementById('done').querySelector('[role=status]')).focus();
      return;
    }
    const { error } = await response.json().catch(() => ({ error: undefined }));
    const refusal = LINK_REFUSALS[error?.fields?.token];
    if (refusal) return showLinkError(t[refusal]);
    if (error?.fields?.password) return showFormError(/at most/.test(error.fields.password) ? t.tooLong : t.tooShort, password);
    if (error?.code === 'RATE_LIMITED') return showFormError(t.rateLimited(Math.ceil((error.retryAfterMs ?? 1000) / 1000)));
    showFormError(t.failed);
  } catch {
    showFormError(t.offline);
  } finally {
    saveButton.disabled = false;
    saveButton.textContent = t.save;
  }
});

if (token) form.hidden = false;
else showLinkError(t.missingLink);
