import { html, nothing, type PropertyValues } from 'lit';
import type { VisitorClientApi } from '../../client/api.js';
import { ClientCore } from '../../client/client-core.js';
import { AttentionController } from '../../controllers/attention.js';
import { unlockAudio } from '../../controllers/beep.js';
import { PageAnnouncer } from '../../controllers/page-announcer.js';
import { VisualViewportController } from '../../controllers/visual-viewport.js';
import { Localizer } from '../../i18n/localizer.js';
import type { WebchatTranslation } from '../../i18n/webchat/index.js';
import { webchatTableSources } from '../../i18n/webchat/lazy.js';
import type { ClientMessage, WebchatUser } from '../../protocol/index.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaElement } from '../conecta-element.js';
import { read, site, tab, write } from '../../dom/browser-storage.js';
import { define } from '../../dom/define.js';
import { systemText } from '../transcript.js';
import { transcriptStyles } from '../transcript.styles.js';
import { webchatStyles } from './conecta-webchat.styles.js';
import { WebchatCloseEvent, WebchatMessageEvent, WebchatOpenEvent, WebchatReadyEvent, WebchatUnreadEvent } from './events.js';
import { icon } from './icons.js';
import { memoryKey } from './webchat-memory.js';
import { WebchatStages } from './webchat-stages.js';

/**
 * @summary The WebChat channel on a website: a launcher (with the unread count) that opens a chat
 * panel — the channel's pre-chat form and greeting, its numbered menu, or the offline form out of
 * hours — then the conversation: queue position and estimated wait, the agent's name and avatar,
 * typing both ways, read receipts, attachments; the visitor ends it, rates it 1–5 and downloads the
 * transcript. The same conversation and unread count in every tab, across reloads.
 *
 * @event conecta-webchat-ready - First rendered with a client: the API is ready.
 * @event conecta-webchat-open - The panel opened.
 * @event conecta-webchat-close - The panel closed.
 * @event conecta-webchat-message - A new message in the conversation, from anyone. `detail: {message}`.
 * @event conecta-webchat-unread - The number of agents' messages the visitor has not read changed. `detail: {count}`.
 *
 * @csspart launcher - The round button that opens and closes the panel.
 * @csspart badge - The unread count on the launcher.
 * @csspart panel - The chat panel (`role="dialog"`).
 * @csspart header - The panel's title bar: title or agent, and its buttons.
 * @csspart avatar - The agent's initials.
 * @csspart mute-button - Mutes the sound of new messages (`aria-pressed`).
 * @csspart end-button - Asks to end the conversation.
 * @csspart close-button - Minimizes the panel.
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart prechat - The pre-chat form; `greeting` is its first paragraph.
 * @csspart menu - The channel's menu; each option is a `menu-option`.
 * @csspart offline-form - The form shown out of hours.
 * @csspart input - Each text field and textarea.
 * @csspart start-button - Submits the pre-chat or the offline form.
 * @csspart queue-status - The place in the queue and the estimated wait.
 * @csspart typing - "… is typing".
 * @csspart transcript - The scrolling list of messages (`role="log"`).
 * @csspart day-separator - The date before each day's first message.
 * @csspart message - A message; also `own`, `other` or `system`.
 * @csspart message-status - Sent / delivered / read, on the visitor's own messages.
 * @csspart retry-button - Sends a failed message again (only where a retry can succeed); `failure-reason` says why it failed.
 * @csspart attachment - A file in a message; `image`, `audio`, `video` for media.
 * @csspart link - A link found in a message.
 * @csspart composer - The form to write a message; `character-count` counts its length near the limit.
 * @csspart attach-button - Opens the file picker.
 * @csspart uploads - Files being uploaded; each is an `upload`.
 * @csspart send-button - The Send button.
 * @csspart confirm - The confirmation before ending; `end-confirm-button`, `end-cancel-button`.
 * @csspart rating - The rating form; `stars` holds each `star` (`on` when chosen), then `rate-button`, `skip-button`.
 * @csspart thanks - The thank-you after the end.
 * @csspart download-button - Downloads the transcript as a text file.
 * @csspart new-conversation-button - Starts a new conversation.
 *
 * @cssproperty --conecta-color-brand - Accent colour; without it, the channel's configured colour.
 * @cssproperty --conecta-color-surface - Panel background (and the other `--conecta-color-*` tokens); defaults follow the theme.
 * @cssproperty --conecta-webchat-width - Panel width (default `23rem`; full screen on phones).
 * @cssproperty --conecta-webchat-height - Panel height (default `34rem`).
 * @cssproperty --conecta-webchat-offset - Distance from the window's corner (default `1rem`, plus the safe area).
 * @cssproperty --conecta-webchat-z-index - Stacking order (default very high).
 * @cssproperty --conecta-message-background - Background of the agents' messages.
 * @cssproperty --conecta-message-own-background - Background of the visitor's own messages.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 */
export class ConectaWebchat extends ConectaElement<WebchatTranslation, VisitorClientApi> {
  static override styles = [hostStyles, transcriptStyles, webchatStyles];

  // A static declaration, not decorators: their code would weigh on the widget's budget (see ConectaElement).
  static override properties = {
    channel: { reflect: true },
    open: { type: Boolean, reflect: true },
    theme: { reflect: true },
    position: { reflect: true },
    muted: { type: Boolean, reflect: true },
  };

  /** The webchat channel's key (set up on the server). */
  channel = '';

  /** Whether the panel is open. Reflected, and remembered for the browser tab across reloads. */
  open = false;

  /** `auto` follows the operating system's light or dark mode. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /**
   * The corner of the window; unset, the channel's (else `right`). Mirrored in right-to-left pages,
   * as the whole layout: `right` is the end of the line there, on the left.
   */
  position: 'left' | 'right' | undefined;

  /** No sound for new messages. Remembered for the channel in every tab of the site. */
  muted = false;

  protected override readonly localize = new Localizer(this, webchatTableSources, { preferBrowser: true });

  /** The panel's stages and the conversation behind them; the host of the webchat's parts. */
  readonly #stages = new WebchatStages(this, this.localize);
  readonly #announcer = new PageAnnouncer(this);
  readonly #attention = new AttentionController(this);
  #unread = 0;
  #reportedUnread = 0;
  #spokenStatus: string | null = null;
  #ready = false;

  constructor() {
    super();
    new VisualViewportController(this, () => this.open);
    this.clientController.subscribe(
      (client) => void this.#stages.onClient(client, () => this.open || !!read(site, memoryKey(this, 'engaged'))),
    );
    this.addEventListener('keydown', (event) => {
      // Not while an IME is composing: there Escape cancels the composition.
      if (event.key === 'Escape' && this.open && !event.isComposing) {
        event.stopPropagation();
        void this.hide();
      }
    });
  }

  /**
   * The visitor's client for `server` + `channel`: one per page, shared by every tab's widget through
   * its token. A `ClientCore`: what a visitor needs, without the agents' code.
   */
  protected override findClient(): VisitorClientApi | undefined {
    return this.server && this.channel ? ClientCore.shared({ server: this.server, channel: this.channel }) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.#onStorage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.#onStorage);
  }

  /** Another tab started a conversation or muted the sound: the same here. */
  readonly #onStorage = (event: StorageEvent) => {
    if (event.key === memoryKey(this, 'muted')) this.muted = event.newValue === '1';
    if (event.key === memoryKey(this, 'engaged') && event.newValue && event.newValue !== this.#stages.sessionId) {
      void this.#stages.restore(true);
    }
  };

  // The visitor's language table may be a chunk still loading: render once it is here.
  protected override async scheduleUpdate(): Promise<void> {
    await this.localize.ready();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channel') || changed.has('server')) {
      this.clientController.refresh();
      if (!this.open && read(tab, memoryKey(this, 'open')) === '1') this.open = true;
      if (!this.muted && read(site, memoryKey(this, 'muted')) === '1') this.muted = true;
    }
    super.willUpdate(changed);
    if (changed.has('open') && (this.open || changed.get('open') !== undefined)) {
      write(tab, memoryKey(this, 'open'), this.open ? '1' : null);
      if (this.open) void this.#stages.restore();
    }
    if (changed.has('muted') && changed.get('muted') !== undefined) write(site, memoryKey(this, 'muted'), this.muted ? '1' : null);
    const position = this.position || this.#stages.config?.appearance.position || 'right';
    if (this.dataset.position !== position) this.dataset.position = position;
  }

  protected override update(changed: PropertyValues<this>): void {
    // Here, not in willUpdate: the store selection is recomputed for the current session just before.
    this.#unread = this.#stages.view.messages.filter((message) => message.authorKind === 'agent' && message.status !== 'read').length;
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#ready && this.client) {
      this.#ready = true;
      this.dispatchEvent(new WebchatReadyEvent());
    }
    if (changed.has('open') && (this.open || changed.get('open') !== undefined)) {
      this.dispatchEvent(this.open ? new WebchatOpenEvent() : new WebchatCloseEvent());
    }
    this.#noticeNewMessages();
    // The place in the queue changes on screen: say it too, while the visitor has the panel open.
    const stages = this.#stages;
    const status = this.open && stages.stage === 'conversation' ? stages.conversation.status : null;
    if (status && status !== this.#spokenStatus) this.#announcer.announce(status, this.localize.locale);
    this.#spokenStatus = status;
    if (this.#unread !== this.#reportedUnread) {
      this.#reportedUnread = this.#unread;
      this.dispatchEvent(new WebchatUnreadEvent(this.#unread));
    }
    const session = stages.view.session;
    // Read means seen: only while the conversation shows and the page is visible.
    if (this.#unread && session && this.open && stages.stage === 'conversation' && !this.#attention.pageHidden) {
      this.client?.markRead(session.id);
    }
  }
  /** Tell about each new message: an event for the page, the screen reader, and a hidden page's attention. */
  #noticeNewMessages(): void {
    const seen = this.#stages.seen;
    if (!seen) return;
    const t = this.localize.t;
    for (const message of this.#stages.view.messages) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      this.dispatchEvent(new WebchatMessageEvent(message));
      if (message.authorKind === 'contact') continue;
      this.#announcer.announce(this.#spoken(message), this.localize.locale);
      if (message.authorKind === 'agent') this.#attention.alert(t.newMessage(this.#unread || 1), !this.muted, message.id);
    }
  }

  #spoken(message: ClientMessage): string {
    const t = this.localize.t;
    if (message.system) return systemText(t.words, message.system);
    const text = [message.text, ...message.attachments.map((attachment) => t.sentFile(attachment.name))].filter(Boolean).join(' · ');
    return `${message.authorName || t.agent}: ${text}`;
  }

  // ---- Public API ----

  /** Open the panel and move focus into it. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.#stages.focusInside();
  }

  /** Close the panel; focus goes back to the launcher if it was in the panel. */
  async hide(): Promise<void> {
    const hadFocus = this.matches(':focus-within');
    this.open = false;
    await this.updateComplete;
    if (hadFocus) this.#stages.query<HTMLElement>('[part=launcher]')?.focus();
  }

  /** Open the panel if it is closed, else close it. */
  toggle(): Promise<void> {
    return this.open ? this.hide() : this.show();
  }

  /**
   * Become the site's logged-in user (identity verification: `hash` is the HMAC-SHA256 of `id`
   * with the channel's secret), or anonymous again with `null`. A refused hash rejects (and warns
   * on the console); the widget keeps working as the previous visitor.
   */
  async setUser(user: WebchatUser | null): Promise<void> {
    const client = await this.#stages.clientReady();
    try {
      await client.setUser(user);
    } catch (error) {
      console.warn('<conecta-webchat>: setUser was refused.', error);
      throw error;
    }
    if (user) this.#stages.prechat.prefill(user, true);
    // The user's conversations (maybe from another device) replace the anonymous visitor's.
    await this.#stages.restore(true);
  }

  /** Forget the visitor (a site's logout) and start clean, at the pre-chat form. */
  async reset(): Promise<void> {
    const client = await this.#stages.clientReady();
    await client.resetVisitor();
    write(site, memoryKey(this, 'engaged'), null);
    this.#stages.startOver(client);
  }

  /** Remove the widget from the page, releasing its listeners and timers. */
  destroy(): void {
    this.remove();
  }

  /** Speak `lang` (`pt-BR`, `en`, `es`) from now on. */
  setLocale(lang: string): void {
    this.lang = lang;
  }

  // ---- Rendering ----

  #renderHeader() {
    const t = this.localize.t;
    const stages = this.#stages;
    const session = stages.view.session;
    const canEnd = stages.stage === 'conversation' && session && session.status !== 'finished';
    return html`<div part="header">
      ${stages.conversation.renderTitle()}
      <button class="icon-button" part="mute-button" aria-pressed=${this.muted ? 'true' : 'false'} aria-label=${t.mute} title=${t.mute}
        @click=${() => (this.muted = !this.muted)}>${icon(this.muted ? 'muted' : 'bell')}</button>
      ${
        canEnd
          ? html`<button class="icon-button" part="end-button" aria-label=${t.end} title=${t.end} @click=${() => stages.ending.ask()}>
            ${icon('end')}
          </button>`
          : nothing
      }
      <button class="icon-button" part="close-button" aria-label=${t.minimize} title=${t.minimize} @click=${() => this.hide()}>
        ${icon('minimize')}
      </button>
    </div>`;
  }

  protected override render() {
    const t = this.localize.t;
    const unread = this.#unread;
    const launcherLabel = `${this.open ? t.closeChat : t.openChat}${unread ? `, ${t.unread(unread)}` : ''}`;
    return html`
      ${
        this.open
          ? html`<section part="panel" id="panel" role="dialog" aria-labelledby="webchat-title" tabindex="-1">
            ${this.#renderHeader()} ${this.renderConnection()} ${this.#stages.render()}
          </section>`
          : nothing
      }
      <button part="launcher" aria-label=${launcherLabel} aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'panel' : nothing}
        @click=${() => {
          // A click is the gesture browsers want before audio may play: later beeps can sound.
          unlockAudio();
          void this.toggle();
        }}>
        ${icon(this.open ? 'minimize' : (this.#stages.config?.appearance.launcherIcon ?? 'chat'))}
        ${unread ? html`<span part="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}
      </button>
    `;
  }
}

define('conecta-webchat', ConectaWebchat);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-webchat': ConectaWebchat;
  }
}
