import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { selectContact, selectMessages, selectSession } from '../../client/selectors.js';
import { AutoScrollController } from '../../controllers/auto-scroll.js';
import { ClockController } from '../../controllers/clock.js';
import { NarrowWidthController } from '../../controllers/narrow-width.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { isWindowClosed, type ClientMessage } from '../../protocol/index.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import arrowRightLeft from 'lucide/dist/esm/icons/arrow-right-left.mjs';
import circlePause from 'lucide/dist/esm/icons/circle-pause.mjs';
import fileText from 'lucide/dist/esm/icons/file-text.mjs';
import logOut from 'lucide/dist/esm/icons/log-out.mjs';
import messagesSquare from 'lucide/dist/esm/icons/messages-square.mjs';
import phone from 'lucide/dist/esm/icons/phone.mjs';
import history from 'lucide/dist/esm/icons/rotate-ccw-clock.mjs';
import tag from 'lucide/dist/esm/icons/tag.mjs';
import userPen from 'lucide/dist/esm/icons/user-pen.mjs';
import userPlus from 'lucide/dist/esm/icons/user-plus.mjs';
import { renderTranscript } from '../transcript.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderPagingStatus } from '../transcript-paging.js';
import { underlinedTabStyles } from '../../styles/underlined-tabs.js';
import { transcriptStyles } from '../transcript.styles.js';
import { sessionStyles } from './conecta-session.styles.js';
import { CallRequestEvent, ContactEditEvent } from './events.js';
import { SessionComposer } from './session-composer.js';
import type { SessionDialog } from './session-dialogs.js';
import { SessionDialogsOnDemand } from './session-dialogs-on-demand.js';
import { SessionHeader } from './session-header.js';
import type { SessionHost, SessionView } from './session-host.js';
import { SessionHistoryView } from './session-history-view.js';
import { SessionNotice } from './session-notice.js';
import { SessionReadMarker } from './session-read-marker.js';
import { SessionSidePanel } from './session-side-panel.js';
import { SessionToolbar, type SessionTool } from './session-toolbar.js';

/** Below this width (rem) the side panel is a drawer over the conversation, opened from the toolbar. */
const DRAWER_BELOW_REM = 40;

/**
 * @summary One conversation for an agent: the contact with the session's times and WhatsApp window,
 * the transcript (paged back on scroll), a composer with files and canned responses, the session's
 * actions (template, history, contact, tags, transfer, invite, other channels, call, park, finish)
 * and a side panel with the contact's gallery, notes and the protocol.
 *
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`.
 * @event conecta-session-finished - The agent finished the session. `detail: {session, contact}`.
 * @event conecta-session-selected - The agent chose an open session of the contact on another channel,
 * for the host to open. `detail: {session, contact}`. (An earlier session chosen from the history, or a
 * finished one on another channel, opens here, read-only, over the current one: the host's session does not change.)
 * @event conecta-call-request - The agent asked to call the contact, for a CRM or PBX to place the
 * call. `detail: {phone, extension, session, contact}`.
 * @event conecta-contact-edit - Cancelable: the agent asked to edit the contact. Unless prevented, a
 * dialog with `<conecta-contact-form>` opens. `detail: {contact, session}`.
 *
 * @csspart base - The whole element.
 * @csspart header - Contact, times, tags, status and the Finish button.
 * @csspart times - Time since the session began, since the contact's last message, and the window.
 * @csspart window - The WhatsApp conversation window's remaining time.
 * @csspart tags - The session's tags; each is a `tag`.
 * @csspart copy-button - Copies the protocol.
 * @csspart status - The session's status badge.
 * @csspart rating - The contact's rating, once given: `stars` (one image named "4 de 5 estrelas", each a `star`, `on` when
 * filled) and the `rating-comment`.
 * @csspart toolbar - The session's frequent actions, on one row at any width: each an icon button (`tool`, its name in a
 * tooltip, shown beside the icon where the session is wide); `more-button` opens the rest (`tools-menu`, each a `menu-item`);
 * where the side panel is a drawer (below 40rem), `panel-button` opens it.
 * @csspart panel-close - Closes the side panel's drawer (also Escape).
 * @csspart finish-button - The Finish button.
 * @csspart confirm - The inline confirmation shown before finishing.
 * @csspart transcript - The scrolling list of messages (`role="log"`).
 * @csspart day-separator - The date before each day's first message.
 * @csspart message - A message; also `own`, `other` or `system`.
 * @csspart message-status - Delivery status of the agent's own message.
 * @csspart retry-button - Sends a failed message again (only where a retry can succeed); `failure-reason` says why it failed.
 * @csspart attachment - A file in a message; `image`, `audio`, `video` for media.
 * @csspart link - A link found in a message.
 * @csspart typing - The "is typing" indicator.
 * @csspart composer - The form to write a message; `character-count` counts its length near the limit.
 * @csspart input - The message textarea.
 * @csspart attach-button - Opens the file picker.
 * @csspart uploads - Files being uploaded or attached; each is an `upload`.
 * @csspart canned-list - The canned responses opened by `/`.
 * @csspart send-button - The Send button.
 * @csspart window-closed - What replaces the composer when the WhatsApp window is closed.
 * @csspart dialog - Every dialog; also `template-dialog`, `history-dialog`, `transfer-dialog`, …
 * @csspart session-list - A dialog's list of sessions; in "other channels" also `open-sessions` and `finished-sessions`.
 * @csspart more-finished-button - In "other channels": loads older finished sessions.
 * @csspart open-only - In "other channels": says only the open sessions are listed (no history permission).
 * @csspart side-panel - The side panel (gallery, notes, protocol): beside the conversation, or below 40rem of the
 * element's width a drawer over it.
 * @csspart tab - A tab of the side panel.
 * @csspart connection - The notice shown while the client is not connected.
 * @csspart auth-ended - The alert shown instead when the agent's sign-in ended (expired, revoked, deactivated) and could not be renewed.
 * @csspart earlier-session - An earlier session opened from the history (or a finished one from "other channels"), read-only, in place of the current one.
 * @csspart back-button - Goes back from the earlier session to the current one (also Escape).
 * @csspart read-only - Says the earlier session (or, with `read-only`, the session itself) cannot be written to.
 * @csspart current-news - Says the contact wrote in the current session while an earlier one is shown.
 *
 * @cssproperty --conecta-session-height - The element's height (default `32rem`).
 * @cssproperty --conecta-session-side-panel-width - The side panel's width (default `16rem`).
 * @cssproperty --conecta-session-star-color - Filled rating stars (default amber `#b26b00`).
 * @cssproperty --conecta-message-background - Background of others' messages.
 * @cssproperty --conecta-message-own-background - Background of the agent's own messages.
 *
 * @cssstate offline - The client is not connected (or there is none yet).
 * @cssstate connecting - The client is connecting.
 * @cssstate auth-ended - The agent's sign-in ended and could not be renewed.
 */
export class ConectaSession extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, transcriptStyles, underlinedTabStyles, sessionStyles];

  /** The session shown; setting it loads the session and follows it. */
  @property({ attribute: 'session-id', reflect: true }) sessionId = '';

  /**
   * Shows the session without its tools, its composer and its finish button: a past session opened
   * from a contact's history (`<conecta-contact-history>`). The transcript, header and side panel stay.
   */
  @property({ type: Boolean, attribute: 'read-only', reflect: true }) readOnly = false;

  /** Hides the side panel (gallery, notes, protocol), for small hosts. */
  @property({ type: Boolean, attribute: 'without-side-panel', reflect: true }) withoutSidePanel = false;

  @state() private loading = false;
  @state() private loadError = '';
  @state() private historyLoaded = false;
  @state() private loadingOlder = false;
  /** Whether the side panel's drawer is open (only where the panel is a drawer). */
  @state() private panelOpen = false;

  private readonly view = new StoreSelection<SessionView>(this, (s) => {
    const session = selectSession(s, this.sessionId);
    return {
      session,
      contact: selectContact(s, session?.contactId),
      messages: selectMessages(s, this.sessionId),
      me: s.me,
      catalog: s.catalog,
      hasOlder: s.hasOlder[this.sessionId] ?? false,
      typing: s.typing[this.sessionId] ?? noTyping,
      notes: session ? s.notes[session.contactId] : undefined,
    };
  });
  private readonly clock = new ClockController(this);
  private readonly scroller = new AutoScrollController(this, () => this.renderRoot.querySelector<HTMLElement>('[role="log"]'));

  /** What the private parts see of this element. */
  readonly #host: SessionHost = (() => {
    const element = this;
    return this.partHost<SessionHost>({
      get view() {
        return element.view.value;
      },
      get sessionId() {
        return element.sessionId;
      },
      get now() {
        return element.clock.now;
      },
      notify: (text: string) => element.#notice.show(text),
      showEarlier: (session, returnFocusTo) => void element.#earlier.show(session, returnFocusTo),
    });
  })();
  readonly #header = new SessionHeader(this.#host);
  readonly #notice = new SessionNotice(this.#host);
  readonly #composer = new SessionComposer(this.#host);
  readonly #dialogs = new SessionDialogsOnDemand(this.#host);
  readonly #sidePanel = new SessionSidePanel(this.#host, this.#header);
  readonly #toolbar = new SessionToolbar(this.#host);
  readonly #width = new NarrowWidthController(this, DRAWER_BELOW_REM);
  readonly #earlier = new SessionHistoryView(this.#host);

  /** What was last opened: a session is loaded once per client, not on every render. */
  #opened: { client: unknown; sessionId: string } | null = null;
  #catalogFor: unknown = null;

  constructor() {
    super();
    this.clientController.subscribe(() => this.#open());
    // It works on its own (observes the transcript, marks read): nothing here calls it.
    new SessionReadMarker(this.#host);
  }

  // A dialog's chunk, the first time one opens: render once it is here.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.#dialogs.loading;
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('sessionId')) {
      this.#header.reset();
      this.#notice.clear();
      this.#composer.reset();
      this.#dialogs.close();
      this.#earlier.close();
      this.#toolbar.close();
      this.panelOpen = false;
      this.#open();
    }
  }

  /** Load the session (once per session id and client) and follow it; the catalog once per client. */
  async #open(): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    if (!client || !sessionId) return;
    if (this.#catalogFor !== client && !client.store.state.catalog) {
      this.#catalogFor = client;
      client.loadCatalog().catch(() => undefined); // the toolbar's dialogs say what is missing
    }
    if (this.#opened?.client === client && this.#opened.sessionId === sessionId) return;
    this.#opened = { client, sessionId };
    this.loading = true;
    this.loadError = '';
    this.historyLoaded = false;
    try {
      await client.openSession(sessionId);
    } catch (error) {
      if (this.sessionId === sessionId) this.loadError = this.errorMessage(error);
    } finally {
      if (this.sessionId === sessionId) {
        this.loading = false;
        this.historyLoaded = true;
      }
    }
  }

  /** Send the composer's text and files (as Enter does). Returns whether something was sent. */
  send(): boolean {
    if (this.#disabledReason()) return false;
    const sent = this.#composer.send();
    if (sent) this.scroller.scrollToEnd();
    return sent;
  }

  /** Open one of the session's dialogs, as its toolbar button does. */
  openDialog(kind: SessionDialog): void {
    this.#dialogs.show(kind, null);
  }

  #onScroll = (event: Event): void => {
    const log = event.currentTarget as HTMLElement;
    if (log.scrollTop > 40 || this.loadingOlder || !this.view.value.hasOlder || !this.historyLoaded) return;
    void this.#loadOlder(log);
  };

  async #loadOlder(log: HTMLElement): Promise<void> {
    const client = this.client;
    if (!client) return;
    const sessionId = this.sessionId;
    const fromBottom = log.scrollHeight - log.scrollTop;
    this.loadingOlder = true;
    try {
      await client.loadOlder(sessionId);
    } catch (error) {
      this.#notice.show(this.errorMessage(error));
    } finally {
      this.loadingOlder = false;
    }
    await this.updateComplete;
    // Keep the message that was at the top where it was: the older ones grow above it.
    if (this.sessionId === sessionId) log.scrollTop = log.scrollHeight - fromBottom;
  }

  async #command(action: 'session.park' | 'session.leave', notice: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await client.command(action, { sessionId: this.sessionId });
      this.#notice.show(notice);
    } catch (error) {
      this.#notice.show(this.errorMessage(error));
    }
  }

  #requestCall(): void {
    const { session, contact, me } = this.view.value;
    if (!session || !contact?.phone) return;
    this.dispatchEvent(new CallRequestEvent({ phone: contact.phone, extension: me?.extension ?? null, session, contact }));
  }

  #editContact(opener: EventTarget | null): void {
    const { session, contact } = this.view.value;
    if (!session || !contact) return;
    if (this.dispatchEvent(new ContactEditEvent({ contact, session }))) this.#dialogs.show('contact', opener);
  }

  /** Whether the agent is one of the session's invited collaborators (not its owner). */
  #isInvited(): boolean {
    const { session, me } = this.view.value;
    return !!me && !!session?.invitedAgentIds.includes(me.id);
  }

  /** Whether the agent may write and act in the session now. */
  #canAct(): boolean {
    const { session, me } = this.view.value;
    return session?.status === 'active' && !!me && (session.agentId === me.id || this.#isInvited());
  }

  #disabledReason(): string {
    const t = this.localize.t.session;
    const status = this.view.value.session?.status;
    if (status === 'waiting') return t.disabledWaiting;
    if (status === 'finished') return t.disabledFinished;
    if (status === 'pending') return t.disabledPending;
    return '';
  }

  #windowClosed(): boolean {
    const session = this.view.value.session;
    if (!session || session.status !== 'active') return false;
    return isWindowClosed(session, this.clock.now);
  }

  #isOwn = (message: ClientMessage): boolean => {
    const me = this.view.value.me;
    return message.authorKind === 'agent' && !!me && message.authorId === me.id;
  };

  /** Whether the session has (or had) more than one agent: then every agent message is signed. */
  #collaborative(): boolean {
    const { session, messages } = this.view.value;
    return (
      (session?.invitedAgentIds.length ?? 0) > 0 ||
      messages.some((message) => message.system?.type === 'invited' || (message.authorKind === 'agent' && !this.#isOwn(message)))
    );
  }

  /** The frequent actions (icon buttons) and the rest (the "more" menu). */
  #tools(): { frequent: SessionTool[]; more: SessionTool[] } {
    const tools = this.localize.t.sessionTools;
    const { session, contact, me } = this.view.value;
    const owner = !!session && !!me && session.agentId === me.id && session.status === 'active';
    const canAct = this.#canAct();
    const open = (kind: SessionDialog) => (opener: HTMLElement | null) => this.#dialogs.show(kind, opener);
    const frequent: SessionTool[] = [
      { name: 'template', label: tools.sendTemplate, icon: fileText, enabled: canAct, run: open('template') },
      { name: 'history', label: tools.history, icon: history, enabled: !!contact, run: open('history') },
      { name: 'contact', label: tools.editContact, icon: userPen, enabled: !!contact, run: (opener) => this.#editContact(opener) },
      { name: 'tags', label: tools.tags, icon: tag, enabled: canAct, run: open('tags') },
      { name: 'transfer', label: tools.transfer, icon: arrowRightLeft, enabled: owner, run: open('transfer') },
    ];
    const more: SessionTool[] = [
      { name: 'invite', label: tools.invite, icon: userPlus, enabled: owner, run: open('invite') },
      { name: 'channels', label: tools.otherChannels, icon: messagesSquare, enabled: !!contact, run: open('channels') },
      {
        name: 'call',
        label: tools.call,
        icon: phone,
        enabled: !!contact?.phone,
        ariaLabel: contact?.phone ? tools.callLabel(contact.phone) : undefined,
        run: () => this.#requestCall(),
      },
      { name: 'park', label: tools.park, icon: circlePause, enabled: owner, run: () => this.#command('session.park', tools.parked) },
    ];
    if (this.#isInvited() && session?.status !== 'finished')
      more.push({ name: 'leave', label: tools.leave, icon: logOut, enabled: true, run: () => this.#command('session.leave', tools.left) });
    return { frequent, more };
  }

  #renderToolbar() {
    const { session, me } = this.view.value;
    if (!session || !me) return nothing;
    const { frequent, more } = this.#tools();
    const drawer = this.#drawer();
    return this.#toolbar.render(frequent, more, {
      show: drawer,
      open: this.panelOpen,
      toggle: () => this.#togglePanel(),
    });
  }

  /** Whether the side panel is a drawer over the conversation (the session is too narrow for both). */
  #drawer(): boolean {
    return this.#width.narrow && !this.withoutSidePanel;
  }

  #togglePanel(open = !this.panelOpen): void {
    this.panelOpen = open;
    if (open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="panel-close"]')?.focus());
    else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="panel-button"]')?.focus());
  }

  #renderTyping() {
    const typing = this.view.value.typing;
    if (!typing.length) return html`<p part="typing" class="typing" role="status"></p>`;
    return html`<p part="typing" class="typing" role="status">
      ${typing.map((who) => this.localize.t.session.typing(who.authorName)).join(' ')}
    </p>`;
  }

  #renderWindowClosed() {
    const tools = this.localize.t.sessionTools;
    return html`<div part="window-closed" class="window-closed">
      <p id="window-closed-reason">${tools.windowClosedReason}</p>
      <button class="primary" part="template-button" aria-describedby="window-closed-reason"
        @click=${(event: Event) => this.#dialogs.show('template', event.currentTarget)}>${tools.sendTemplate}</button>
    </div>`;
  }

  protected override render() {
    const t = this.localize.t;
    const { session, contact, messages, me, hasOlder } = this.view.value;
    if (!this.sessionId) {
      return html`<div part="base">${this.renderConnection()}<p class="placeholder">${t.session.none}</p></div>`;
    }
    const collaborative = this.#collaborative();
    const drawer = this.#drawer();
    const layout = this.withoutSidePanel ? 'single' : drawer ? 'with-panel drawer' : 'with-panel';
    return html`<section part="base" class=${layout}
        aria-label=${contact?.name ?? t.session.transcript} aria-busy=${this.loading ? 'true' : 'false'}>
        <div class="main" ?hidden=${this.#earlier.open}>
          ${this.renderConnection()} ${this.#header.render()}
          ${this.readOnly ? html`<p class="notice" part="read-only">${t.earlierSession.readOnlyHere}</p>` : this.#renderToolbar()}
          ${this.#isInvited() ? html`<p class="notice invited">${t.sessionTools.youAreInvited}</p>` : nothing}
          ${this.#notice.render()}
          ${this.loading && !session ? html`<p class="placeholder" role="status">${t.common.loading}</p>` : nothing}
          ${this.loadError ? html`<p class="error placeholder" role="alert">${this.loadError}</p>` : nothing}
          ${
            session
              ? renderTranscript({
                  repeat,
                  messages,
                  localize: this.localize,
                  words: t.session,
                  isOwn: this.#isOwn,
                  // An agent's own messages are named only where others write too.
                  authorName: (message) => {
                    if (!this.#isOwn(message)) return message.authorName;
                    return message.authorKind !== 'agent' || collaborative ? (me?.nickname ?? message.authorName ?? t.common.you) : '';
                  },
                  fileUrl: (attachment) => this.client?.fileUrl(attachment) ?? attachment.url,
                  label: t.session.transcript,
                  live: this.historyLoaded ? 'polite' : 'off',
                  onRetry: (message) => this.client?.retryMessage(message.sessionId, message.id),
                  busy: this.loadingOlder,
                  before: renderPagingStatus({ hasOlder, loading: this.loadingOlder }, t.session, messages.length > 0),
                  onScroll: this.#onScroll,
                  now: this.clock.now,
                })
              : nothing
          }
          ${session && !this.readOnly ? this.#renderTyping() : nothing}
          ${!session || this.readOnly ? nothing : this.#windowClosed() ? this.#renderWindowClosed() : this.#composer.render(this.#disabledReason())}
        </div>
        ${this.#earlier.render()}
        ${
          session && !this.withoutSidePanel
            ? this.#sidePanel.render(drawer ? { open: this.panelOpen, close: () => this.#togglePanel(false) } : null)
            : nothing
        }
      </section>
      ${this.#dialogs.render()}`;
  }
}

const noTyping: readonly never[] = [];

define('conecta-session', ConectaSession);

export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'conecta-session': ConectaSession;
  }
}
