import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConectaClient } from '../../client/client.js';
import { loginErrorText, errorText } from '../../i18n/error-text.js';
import type { Language } from '../../i18n/language.js';
import type { ErrorCode } from '../../protocol/errors.js';
import type { AgentSignOn } from '../../protocol/http.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { loginStyles } from './conecta-login.styles.js';
import { LanguageChangedEvent, LoginEvent } from './events.js';

/** How the form reaches the server: `ConectaClient`'s static calls (tests and stories pass their own). */
export interface LoginService {
  login(server: string, email: string, password: string): Promise<AgentSignOn>;
  requestPasswordReset(server: string, email: string): Promise<unknown>;
}

const LANGUAGES: readonly Language[] = ['pt-BR', 'en', 'es'];

interface Failure {
  code?: ErrorCode;
  retryAfterMs?: number;
}

/**
 * @summary An agent's sign-in: e-mail and password, "forgot my password" (a reset link by e-mail), the
 * lock after too many wrong passwords explained with the time to wait, and the language of the form.
 * Needs no client: it is what gets one.
 *
 * @slot reset-sent - Shown under the "link on its way" message (e.g. where a test mailbox is).
 *
 * @event conecta-login - Signed in. `detail: {token, expiresAt, agent}`.
 * @event conecta-language-changed - The language was chosen in the form (the element's `lang` is set). `detail: {language}`.
 *
 * @csspart base - The whole element.
 * @csspart form - The sign-in form and the forgot-password form.
 * @csspart input - Each text input.
 * @csspart submit-button - Each form's submit button.
 * @csspart error - The error of the last attempt.
 * @csspart sent - The "link on its way" message.
 * @csspart language - The language choice.
 *
 * @cssstate locked - Too many wrong passwords: signing in waits.
 */
export class ConectaLogin extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, loginStyles];

  /** The address filled in at first. */
  @property() email = '';

  /** How the form reaches the server; default `ConectaClient.login` and `ConectaClient.requestPasswordReset`. */
  @property({ attribute: false }) service: LoginService = ConectaClient;

  @state() private view: 'login' | 'forgot' = 'login';
  @state() private busy = false;
  @state() private failure: Failure | null = null;
  @state() private resetSent = false;

  #focusAfterRender: string | null = null;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setState('locked', this.failure?.code === 'RATE_LIMITED');
    if (this.#focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
      this.#focusAfterRender = null;
    }
  }

  #server(): string {
    return this.server || location.origin;
  }

  #field(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value ?? '';
  }

  async #signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.failure = null;
    this.busy = true;
    try {
      const signOn = await this.service.login(this.#server(), this.#field('email'), this.#field('password'));
      this.dispatchEvent(new LoginEvent(signOn));
    } catch (error) {
      this.failure = (error as Failure | null) ?? {};
    } finally {
      this.busy = false;
    }
  }

  async #requestReset(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.failure = null;
    this.resetSent = false;
    this.busy = true;
    try {
      await this.service.requestPasswordReset(this.#server(), this.#field('reset-email'));
      this.resetSent = true;
    } catch (error) {
      this.failure = (error as Failure | null) ?? {};
    } finally {
      this.busy = false;
    }
  }

  #show(view: 'login' | 'forgot'): void {
    this.email = this.#field(view === 'forgot' ? 'email' : 'reset-email') || this.email;
    this.view = view;
    this.failure = null;
    this.resetSent = false;
    this.#focusAfterRender = view === 'forgot' ? 'input[name=reset-email]' : '.forgot-open';
  }

  #chooseLanguage(event: Event): void {
    const language = (event.target as HTMLSelectElement).value as Language;
    this.email = this.#field(this.view === 'forgot' ? 'reset-email' : 'email') || this.email;
    this.lang = language;
    this.dispatchEvent(new LanguageChangedEvent({ language }));
  }

  override render() {
    return html`<section part="base">
      ${this.view === 'login' ? this.#renderLogin() : this.#renderForgot()}
      <label part="language"
        >${this.localize.t.login.language}
        <select @change=${this.#chooseLanguage}>
          ${LANGUAGES.map(
            (language) =>
              html`<option value=${language} lang=${language} ?selected=${language === this.localize.language}>
                ${this.localize.t.login.languageNames[language]}
              </option>`,
          )}
        </select>
      </label>
    </section>`;
  }

  #renderLogin() {
    const t = this.localize.t.login;
    const error = this.failure ? loginErrorText(this.failure, this.localize.tag) : '';
    const locked = this.failure?.code === 'RATE_LIMITED';
    return html`<form part="form" aria-labelledby="login-title" @submit=${this.#signIn}>
      <h1 id="login-title">${t.title}</h1>
      <label
        >${t.email}
        <input part="input" name="email" type="email" autocomplete="username" required .value=${this.email} />
      </label>
      <label
        >${t.password}
        <input part="input" name="password" type="password" autocomplete="current-password" required />
      </label>
      <div role="alert">
        <p part="error">${error}</p>
        <p class="locked">${locked ? t.lockedExplained : ''}</p>
      </div>
      <button part="submit-button" class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.busy ? t.signingIn : t.submit}
      </button>
      <button type="button" class="link forgot-open" @click=${() => this.#show('forgot')}>${t.forgotOpen}</button>
    </form>`;
  }

  #renderForgot() {
    const t = this.localize.t.login;
    return html`<form part="form" aria-labelledby="forgot-title" @submit=${this.#requestReset}>
      <h1 id="forgot-title">${t.forgotTitle}</h1>
      <p>${t.forgotIntro}</p>
      <label
        >${t.email}
        <input part="input" name="reset-email" type="email" autocomplete="username" required .value=${this.email} />
      </label>
      <p part="error" role="alert">${this.failure ? errorText(this.failure, this.localize.tag) : ''}</p>
      <div role="status">
        ${
          this.resetSent
            ? html`<div part="sent">
              <p>${t.forgotSent}</p>
              <slot name="reset-sent"></slot>
            </div>`
            : nothing
        }
      </div>
      <button part="submit-button" class="primary" type="submit" ?disabled=${this.busy}>${t.forgotSubmit}</button>
      <button type="button" class="link" @click=${() => this.#show('login')}>${t.forgotBack}</button>
    </form>`;
  }
}

define('conecta-login', ConectaLogin);

export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'conecta-login': ConectaLogin;
  }
}
