import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { chatOf, selectChatConversations, selectChatMessages } from '../../client/chat-reducers.js';
import type { ClientChatMessage, HeldConversation } from '../../client/chat-state.js';
import { shallowEqual } from '../../client/selectors.js';
import { AlertController } from '../../controllers/alert-controller.js';
import { AutoScrollController } from '../../controllers/auto-scroll.js';
import { ClockController } from '../../controllers/clock.js';
import { CommandController } from '../../controllers/command.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import type { AgentSummary } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { avatar } from '../avatar.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { personSkeleton } from '../skeleton.js';
import { renderPagingStatus } from '../transcript-paging.js';
import { renderTranscript } from '../transcript.js';
import { transcriptStyles } from '../transcript.styles.js';
import { ChatComposer, type ChatComposerHost } from './chat-composer.js';
import { asTranscriptMessages } from './chat-transcript-messages.js';
import { internalChatStyles } from './conecta-internal-chat.styles.js';

interface ChatView {
  forbidden: boolean;
  loaded: boolean;
  conversations: HeldConversation[];
  colleagues: readonly AgentSummary[];
  meId: string | null;
}

/**
 * @summary The internal chat between agents: the conversations with colleagues (the most recent first,
 * with unread counts) and the open conversation — history paged back on scrolling up, files attached
 * by button, drop or a pasted screenshot, read marks, and an optional beep and browser notification
 * for a colleague's message while the page is hidden. For agents the admin allowed (the internalChat
 * permission); others see why it is disabled.
 *
 * Keyboard: the conversation list has one tab stop (ArrowUp/ArrowDown/Home/End); Enter opens. In the
 * composer Enter sends, Shift+Enter breaks the line. `<conecta-agents>` opens a conversation here
 * through `openConversation(agentId)`.
 *
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed. `detail: {reason}`.
 *
 * @csspart base - The whole element.
 * @csspart conversations - The list of conversations.
 * @csspart conversation - One conversation (`conversation unread` when it has unread messages).
 * @csspart avatar - The colleague's avatar in a conversation (photo, else initials).
 * @csspart skeleton - The shapes of conversations shown while they first load.
 * @csspart unread - A conversation's unread count.
 * @csspart conversation-view - The open conversation.
 * @csspart header - The colleague's name above the messages.
 * @csspart transcript - The messages (a log).
 * @csspart message - A message (`message own` or `message other`).
 * @csspart composer - The composer form.
 * @csspart input - The text field.
 * @csspart attach-button - The attach button.
 * @csspart send-button - The send button.
 * @csspart forbidden - Why the chat is disabled for this agent.
 * @csspart recipient-forbidden - The colleague written to does not use the internal chat (a message was refused).
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown when the agent's sign-in ended.
 *
 * @cssproperty --conecta-internal-chat-min-block-size - The element's minimum height (default 24rem).
 * @cssproperty --conecta-internal-chat-unread-background - Background of the unread counters (default: the brand color).
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate forbidden - The agent may not use the internal chat.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaInternalChat extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, transcriptStyles, internalChatStyles];

  /** The colleague (agent id) whose conversation is open; empty: none. */
  @property({ attribute: 'with-agent', reflect: true }) withAgent = '';

  /** `compact`: the list above the conversation, for a narrow column. */
  @property({ reflect: true }) variant: 'default' | 'compact' = 'default';

  /** Beep and show a browser notification when a colleague writes while the page is hidden. */
  @property({ type: Boolean, reflect: true, attribute: 'with-alerts' }) withAlerts = false;

  /** What alerts use (sound, notification, page visibility): replace it to change the sound, or in tests. */
  alertController = new AlertController();

  @state() private loadingOlder = false;
  @state() private notificationPermission: NotificationPermission | 'unsupported' = 'default';
  @state() private currentRow = 0;

  private readonly view = new StoreSelection<ChatView>(
    this,
    (s) => ({
      forbidden: chatOf(s).forbidden,
      loaded: chatOf(s).conversations !== null,
      conversations: selectChatConversations(s),
      colleagues: s.catalog?.agents ?? [],
      meId: s.me?.id ?? null,
    }),
    (a, b) =>
      a.forbidden === b.forbidden &&
      a.loaded === b.loaded &&
      a.colleagues === b.colleagues &&
      a.meId === b.meId &&
      shallowEqual(a.conversations, b.conversations),
  );
  private readonly messages = new StoreSelection<readonly ClientChatMessage[]>(
    this,
    (s) => selectChatMessages(s, this.withAgent),
    Object.is,
  );
  private readonly hasOlder = new StoreSelection<boolean>(this, (s) => chatOf(s).hasOlder[this.withAgent] ?? false, Object.is);
  private readonly clock = new ClockController(this);
  private readonly scroller = new AutoScrollController(this, () => this.renderRoot.querySelector<HTMLElement>('[role="log"]'));
  readonly #load = new CommandController<[], void>(this, {
    run: async () => {
      const client = this.client!;
      await Promise.all([client.chat.load(), client.store.state.catalog ? null : client.loadCatalog()]);
    },
    errorMessage: (error) => this.errorMessage(error),
  });
  readonly #open = new CommandController<[string], void>(this, {
    run: (agentId) => this.client!.chat.open(agentId),
    errorMessage: (error) => this.errorMessage(error),
  });
  readonly #rows = new RovingFocusController({
    direction: 'vertical',
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="conversation"]')],
    activate: (index) => {
      this.currentRow = index;
      this.renderRoot.querySelectorAll<HTMLElement>('[part~="conversation"]')[index]?.focus();
    },
  });
  readonly #composer = new ChatComposer(
    (() => {
      const element = this;
      const host: ChatComposerHost = {
        addController: (controller) => element.addController(controller),
        requestUpdate: () => element.requestUpdate(),
        get client() {
          return element.client;
        },
        get localize() {
          return element.localize;
        },
        query: <T extends Element>(selector: string) => element.renderRoot.querySelector<T>(selector),
        errorMessage: (error) => element.errorMessage(error),
        get withAgentId() {
          return element.withAgent;
        },
      };
      return host;
    })(),
  );
  /** The last message of each conversation already seen: a newer one from a colleague alerts. */
  #lastSeen: Map<string, string> | null = null;
  /** The conversation whose history was asked for (once per colleague shown). */
  #opened = '';

  constructor() {
    super();
    this.clientController.subscribe((client) => {
      if (!client) return;
      void this.loadConversations();
      // A new client has nothing of the conversation: willUpdate opens it again.
      this.#opened = '';
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.notificationPermission = this.alertController.permission;
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  /** Ask for the conversations again (done once when the element gets its client). */
  async loadConversations(): Promise<void> {
    if (!this.client) return;
    await this.#load.run();
    this.#lastSeen ??= this.#lastMessages();
  }

  /** Open the conversation with a colleague (what `<conecta-agents>` calls), and put the focus in its composer. */
  async openConversation(agentId: string): Promise<void> {
    if (agentId !== this.withAgent) this.#composer.reset();
    this.withAgent = agentId;
    if (!this.client) return;
    this.#opened = agentId;
    await this.#open.run(agentId);
    await this.updateComplete;
    this.scroller.scrollToEnd();
    this.renderRoot.querySelector<HTMLTextAreaElement>('#chat-input')?.focus();
  }

  /** Ask the browser for the notification permission (from a click). */
  async requestNotifications(): Promise<void> {
    this.notificationPermission = await this.alertController.requestPermission();
  }

  #nameOf(agentId: string): string {
    if (agentId === this.view.value.meId) return this.localize.t.common.you;
    const colleague = this.view.value.colleagues.find((agent) => agent.id === agentId);
    return colleague ? (colleague.nickname ?? colleague.name) : this.localize.t.internalChat.unknownColleague;
  }

  #photoOf(agentId: string): string | null {
    return this.view.value.colleagues.find((agent) => agent.id === agentId)?.photoUrl ?? null;
  }

  #lastMessages(): Map<string, string> {
    return new Map(this.view.value.conversations.flatMap((c) => (c.lastMessage ? [[c.withAgentId, c.lastMessage.id] as const] : [])));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const view = this.view.value;
    this.setState('forbidden', view.forbidden);
    if (this.withAgent && this.client && this.withAgent !== this.#opened) {
      this.#opened = this.withAgent;
      void this.#open.run(this.withAgent);
    }
    if (this.#lastSeen) {
      for (const conversation of view.conversations) {
        const last = conversation.lastMessage;
        if (!last || this.#lastSeen.get(conversation.withAgentId) === last.id) continue;
        this.#lastSeen.set(conversation.withAgentId, last.id);
        if (this.withAlerts && last.fromAgentId !== view.meId && last.readAt === null) {
          const t = this.localize.t.internalChat;
          this.alertController.alert(
            t.alertTitle(this.#nameOf(last.fromAgentId)),
            last.text || t.attachmentOnly,
            `conecta-chat-${last.id}`,
          );
        }
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // What is on screen is read: only while the page is visible.
    if (this.withAgent && this.client && !this.alertController.isPageHidden() && this.messages.value.length)
      this.client.chat.markRead(this.withAgent);
  }

  readonly #onVisibility = () => this.requestUpdate();

  #onScroll = (event: Event): void => {
    const log = event.currentTarget as HTMLElement;
    if (log.scrollTop > 40 || this.loadingOlder || !this.hasOlder.value) return;
    void this.#loadOlder(log);
  };

  async #loadOlder(log: HTMLElement): Promise<void> {
    const client = this.client;
    if (!client) return;
    const withAgent = this.withAgent;
    const fromBottom = log.scrollHeight - log.scrollTop;
    this.loadingOlder = true;
    try {
      await client.chat.loadOlder(withAgent);
    } catch {
      // Scrolling up again retries.
    } finally {
      this.loadingOlder = false;
    }
    await this.updateComplete;
    if (this.withAgent === withAgent) log.scrollTop = log.scrollHeight - fromBottom;
  }

  #renderConversations() {
    const t = this.localize.t.internalChat;
    const { conversations, loaded } = this.view.value;
    // A colleague chosen with no message yet still gets a row.
    const rows =
      this.withAgent && !conversations.some((c) => c.withAgentId === this.withAgent)
        ? [{ withAgentId: this.withAgent, lastMessage: null, unread: 0 }, ...conversations]
        : conversations;
    if (loaded && rows.length === 0) return html`<p class="muted placeholder">${t.noConversations}</p>`;
    const current = Math.min(this.currentRow, rows.length - 1);
    return html`<ul part="conversations" aria-label=${t.conversations} @keydown=${this.#rows.onKeydown}>
      ${repeat(
        rows,
        (c) => c.withAgentId,
        (c, index) => {
          const last = c.lastMessage;
          return html`<li><button part="conversation${c.unread ? ' unread' : ''}" data-agent-id=${c.withAgentId}
            aria-current=${c.withAgentId === this.withAgent ? 'true' : 'false'} tabindex=${index === current ? '0' : '-1'}
            @focus=${() => (this.currentRow = index)} @click=${() => this.openConversation(c.withAgentId)}>
            ${avatar({ name: this.#nameOf(c.withAgentId), photoUrl: this.#photoOf(c.withAgentId), size: 's' })}
            <span class="name">${this.#nameOf(c.withAgentId)}</span>
            ${c.unread ? html`<span part="unread"><span aria-hidden="true">${c.unread}</span><span class="visually-hidden">${t.unread(c.unread)}</span></span>` : html`<span></span>`}
            ${last ? html`<span class="preview muted">${last.text || t.attachmentOnly}</span>` : nothing}
          </button></li>`;
        },
      )}
    </ul>`;
  }

  #renderConversation() {
    const t = this.localize.t;
    if (!this.withAgent) return html`<div part="conversation-view"><p class="muted placeholder">${t.internalChat.none}</p></div>`;
    const name = this.#nameOf(this.withAgent);
    const messages = asTranscriptMessages(this.messages.value, this.withAgent, (id) => this.#nameOf(id));
    const openError = this.#open.error();
    const meId = this.view.value.meId;
    return html`<div part="conversation-view">
      <h2 part="header">${name}</h2>
      ${openError ? html`<p class="error placeholder" role="alert">${openError}</p>` : nothing}
      ${
        this.messages.value.some((message) => message.status === 'failed' && message.errorCode === 'FORBIDDEN')
          ? html`<p class="error placeholder" part="recipient-forbidden" role="alert">${t.internalChat.recipientForbidden(name)}</p>`
          : nothing
      }
      ${renderTranscript({
        repeat,
        messages,
        localize: this.localize,
        words: t.session,
        isOwn: (message) => message.authorId === meId,
        authorName: (message) => (message.authorId === meId ? '' : message.authorName),
        fileUrl: (attachment) => this.client?.fileUrl(attachment) ?? attachment.url,
        label: t.internalChat.transcript(name),
        live: this.#open.pending() ? 'off' : 'polite',
        onRetry: (message) => this.client?.chat.retry(this.withAgent, message.id),
        busy: this.loadingOlder,
        before: renderPagingStatus({ hasOlder: this.hasOlder.value, loading: this.loadingOlder }, t.session, messages.length > 0),
        onScroll: this.#onScroll,
        now: this.clock.now,
      })}
      ${this.#composer.render(name, !this.client || this.connection.value !== 'connected')}
    </div>`;
  }

  protected override render() {
    const t = this.localize.t;
    const view = this.view.value;
    const offline = this.connection.value !== 'connected';
    if (view.forbidden) {
      return html`<section part="base" class="notice-only" aria-label=${t.internalChat.label}>
        <p part="forbidden" role="status">${t.internalChat.forbidden}</p>
      </section>`;
    }
    const loading = this.#load.pending() && !view.loaded;
    const error = this.#load.error();
    return html`${offline ? this.renderConnection() : nothing}
      ${
        error
          ? html`<p class="error" role="alert">${error}
            <button class="link" @click=${() => this.loadConversations()}>${t.common.retry}</button></p>`
          : nothing
      }
      ${
        this.withAlerts && this.notificationPermission === 'default'
          ? html`<button class="link notify-permission" @click=${() => this.requestNotifications()}>${t.internalChat.enableNotifications}</button>`
          : nothing
      }
      <section part="base" class=${this.withAgent ? 'with-conversation' : 'without-conversation'} aria-label=${t.internalChat.label}
        aria-busy=${loading ? 'true' : 'false'}>
        <nav aria-label=${t.internalChat.conversations}>
          ${loading ? personSkeleton(t.common.loading) : this.#renderConversations()}
        </nav>
        ${this.#renderConversation()}
      </section>`;
  }
}

define('conecta-internal-chat', ConectaInternalChat);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-internal-chat': ConectaInternalChat;
  }
}
