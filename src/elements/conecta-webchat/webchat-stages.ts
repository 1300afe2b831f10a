import { html, type CSSResult, type ReactiveController } from 'lit';
import type { VisitorClientApi, WebchatStart } from '../../client/api.js';
import { selectContact, selectMessages, selectSession, selectVisitorSessions } from '../../client/selectors.js';
import type { TypingIndicator } from '../../client/state.js';
import { AutoScrollController } from '../../controllers/auto-scroll.js';
import type { ClientController } from '../../controllers/client-controller.js';
import { StoreSelection, type ClientHost } from '../../controllers/store-selection.js';
import { Localizer, type TableSources } from '../../i18n/localizer.js';
import type { WebchatTranslation } from '../../i18n/webchat/index.js';
import type { Attachment, WebchatChannel } from '../../protocol/index.js';
import { accentColors } from './appearance.js';
import { WebchatComposer, type ComposerHost } from './webchat-composer.js';
import { WebchatConversation } from './webchat-conversation.js';
import { WebchatEnding } from './webchat-ending.js';
import type { WebchatStage, WebchatView } from './webchat-host.js';
import { site, write } from '../../dom/browser-storage.js';
import { whenIdle } from '../../dom/when-idle.js';
import { memoryKey } from './webchat-memory.js';
import { WebchatPrechat } from './webchat-prechat.js';

const noTyping: readonly TypingIndicator[] = [];
/** A conversation that ended this recently and is not rated yet still asks for its rating. */
const RATE_WITHIN_MS = 60 * 60 * 1000;

/** What the stages read of their `<conecta-webchat>`: all of it public. */
export interface WebchatElement extends ClientHost, HTMLElement {
  readonly client: VisitorClientApi | undefined;
  readonly clientController: ClientController<VisitorClientApi>;
  readonly open: boolean;
  readonly server: string;
  readonly channel: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  errorMessage(error: unknown): string;
}

/**
 * What the webchat's panel shows below its header, and the conversation behind it: loading the
 * channel and the visitor's conversation, the pre-chat, menu and offline forms, starting and
 * following a conversation, its end. The host of the webchat's parts, so that none of this is a
 * member of the element a page could call.
 */
export class WebchatStages implements ComposerHost {
  stage: WebchatStage = 'loading';
  /** The channel's public configuration, once fetched. */
  config: WebchatChannel | null = null;
  startedOffline = false;
  sessionId = '';
  /** Ids of the messages already told about (null while the history loads: those are not new). */
  seen: Set<string> | null = null;
  /** Why loading the conversation failed (worded when shown: it may fail before any table is loaded). */
  #loadError: unknown = null;
  readonly #element: WebchatElement;
  readonly localize: Localizer<WebchatTranslation>;
  readonly #view: StoreSelection<WebchatView>;
  // Made in the constructor, once the element they register with is known.
  readonly prechat: WebchatPrechat;
  readonly composer: WebchatComposer;
  readonly ending: WebchatEnding;
  readonly conversation: WebchatConversation;
  readonly #scroller: AutoScrollController;
  readonly #restoredFor = new WeakSet<VisitorClientApi>();
  #configFor: VisitorClientApi | null = null;
  #config: Promise<WebchatChannel> | null = null;

  constructor(element: WebchatElement, localize: Localizer<WebchatTranslation>) {
    this.#element = element;
    this.localize = localize;
    this.#view = new StoreSelection<WebchatView>(element, (s) => ({
      session: selectSession(s, this.sessionId),
      contact: selectContact(s, s.visitor?.contactId),
      messages: selectMessages(s, this.sessionId),
      typing: s.typing[this.sessionId] ?? noTyping,
      queue: s.queue?.[this.sessionId],
    }));
    this.prechat = new WebchatPrechat(this);
    this.composer = new WebchatComposer(this);
    this.ending = new WebchatEnding(this);
    this.conversation = new WebchatConversation(this);
    this.#scroller = new AutoScrollController(element, () => this.query<HTMLElement>('[role=log]'));
  }

  get client(): VisitorClientApi | undefined {
    return this.#element.client;
  }

  get view(): WebchatView {
    return this.#view.value;
  }

  addController(part: object): void {
    // Lit calls only the hooks a controller has: a part without any is a valid one.
    this.#element.addController(part as ReactiveController);
  }

  requestUpdate(): void {
    this.#element.requestUpdate();
  }

  errorMessage(error: unknown): string {
    return this.#element.errorMessage(error);
  }

  query<T extends Element>(selector: string): T | null {
    return this.#element.renderRoot.querySelector<T>(selector);
  }

  localizer<T>(tables: TableSources<T>): Localizer<T> {
    // As the element's own (ConectaWebchat.localize): a visitor's language before the page's.
    return new Localizer(this.#element, tables, { preferBrowser: true });
  }

  adoptStyles(styles: CSSResult): void {
    const root = this.#element.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet!;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Render again, then move focus to what `selector` finds (if given). */
  async rerender(selector?: string): Promise<void> {
    this.requestUpdate();
    await this.#element.updateComplete;
    if (selector) this.query<HTMLElement>(selector)?.focus();
  }

  /** Show a stage; focus follows into it when it was in the widget (never stolen from the page). */
  goTo(stage: WebchatStage): void {
    const hadFocus = this.#element.matches(':focus-within');
    this.stage = stage;
    void this.rerender().then(() => hadFocus && this.focusInside());
    // The chat is ready: what a visitor reaches only later (the rating stage, the uploads' code) comes
    // while nothing else is going on.
    whenIdle(() => {
      void this.ending.prefetch();
      this.composer.prefetch();
    });
  }

  async start(input: WebchatStart, offline = false): Promise<void> {
    const client = await this.clientReady();
    const sessionId = await client.startWebchat(input);
    this.startedOffline = offline;
    this.#follow(sessionId, true);
    this.goTo('conversation');
  }

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
      await this.start(this.prechat.payload(text));
      if (attachments.length) client.sendMessage(this.sessionId, '', attachments);
      return true;
    } catch (error) {
      this.composer.errors = [this.errorMessage(error)];
      this.requestUpdate();
      return false;
    }
  }

  /** Back to the first stage of a new conversation (pre-chat, menu, offline form). */
  beginNew(): void {
    const config = this.config;
    this.sessionId = '';
    this.startedOffline = false;
    this.seen = new Set();
    this.prechat.reset();
    this.composer.reset();
    this.ending.reset();
    const options = config?.menu.options.length ?? 0;
    const asks = config ? Object.values(config.prechat).some((rule) => rule !== 'hidden') : false;
    const offline = !config?.online || (options < 2 && !this.prechat.isOpen());
    this.goTo(offline ? 'offline' : asks ? 'prechat' : options > 1 ? 'menu' : 'conversation');
  }

  /** Focus the first control of what the panel shows. */
  focusInside(): void {
    if (!this.#element.open) return;
    const target =
      this.query<HTMLElement>(
        '.stage input:not([type=radio]), .stage textarea, [part=menu-option], [part=stars] input, #webchat-input, [part=new-conversation-button]',
      ) ?? this.query<HTMLElement>('[part=panel]');
    target?.focus();
  }

  /** The visitor (a new one, or another person): start clean, at the pre-chat form. */
  startOver(client: VisitorClientApi): void {
    this.prechat.values = {};
    this.#restoredFor.add(client);
    this.#loadError = null;
    this.beginNew();
  }

  // ---- Loading and following the conversation ----

  clientReady(): Promise<VisitorClientApi> {
    return new Promise((resolve) => {
      const stop = this.#element.clientController.subscribe((client) => {
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
  /** `engaged`: whether the visitor has a conversation to show (asked once the channel is here: attributes may come after the client). */
  async onClient(client: VisitorClientApi | undefined, engaged: () => boolean): Promise<void> {
    this.seen = null;
    if (!client) return;
    try {
      await this.#channel(client);
    } catch {
      /* shown when the panel opens and loads again */
    }
    if (engaged()) await this.restore();
  }

  #channel(client: VisitorClientApi): Promise<WebchatChannel> {
    if (this.#configFor !== client || !this.#config) {
      this.#configFor = client;
      this.#config = client.fetchChannel().then(
        (config) => {
          this.config = config;
          this.requestUpdate();
          const colors = accentColors(config.appearance?.color);
          // Through the CSSOM (allowed under a strict CSP), as a fallback the page's own tokens still override.
          if (colors) {
            this.#element.style.setProperty('--conecta-webchat-channel-color', colors.accent);
            this.#element.style.setProperty('--conecta-webchat-channel-on-color', colors.onAccent);
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
   * The visitor's unfinished conversation, else the first stage of a new one. `again`: load it anew
   * (another tab or person changed it), keeping what shows while loading.
   */
  async restore(again = false): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (again) this.#restoredFor.delete(client);
    if (this.#restoredFor.has(client)) return;
    this.#restoredFor.add(client);
    if (!again) this.stage = 'loading';
    this.#loadError = null;
    this.requestUpdate();
    try {
      await Promise.all([this.#channel(client), client.loadVisitorSessions()]);
      if (client !== this.client) return;
      const state = client.store.state;
      this.prechat.prefill(selectContact(state, state.visitor?.contactId) ?? {});
      // The newest conversation, if not over; or just over and not rated yet (the agent ended it while the visitor was away).
      const [latest] = selectVisitorSessions(state);
      const resumable =
        latest && (latest.status !== 'finished' || (latest.rating === null && (latest.finishedAt ?? 0) > Date.now() - RATE_WITHIN_MS));
      if (resumable) {
        this.#follow(latest.id, false);
        this.goTo('conversation');
        await client.openSession(latest.id);
        this.seen = new Set(selectMessages(client.store.state, latest.id).map((message) => message.id));
      } else {
        this.beginNew();
      }
    } catch (error) {
      this.#restoredFor.delete(client);
      this.#loadError = error;
      this.requestUpdate();
    }
  }

  /** Show a conversation. A new one's every message is news; a restored one's history is not. */
  #follow(sessionId: string, fresh: boolean): void {
    this.sessionId = sessionId;
    this.seen = fresh ? new Set() : null;
    this.composer.reset();
    this.ending.reset();
    this.requestUpdate();
    // Other tabs hear of it (a storage event) and show the same conversation.
    write(site, memoryKey(this.#element, 'engaged'), sessionId);
  }

  // ---- Rendering ----

  render() {
    const t = this.localize.t;
    switch (this.stage) {
      case 'loading':
        return this.#loadError
          ? html`<div class="stage">
              <p class="error" role="alert">${this.errorMessage(this.#loadError)}</p>
              <button @click=${() => this.restore()}>${t.common.retry}</button>
            </div>`
          : html`<p class="stage" role="status">${t.common.loading}</p>`;
      case 'prechat':
        return this.prechat.renderPrechat();
      case 'menu':
        return this.prechat.renderMenu();
      case 'offline':
        return this.prechat.renderOffline();
      default:
        if (this.view.session?.status === 'finished') {
          return this.ending.renderFinished();
        }
        return html`<div class="conversation ${this.composer.dragging ? 'drop' : ''}"
          @dragover=${this.composer.dropHandlers.dragover} @dragleave=${this.composer.dropHandlers.dragleave}
          @drop=${this.composer.dropHandlers.drop}>
          ${this.ending.renderConfirm()}
          ${this.sessionId ? this.conversation.render() : html`<p class="stage" part="greeting">${this.prechat.greeting}</p>`}
          ${this.conversation.renderStatus()} ${this.composer.render()}
        </div>`;
    }
  }
}
