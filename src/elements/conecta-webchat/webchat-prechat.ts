import { html, nothing } from 'lit';
import type { WebchatStart } from '../../client/api.js';
import type { WebchatTranslation } from '../../i18n/webchat/pt-BR.js';
import { E164_PATTERN, EMAIL_PATTERN, pickChannelText, type ChannelText, type PrechatRule } from '../../protocol/index.js';
import type { WebchatHost } from './webchat-host.js';

export type VisitorField = 'name' | 'email' | 'phone';
/** Error messages by field (`text` is the offline form's message). */
export type FieldErrors = Partial<Record<VisitorField | 'text', string>>;

const FIELDS: readonly VisitorField[] = ['name', 'email', 'phone'];

/** A phone as typed (`+55 (11) 98765-4321`) in E.164 (`+5511987654321`). */
export const normalizePhone = (value: string): string => value.replace(/[\s().-]/g, '');

/** Check the visitor's fields against the channel's rules and the protocol's contact rules; messages by field. */
export function checkFields(
  values: Partial<Record<VisitorField, string>>,
  rules: Record<VisitorField, PrechatRule>,
  t: WebchatTranslation,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FIELDS) {
    const value = values[field] ?? '';
    if (rules[field] === 'hidden') continue;
    if (!value) {
      if (rules[field] === 'required') errors[field] = t.required;
    } else if (field === 'email' && !EMAIL_PATTERN.test(value)) errors.email = t.emailInvalid;
    else if (field === 'phone' && !E164_PATTERN.test(value)) errors.phone = t.phoneInvalid;
  }
  return errors;
}

/**
 * The stages before a conversation: the pre-chat form (the channel's fields and greeting), the
 * numbered menu that routes to a team, and the offline form whose message starts a waiting
 * conversation. Keeps what the visitor typed across them.
 */
export class WebchatPrechat {
  values: Partial<Record<VisitorField, string>> = {};
  errors: FieldErrors = {};
  formError = '';
  /** The menu's number field holds no option's number. */
  numberError = '';
  busy = false;
  /** The pre-chat form was filled in: the offline form then only asks for the message. */
  collected = false;
  teamId = '';

  constructor(private readonly host: WebchatHost) {
    host.addController(this);
  }

  /**
   * Fill in what is known of the visitor: a returning contact (only where the visitor typed nothing)
   * or the site's logged-in user (`replace`: the site knows better).
   */
  prefill(known: Partial<Record<VisitorField, string | null | undefined>>, replace = false): void {
    for (const field of FIELDS) if (known[field] && (replace || !this.values[field])) this.values[field] = known[field]!;
  }

  reset(): void {
    this.errors = {};
    this.formError = this.numberError = '';
    this.collected = false;
    this.teamId = '';
  }

  /** A text of the channel in the widget's language, else `fallback` (the widget's own). */
  channelText(text: ChannelText | null | undefined, fallback: string): string {
    return pickChannelText(text, this.host.localize.language, this.host.config?.defaultLanguage) ?? fallback;
  }

  get greeting(): string {
    return this.channelText(this.host.config?.appearance.greeting, this.host.localize.t.greeting);
  }

  /** Whether a team (by default, the one a conversation goes to without the menu) is within its hours now. */
  isOpen(teamId = this.#defaultTeam()): boolean {
    const config = this.host.config;
    return !!config?.online && config.teams.find((team) => team.id === teamId)?.online !== false;
  }

  /** Route to a team: start its conversation, or the offline form when it is out of hours. */
  async route(teamId = this.#defaultTeam()): Promise<void> {
    this.teamId = teamId;
    if (!this.isOpen(teamId)) {
      this.host.goTo('offline');
      return;
    }
    await this.#start({ teamId });
  }

  #defaultTeam(): string {
    const config = this.host.config;
    return config?.menu.options[0]?.teamId ?? config?.teams[0]?.id ?? '';
  }

  /** What starting without a form sends: the fields known, the team, the first message. */
  payload(text: string): WebchatStart {
    return { ...this.#payload, teamId: this.teamId || this.#defaultTeam(), text };
  }

  /** The visitor's fields the channel asks for, for `startWebchat`. */
  get #payload(): Omit<WebchatStart, 'teamId'> {
    const rules = this.host.config?.prechat;
    const payload: Omit<WebchatStart, 'teamId'> = {};
    for (const field of FIELDS) if (rules && rules[field] !== 'hidden') payload[field] = this.values[field] || null;
    return payload;
  }

  // Buttons stay enabled while busy (aria-disabled, guarded here): disabling the focused one would
  // drop the focus to the page before the next stage could take it.
  async #start(input: Pick<WebchatStart, 'teamId' | 'text'>, offline = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.formError = '';
    this.host.requestUpdate();
    try {
      await this.host.start({ ...this.#payload, ...input }, offline);
    } catch (error) {
      this.showServerErrors(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** The server refused: field errors go to their inputs (back on the form that has them), the rest above the button. */
  showServerErrors(error: unknown): void {
    const t = this.host.localize.t;
    const fields = (error as { fields?: Record<string, string> } | null)?.fields ?? {};
    const errors: FieldErrors = {};
    // The server's words are English and technical: ours, in the visitor's language, say the same.
    for (const field of [...FIELDS, 'text'] as const)
      if (fields[field]) errors[field] = /required/.test(fields[field]) ? t.required : t.invalid;
    this.errors = errors;
    this.formError = this.host.errorMessage(error);
    const onVisitorField = FIELDS.some((field) => errors[field]);
    if (onVisitorField && this.host.stage !== 'offline') {
      this.collected = false;
      this.host.goTo('prechat');
    }
    void this.#focusError();
  }

  #focusError(): Promise<void> {
    return this.host.rerender('[aria-invalid=true]');
  }

  /** Read and check the form's fields; `false` (with the errors shown) when something is wrong. */
  #read(form: HTMLFormElement, withMessage: boolean): string | false {
    const data = new FormData(form);
    for (const field of FIELDS) {
      const value = data.get(field);
      if (typeof value === 'string') this.values[field] = field === 'phone' ? normalizePhone(value.trim()) : value.trim();
    }
    const text = String(data.get('text') ?? '').trim();
    const t = this.host.localize.t;
    const rules = this.host.config?.prechat;
    const errors = this.collected || !rules ? {} : checkFields(this.values, rules, t);
    if (withMessage && !text) errors.text = t.required;
    this.errors = errors;
    this.formError = '';
    if (Object.keys(errors).length === 0) return text;
    void this.#focusError();
    return false;
  }

  async #submitPrechat(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || this.#read(event.target as HTMLFormElement, false) === false) return;
    this.collected = true;
    if ((this.host.config?.menu.options.length ?? 0) > 1) this.host.goTo('menu');
    else await this.route();
  }

  async #submitOffline(event: Event): Promise<void> {
    event.preventDefault();
    const text = this.busy ? false : this.#read(event.target as HTMLFormElement, true);
    if (text === false) return;
    await this.#start({ teamId: this.teamId || this.#defaultTeam(), text }, true);
  }

  /** Choose the menu's option by its number (from 1). */
  choose(number: number): void {
    const options = this.host.config?.menu.options ?? [];
    const option = options[number - 1];
    this.numberError = option ? '' : this.host.localize.t.menuOutOfRange(options.length);
    if (option) void this.route(option.teamId);
    else void this.#focusError();
  }

  #field(field: VisitorField) {
    const rule = this.host.config?.prechat[field] ?? 'hidden';
    if (rule === 'hidden') return nothing;
    const t = this.host.localize.t;
    const id = `webchat-${field}`;
    const error = this.errors[field];
    const describedBy = [error ? `${id}-error` : '', field === 'phone' ? `${id}-hint` : ''].join(' ').trim();
    return html`<div class="field">
      <label for=${id}>${rule === 'optional' ? t.optional(t[field]) : t[field]}</label>
      <input id=${id} name=${field} part="input" type=${field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
        autocomplete=${field === 'phone' ? 'tel' : field} .value=${this.values[field] ?? ''} ?required=${rule === 'required'}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
      ${field === 'phone' ? html`<p class="muted" id="${id}-hint">${t.phoneHint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  #formError() {
    return this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing;
  }

  renderPrechat() {
    const t = this.host.localize.t;
    return html`<form class="stage" part="prechat" novalidate @submit=${(event: Event) => this.#submitPrechat(event)}>
      <p part="greeting">${this.greeting}</p>
      <p class="muted">${t.prechatIntro}</p>
      ${FIELDS.map((field) => this.#field(field))} ${this.#formError()}
      <button part="start-button" class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.starting : t.start}</button>
    </form>`;
  }

  renderMenu() {
    const t = this.host.localize.t;
    const options = this.host.config?.menu.options ?? [];
    const error = this.numberError;
    return html`<div class="stage" part="menu">
      <p id="webchat-menu-prompt">${this.channelText(this.host.config?.menu.prompt, t.menuPrompt)}</p>
      <ol aria-labelledby="webchat-menu-prompt" @keydown=${(event: KeyboardEvent) => {
        // Typing an option's number picks it, as in a phone menu.
        if (/^[1-9]$/.test(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          this.choose(Number(event.key));
        }
      }}>
        ${options.map(
          (option, index) => html`<li>
          <button part="menu-option" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.choose(index + 1)}>
            ${index + 1}. ${this.channelText(option.label, this.host.config!.teams.find((team) => team.id === option.teamId)?.name ?? '')}
          </button>
        </li>`,
        )}
      </ol>
      <form class="row" novalidate @submit=${(event: Event) => {
        event.preventDefault();
        const input = (event.target as HTMLFormElement).elements.namedItem('number') as HTMLInputElement;
        this.choose(Number(input.value.trim()));
      }}>
        <div class="field">
          <label for="webchat-menu-number">${t.menuNumber}</label>
          <input id="webchat-menu-number" name="number" part="input" inputmode="numeric" autocomplete="off"
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'webchat-menu-error' : nothing} />
        </div>
        <button type="submit" class="primary">${t.menuChoose}</button>
      </form>
      ${error ? html`<p class="field-error" id="webchat-menu-error">${error}</p>` : nothing} ${this.#formError()}
    </div>`;
  }

  renderOffline() {
    const t = this.host.localize.t;
    const error = this.errors.text;
    return html`<form class="stage" part="offline-form" novalidate @submit=${(event: Event) => this.#submitOffline(event)}>
      <h3>${t.offlineTitle}</h3>
      <p class="muted">${t.offlineIntro}</p>
      ${this.collected ? nothing : FIELDS.map((field) => this.#field(field))}
      <div class="field">
        <label for="webchat-text">${t.message}</label>
        <textarea id="webchat-text" name="text" part="input" rows="4" required aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'webchat-text-error' : nothing}></textarea>
        ${error ? html`<p class="field-error" id="webchat-text-error">${error}</p>` : nothing}
      </div>
      ${this.#formError()}
      <button part="start-button" class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.starting : t.sendOffline}</button>
    </form>`;
  }
}
