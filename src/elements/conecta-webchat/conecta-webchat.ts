import { html, nothing, type PropertyValues } from 'lit';
import type { VisitorClientApi, WebchatStart } from '../../client/api.js';
import { ClientCore } from '../../client/client-core.js';
import { selectContact, selectMessages, selectSession, selectVisitorSessions } from '../../client/selectors.js';
import type { TypingIndicator } from '../../client/state.js';
import { AttentionController } from '../../controllers/attention.js';
import { AutoScrollController } from '../../controllers/auto-scroll.js';
import { unlockAudio } from '../../controllers/beep.js';
import { PageAnnouncer } from '../../controllers/page-announcer.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { VisualViewportController } from '../../controllers/visual-viewport.js';
import { Localizer } from '../../i18n/localizer.js';
import type { WebchatTranslation } from '../../i18n/webchat/index.js';
import { webchatTableSources } from '../../i18n/webchat/lazy.js';
import type { Attachment, ClientMessage, WebchatChannel, WebchatUser } from '../../protocol/index.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaBaseElement } from '../conecta-base-element.js';
import { define } from '../define.js';
import { systemText } from '../transcript.js';
import { transcriptStyles } from '../transcript.styles.js';
import { accentColors } from './appearance.js';
import { webchatStyles } from './conecta-webchat.styles.js';
import { WebchatCloseEvent, WebchatMessageEvent, WebchatOpenEvent, WebchatReadyEvent, WebchatUnreadEvent } from './events.js';
import { icon } from './icons.js';
import { WebchatComposer, type ComposerHost } from './webchat-composer.js';
import { renderConversation, renderHeaderTitle, renderStatus, statusText } from './webchat-conversation.js';
import { WebchatEnding } from './webchat-ending.js';
import type { WebchatStage, WebchatView } from './webchat-host.js';
import { WebchatPrechat } from './webchat-prechat.js';

const noTyping: readonly TypingIndicator[] = [];
/** A conversation that ended this recently and is not rated yet still asks for its rating. */
const RATE_WITHIN_MS = 60 * 60 * 1000;

/** Storage that may be forbidden (sandboxed iframes, some private modes): then nothing is remembered. */
function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}
function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    /* nothing to remember */
  }
}
const tab = () => sessionStorage;
const site = () => localStorage;

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
export class ConectaWebchat extends ConectaBaseElement<WebchatTranslation, VisitorClientApi> implements ComposerHost {
  static override styles = [hostStyles, transcriptStyles, webchatStyles];

  // A static declaration, not decorators: their code would weigh on the widget's budget (see ConectaBaseElement).
  static override properties = {
    channel: { reflect: true },
    open: { type: Boolean, reflect: true },
    theme: { reflect: true },
    position: { reflect: true },
    muted: { type: Boolean, reflect: true },
    stage: { state: true },
    config: { state: true },
    startedOffline: { state: true },
    sessionId: { state: true },
    loadError: { state: true },
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

  /** @internal */
  stage: WebchatStage = 'loading';
  /** @internal The channel's public configuration, once fetched. */
  config: WebchatChannel | null = null;
  /** @internal */
  startedOffline = false;
  private sessionId = '';
  /** Why loading the conversation failed (worded when shown: it may fail before any table is loaded). */
  private loadError: unknown = null;

  /** @internal */
  readonly localize = new Localizer(this, webchatTableSources, { preferBrowser: true });

  readonly #view = new StoreSelection<WebchatView>(this, (s) => ({
    session: selectSession(s, this.sessionId),
    contact: selectContact(s, s.visitor?.contactId),
    messages: selectMessages(s, this.sessionId),
    typing: s.typing[this.sessionId] ?? noTyping,
    queue: s.queue?.[this.sessionId],
  }));
  readonly #prechat = new WebchatPrechat(this);
  readonly #composer = new WebchatComposer(this);
  readonly #ending = new WebchatEnding(this);
  readonly #announcer = new PageAnnouncer(this);
  readonly #attention = new AttentionController(this);
  readonly #scroller = new AutoScrollController(this, () => this.query<HTMLElement>('[role="log"]'));
  readonly #restoredFor = new WeakSet<VisitorClientApi>();
  #configFor: VisitorClientApi | null = null;
  #config: Promise<WebchatChannel> | null = null;
  /** Ids of the messages already told about (null while the history loads: those are not new). */
  #seen: Set<string> | null = null;
  #unread = 0;
  #reportedUnread = 0;
  #spokenStatus: string | null = null;
  #ready = false;

  constructor() {
    super();
    new VisualViewportController(this, () => this.open);
    this.clientController.subscribe((client) => void this.#onClient(client));
    this.addEventListener('keydown', (event) => {
      // Not while an IME is composing: there Escape cancels the composition.
      if (event.key === 'Escape' && this.open && !event.isComposing) {
        event.stopPropagation();
        void this.hide();
      }
    });
  }

  /** @internal */
  get view(): WebchatView {
    return this.#view.value;
  }

  /**
   * The visitor's client for `server` + `channel`: one per page, shared by every tab's widget through
   * its token. A `ClientCore`: what a visitor needs, without the agents' code.
   */
  protected override findClient(): VisitorClientApi | undefined {
    return this.server && this.channel ? ClientCore.shared({ server: this.server, channel: this.channel }) : undefined;
  }

  #key(what: string): string {
    return `conecta-webchat:${what}:${this.server}#${this.channel}`;
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
    if (event.key === this.#key('muted')) this.muted = event.newValue === '1';
    if (event.key === this.#key('engaged') && event.newValue && event.newValue !== this.sessionId && this.client) {
      this.#restoredFor.delete(this.client);
      void this.#restore(true);
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
      if (!this.open && read(tab, this.#key('open')) === '1') this.open = true;
      if (!this.muted && read(site, this.#key('muted')) === '1') this.muted = true;
    }
    super.willUpdate(changed);
    if (changed.has('open') && (this.open || changed.get('open') !== undefined)) {
      write(tab, this.#key('open'), this.open ? '1' : null);
      if (this.open) void this.#restore();
    }
    if (changed.has('muted') && changed.get('muted') !== undefined) write(site, this.#key('muted'), this.muted ? '1' : null);
    const position = this.position || this.config?.appearance.position || 'right';
    if (this.dataset.position !== position) this.dataset.position = position;
  }

  protected override update(changed: PropertyValues<this>): void {
    // Here, not in willUpdate: the store selection is recomputed for the current session just before.
    this.#unread = this.view.messages.filter((message) => message.authorKind === 'agent' && message.status !== 'read').length;
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
    const status = this.open && this.stage === 'conversation' ? statusText(this) : null;
    if (status && status !== this.#spokenStatus) this.#announcer.announce(status, this.localize.locale);
    this.#spokenStatus = status;
    if (this.#unread !== this.#reportedUnread) {
      this.#reportedUnread = this.#unread;
      this.dispatchEvent(new WebchatUnreadEvent(this.#unread));
    }
    const session = this.view.session;
    // Read means seen: only while the conversation shows and the page is visible.
    if (this.#unread && session && this.open && this.stage === 'conversation' && !this.#attention.pageHidden) {
      this.client?.markRead(session.id);
    }
  }
  /** Tell about each new message: an event for the page, the screen reader, and a hidden page's attention. */
  #noticeNewMessages(): void {
    const seen = this.#seen;
    if (!seen) return;
    const t = this.localize.t;
    for (const message of this.view.messages) {
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
    this.focusInside();
  }

  /** Close the panel; focus goes back to the launcher if it was in the panel. */
  async hide(): Promise<void> {
    const hadFocus = this.matches(':focus-within');
    this.open = false;
    await this.updateComplete;
    if (hadFocus) this.query<HTMLElement>('[part="launcher"]')?.focus();
  }

  toggle(): Promise<void> {
    return this.open ? this.hide() : this.show();
  }

  /**
   * Become the site's logged-in user (identity verification: `hash` is the HMAC-SHA256 of `id`
   * with the channel's secret), or anonymous again with `null`. A refused hash rejects (and warns
   * on the console); the widget keeps working as the previous visitor.
   */
  async setUser(user: WebchatUser | null): Promise<void> {
    const client = await this.#clientReady();
    try {
      await client.setUser(user);
    } catch (error) {
      console.warn('<conecta-webchat>: setUser was refused.', error);
      throw error;
    }
    if (user) this.#prechat.prefill(user, true);
    // The user's conversations (maybe from another device) replace the anonymous visitor's.
    this.#restoredFor.delete(client);
    await this.#restore(true);
  }

  /** Forget the visitor (a site's logout) and start clean, at the pre-chat form. */
  async reset(): Promise<void> {
    const client = await this.#clientReady();
    await client.resetVisitor();
    write(site, this.#key('engaged'), null);
    this.#prechat.values = {};
    this.#restoredFor.add(client);
    this.loadError = null;
    this.beginNew();
  }

  /** Remove the widget from the page, releasing its listeners and timers. */
  destroy(): void {
    this.remove();
  }

  /** Speak `lang` (`pt-BR`, `en`, `es`) from now on. */
  setLocale(lang: string): void {
    this.lang = lang;
  }

  // ---- What the parts use (WebchatHost) ----

  /** @internal Show a stage; focus follows into it when it was in the widget (never stolen from the page). */
  goTo(stage: WebchatStage): void {
    const hadFocus = this.matches(':focus-within');
    this.stage = stage;
    if (hadFocus) void this.updateComplete.then(() => this.focusInside());
  }

  /** @internal */
  async start(input: WebchatStart, offline = false): Promise<void> {
    const client = await this.#clientReady();
    const sessionId = await client.startWebchat(input);
    this.startedOffline = offline;
    this.#follow(sessionId, true);
    this.goTo('conversation');
  }

  /** @internal */
  async send(text: string, attachments: Attachment[]): Promise<boolean> {
    const client = this.client;
    const session = this.view.session;
    if (!client) return false;
    if (session) {
      client.sendMessage(session.id, text, attachments);
      this.#scroller.scrollToEnd();
      return true;
    }
    // Nothing to ask first (no pre-chat fields, one team): the first message starts the conversation.
    try {
      await this.start(this.#prechat.payload(text));
      if (attachments.length) client.sendMessage(this.sessionId, '', attachments);
      return true;
    } catch (error) {
      this.#composer.errors = [this.errorMessage(error)];
      this.requestUpdate();
      return false;
    }
  }

  /** @internal */
  beginNew(): void {
    const config = this.config;
    this.sessionId = '';
    this.startedOffline = false;
    this.#seen = new Set();
    this.#prechat.reset();
    this.#composer.reset();
    this.#ending.reset();
    const options = config?.menu.options.length ?? 0;
    const asks = config ? Object.values(config.prechat).some((rule) => rule !== 'hidden') : false;
    const offline = !config?.online || (options < 2 && !this.#prechat.isOpen());
    this.goTo(offline ? 'offline' : asks ? 'prechat' : options > 1 ? 'menu' : 'conversation');
  }

  /** @internal Focus the first control of what the panel shows. */
  focusInside(): void {
    if (!this.open) return;
    const target =
      this.query<HTMLElement>(
        '.stage input:not([type="radio"]), .stage textarea, [part="menu-option"], [part="stars"] input, #webchat-input, [part="new-conversation-button"]',
      ) ?? this.query<HTMLElement>('[part="panel"]');
    target?.focus();
  }

  /** @internal */
  query<T extends Element>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  // ---- Loading and following the conversation ----

  #clientReady(): Promise<VisitorClientApi> {
    return new Promise((resolve) => {
      const stop = this.clientController.subscribe((client) => {
        if (!client) return;
        stop();
        resolve(client);
      });
      if (this.client) {
        stop();
        resolve(this.client);
      }
    });
  }

  /** A (new) client: its channel's look at once; the conversation too if the visitor had one (unread badge). */
  async #onClient(client: VisitorClientApi | undefined): Promise<void> {
    this.#seen = null;
    if (!client) return;
    try {
      await this.#channel(client);
    } catch {
      /* shown when the panel opens and loads again */
    }
    if (this.open || read(site, this.#key('engaged'))) await this.#restore();
  }

  #channel(client: VisitorClientApi): Promise<WebchatChannel> {
    if (this.#configFor !== client || !this.#config) {
      this.#configFor = client;
      this.#config = client.fetchChannel().then(
        (config) => {
          this.config = config;
          const colors = accentColors(config.appearance?.color);
          // Through the CSSOM (allowed under a strict CSP), as a fallback the page's own tokens still override.
          if (colors) {
            this.style.setProperty('--conecta-webchat-channel-color', colors.accent);
            this.style.setProperty('--conecta-webchat-channel-on-color', colors.onAccent);
          }
          return config;
        },
        (error: unknown) => {
          this.#config = null;
          throw error;
        },
      );
    }
    return this.#config;
  }

  /**
   * The visitor's unfinished conversation, else the first stage of a new one. `quiet`: keep what
   * shows while loading (a reload of what is already on screen).
   */
  async #restore(quiet = false): Promise<void> {
    const client = this.client;
    if (!client || this.#restoredFor.has(client)) return;
    this.#restoredFor.add(client);
    if (!quiet) this.stage = 'loading';
    this.loadError = null;
    try {
      await Promise.all([this.#channel(client), client.loadVisitorSessions()]);
      if (client !== this.client) return;
      const state = client.store.state;
      this.#prechat.prefill(selectContact(state, state.visitor?.contactId) ?? {});
      // The newest conversation, if not over; or just over and not rated yet (the agent ended it while the visitor was away).
      const [latest] = selectVisitorSessions(state);
      const resumable = latest && (latest.status !== 'finished' || (latest.rating === null && (latest.finishedAt ?? 0) > Date.now() - RATE_WITHIN_MS));
      if (resumable) {
        this.#follow(latest.id, false);
        this.goTo('conversation');
        await client.openSession(latest.id);
        this.#seen = new Set(selectMessages(client.store.state, latest.id).map((message) => message.id));
      } else {
        this.beginNew();
      }
    } catch (error) {
      this.#restoredFor.delete(client);
      this.loadError = error;
    }
  }

  /** Show a conversation. A new one's every message is news; a restored one's history is not. */
  #follow(sessionId: string, fresh: boolean): void {
    this.sessionId = sessionId;
    this.#seen = fresh ? new Set() : null;
    this.#composer.reset();
    this.#ending.reset();
    // Other tabs hear of it (a storage event) and show the same conversation.
    write(site, this.#key('engaged'), sessionId);
  }

  // ---- Rendering ----

  #renderHeader() {
    const t = this.localize.t;
    const session = this.view.session;
    const canEnd = this.stage === 'conversation' && session && session.status !== 'finished';
    return html`<div part="header">
      ${renderHeaderTitle(this)}
      <button class="icon-button" part="mute-button" aria-pressed=${this.muted ? 'true' : 'false'} aria-label=${t.mute} title=${t.mute}
        @click=${() => (this.muted = !this.muted)}>${icon(this.muted ? 'muted' : 'bell')}</button>
      ${canEnd
        ? html`<button class="icon-button" part="end-button" aria-label=${t.end} title=${t.end} @click=${() => this.#ending.ask()}>
            ${icon('end')}
          </button>`
        : nothing}
      <button class="icon-button" part="close-button" aria-label=${t.minimize} title=${t.minimize} @click=${() => this.hide()}>
        ${icon('minimize')}
      </button>
    </div>`;
  }

  #renderStage() {
    const t = this.localize.t;
    switch (this.stage) {
      case 'loading':
        return this.loadError
          ? html`<div class="stage">
              <p class="error" role="alert">${this.errorMessage(this.loadError)}</p>
              <button @click=${() => this.#restore()}>${t.common.retry}</button>
            </div>`
          : html`<p class="stage" role="status">${t.common.loading}</p>`;
      case 'prechat':
        return this.#prechat.renderPrechat();
      case 'menu':
        return this.#prechat.renderMenu();
      case 'offline':
        return this.#prechat.renderOffline();
      default:
        if (this.view.session?.status === 'finished') {
          return this.#ending.asksRating ? this.#ending.renderRating() : this.#ending.renderThanks();
        }
        return html`<div class="conversation ${this.#composer.dragging ? 'drop' : ''}"
          @dragover=${this.#composer.dropHandlers.dragover} @dragleave=${this.#composer.dropHandlers.dragleave}
          @drop=${this.#composer.dropHandlers.drop}>
          ${this.#ending.renderConfirm()}
          ${this.sessionId ? renderConversation(this) : html`<p class="stage" part="greeting">${this.config?.appearance.greeting || t.greeting}</p>`}
          ${renderStatus(this)} ${this.#composer.render()}
        </div>`;
    }
  }

  protected override render() {
    const t = this.localize.t;
    const unread = this.#unread;
    const launcherLabel = `${this.open ? t.closeChat : t.openChat}${unread ? `, ${t.unread(unread)}` : ''}`;
    return html`
      ${this.open
        ? html`<section part="panel" id="panel" role="dialog" aria-labelledby="webchat-title" tabindex="-1">
            ${this.#renderHeader()} ${this.renderConnection()} ${this.#renderStage()}
          </section>`
        : nothing}
      <button part="launcher" aria-label=${launcherLabel} aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'panel' : nothing}
        @click=${() => {
          // A click is the gesture browsers want before audio may play: later beeps can sound.
          unlockAudio();
          void this.toggle();
        }}>
        ${icon(this.open ? 'minimize' : (this.config?.appearance.launcherIcon ?? 'chat'))}
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
