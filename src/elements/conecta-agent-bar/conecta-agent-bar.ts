import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { loggedInTodayAt } from '../../client/availability-reducers.js';
import type { ProfileChanges } from '../../client/api.js';
import type { ConectaState } from '../../client/state.js';
import ellipsisVertical from 'lucide/dist/esm/icons/ellipsis-vertical.mjs';
import { ClockController } from '../../controllers/clock.js';
import { NarrowWidthController } from '../../controllers/narrow-width.js';
import { icon } from '../../icons/icon.js';
import { StoreSelection } from '../../controllers/store-selection.js';
import { read, site, write } from '../../dom/browser-storage.js';
import type { AgentStats } from '../../protocol/entities.js';
import { agentControlStyles } from '../../styles/agent-controls.js';
import { hostStyles } from '../../styles/host.js';
import { ConectaAgentElement, define } from '../conecta-agent-element.js';
import { initialsOf } from './agent-identity.js';
import { agentBarStyles } from './conecta-agent-bar.styles.js';
import { indicatorOf } from './connection-indicator.js';
import { LanguageChangedEvent } from '../conecta-login/events.js';
import { AlertsChangedEvent, LogoutEvent } from './events.js';
import { languageOf } from '../../i18n/language.js';
import { overLimitBy, renderPauseControl } from './pause-control.js';
import { idleProfileDialog, type ProfileDialogState } from './profile-dialog-state.js';
import type * as ProfileDialog from './profile-dialog.js';

/** The agent's choice of sound and notifications, kept for the site (every tab, every visit). */
const ALERTS_KEY = 'conecta-elements:alerts';
/** Below this width (rem) of its own, the bar keeps who, the connection and the pause in view, the rest behind a button. */
const COMPACT_BELOW_REM = 40;
/** How often the counters are asked again: they are the server's, not counted here. */
const STATS_EVERY_MS = 30_000;
/** How soon after the desk saw a session move (waiting, accepted, finished) they are asked again: at most this often. */
const STATS_AFTER_CHANGE_MS = 2_000;
/** The profile dialog, a chunk of its own (agents open it rarely): its module once loaded, and its load. */
let profileDialogModule: typeof ProfileDialog | null = null;
let profileDialogLoading: Promise<unknown> | null = null;

type Permission = NotificationPermission | 'unsupported';

/**
 * @summary The agent's bar: name, nickname and photo; the connection (green, amber, red, each with what
 * to check); time logged in today; pauses (type, countdown, a warning past the limit, end); sound and
 * notifications; counters (with the statistics permission); the profile dialog; logout.
 *
 * @event conecta-logout - The agent logged out (token revoked, client closed): show the login.
 * @event conecta-alerts-changed - Sound and notifications turned on or off. `detail: {enabled}`.
 * @event conecta-language-changed - The agent chose a language in the profile (saved on the server): the page may apply it. `detail: {language}`.
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`.
 *
 * @csspart base - The whole bar.
 * @csspart identity - Photo (or initials), name and nickname.
 * @csspart photo - The photo or the initials.
 * @csspart indicator - The connection indicator (its tooltip is part `indicator-tip`).
 * @csspart logged-in - Time logged in today.
 * @csspart state - The agent's state when not paused (available, away…).
 * @csspart pause - The pause control.
 * @csspart pause-time - The pause's countdown.
 * @csspart pause-warning - The warning past the pause's limit.
 * @csspart alerts - The sound and notifications switch.
 * @csspart stats - The counters.
 * @csspart profile-button - Opens the profile dialog (part `profile-dialog`).
 * @csspart logout-button - Logs out.
 * @csspart more-button - Where the bar is narrow (below 40rem of its own width): shows or hides the
 * time logged in, the state, the counters, sound and notifications, the profile and logout (part `more`).
 *
 * @cssproperty --conecta-agent-bar-connected-color - The connection indicator when connected (default: the success colour).
 * @cssproperty --conecta-agent-bar-reconnecting-color - The indicator while reconnecting (default: the warning colour).
 * @cssproperty --conecta-agent-bar-offline-color - The indicator when the server cannot be reached (default: the danger colour).
 *
 * @cssstate connected - Connected to the server.
 * @cssstate reconnecting - Reconnecting, no attempt failed yet.
 * @cssstate unreachable - The server cannot be reached.
 * @cssstate paused - The agent is on a pause.
 * @cssstate over-limit - The pause is past its limit.
 */
export class ConectaAgentBar extends ConectaAgentElement {
  static override styles = [hostStyles, agentControlStyles, agentBarStyles];

  @state() private alerts = read(site, ALERTS_KEY) === 'on';
  @state() private permission: Permission = typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  @state() private pauseBusy = false;
  @state() private pauseError = '';
  @state() private profileOpen = false;
  @state() private profile: ProfileDialogState = idleProfileDialog;
  /** Where narrow: whether the less frequent items are shown. */
  @state() private moreOpen = false;
  readonly #width = new NarrowWidthController(this, COMPACT_BELOW_REM);

  private readonly clock = new ClockController(this);
  private readonly me = new StoreSelection(this, (s) => s.me, Object.is);
  private readonly availability = new StoreSelection(this, (s) => s.availability ?? null, Object.is);
  private readonly loggedIn = new StoreSelection(this, (s) => s.loggedInToday ?? null, Object.is);
  private readonly stats = new StoreSelection(this, (s) => s.stats ?? null, Object.is);
  /** What this desk sees of what the counters count: a change makes them stale. */
  private readonly counted = new StoreSelection(this, countedKey, Object.is);
  private readonly failures = new StoreSelection(this, (s) => s.connectionFailures ?? 0, Object.is);
  /** Only the ended sign-in's alert is shown: the indicator already tells the connection. */
  private readonly authEnded = new StoreSelection(this, (s) => s.authEnded ?? null, Object.is);
  private readonly pauseTypes = new StoreSelection(this, (s) => s.catalog?.pauseTypes ?? [], Object.is);

  /** Whether the agent wants sound and notifications (kept for the site; `conecta-alerts-changed` tells each change). */
  get alertsEnabled(): boolean {
    return this.alerts;
  }

  /** The client whose profile and catalog were asked for: once per client. */
  #loadedFor: unknown = null;
  #statsAt = 0;
  /** `counted` when the counters were last asked for. */
  #statsCounted: string | undefined;

  constructor() {
    super();
    this.clientController.subscribe(() => this.#load());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  /** What the bar needs that another element may not have loaded: the profile, the pause types. */
  async #load(): Promise<void> {
    const client = this.client;
    if (!client || this.#loadedFor === client) return;
    this.#loadedFor = client;
    const { me, catalog } = client.store.state;
    await Promise.all([me ? undefined : client.loadQueue(), catalog ? undefined : client.loadCatalog()]).catch(() => {
      this.#loadedFor = null; // tried again at the next connection
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const indicator = indicatorOf(this.connection.value, this.failures.value);
    this.setState('connected', indicator === 'connected');
    this.setState('reconnecting', indicator === 'reconnecting');
    this.setState('unreachable', indicator === 'offline');
    const availability = this.availability.value;
    this.setState('paused', availability?.state === 'paused');
    this.setState('over-limit', overLimitBy(availability, this.clock.now) > 0);
    const sinceStats = this.clock.now - this.#statsAt;
    const stale = this.#statsCounted !== this.counted.value && sinceStats >= STATS_AFTER_CHANGE_MS;
    if (indicator === 'connected' && this.me.value?.permissions.statistics && (stale || sinceStats >= STATS_EVERY_MS)) {
      this.#statsAt = this.clock.now;
      this.#statsCounted = this.counted.value;
      // A failure waits for the next round, like a success: no retry every second.
      void this.client?.loadStats().catch(() => {});
    }
    if (indicator === 'connected' && !this.#loadedFor) void this.#load();
  }

  async #pause(pauseTypeId: string): Promise<void> {
    await this.#pauseCommand(() => this.client!.pause(pauseTypeId));
  }

  async #resume(): Promise<void> {
    await this.#pauseCommand(() => this.client!.resume());
  }

  async #pauseCommand(run: () => Promise<unknown>): Promise<void> {
    if (!this.client || this.pauseBusy) return;
    this.pauseBusy = true;
    this.pauseError = '';
    try {
      await run();
    } catch (error) {
      this.pauseError = this.errorMessage(error);
    } finally {
      this.pauseBusy = false;
    }
  }

  async #toggleAlerts(): Promise<void> {
    const enabled = !this.alerts;
    // Asked from the click: browsers ignore a permission request without one.
    if (enabled && this.permission === 'default') this.permission = await Notification.requestPermission();
    this.alerts = enabled;
    write(site, ALERTS_KEY, enabled ? 'on' : 'off');
    this.dispatchEvent(new AlertsChangedEvent({ enabled }));
  }

  async #logout(): Promise<void> {
    await this.client?.logout();
    this.dispatchEvent(new LogoutEvent());
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.profileOpen || profileDialogModule || !profileDialogLoading) return super.scheduleUpdate();
    return profileDialogLoading.then(() => super.scheduleUpdate());
  }

  #openProfile(): void {
    // The dialog is a chunk of its own, loaded the first time: the update that shows it waits for it.
    profileDialogLoading ??= import('./profile-dialog.js').then(
      (module) => (profileDialogModule = module),
      () => (profileDialogLoading = null), // offline: the next click tries again
    );
    this.profile = idleProfileDialog;
    this.profileOpen = true;
    this.requestUpdate(); // also after a failed load, when nothing else changed
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  #closeProfile(): void {
    this.renderRoot.querySelector('dialog')?.close();
    if (!this.profileOpen) return;
    this.profileOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=profile-button]')?.focus());
  }

  async #saveProfile(changes: ProfileChanges): Promise<void> {
    this.profile = { ...this.profile, saving: true, saved: false, profileError: '' };
    try {
      const before = this.me.value?.language ?? null;
      const agent = await this.client!.updateProfile(changes);
      this.profile = { ...this.profile, saving: false, saved: true };
      if (agent.language && agent.language !== before)
        this.dispatchEvent(new LanguageChangedEvent({ language: languageOf(agent.language) }));
    } catch (error) {
      this.profile = { ...this.profile, saving: false, profileError: this.errorMessage(error) };
    }
  }

  async #uploadPhoto(file: File): Promise<void> {
    this.profile = { ...this.profile, uploading: true, saved: false, profileError: '' };
    try {
      const attachment = await this.client!.uploadFile(file);
      await this.client!.updateProfile({ photoFileId: attachment.id });
      this.profile = { ...this.profile, uploading: false, saved: true };
    } catch (error) {
      this.profile = { ...this.profile, uploading: false, profileError: this.errorMessage(error) };
    }
  }

  async #changePassword(current: string, next: string, confirmation: string): Promise<void> {
    const t = this.localize.t.agentBar.profile;
    if (next !== confirmation) {
      this.profile = { ...this.profile, passwordChanged: false, passwordError: t.passwordMismatch };
      return;
    }
    this.profile = { ...this.profile, changingPassword: true, passwordChanged: false, passwordError: '' };
    try {
      await this.client!.changePassword(current, next);
      this.renderRoot.querySelector<HTMLFormElement>('.password-form')?.reset();
      this.profile = { ...this.profile, changingPassword: false, passwordChanged: true };
    } catch (error) {
      const fields = (error as { fields?: Record<string, string> }).fields;
      const message = fields
        ? Object.entries(fields)
            .map(([name, problem]) => `${name}: ${problem}`)
            .join(' ')
        : this.errorMessage(error);
      this.profile = { ...this.profile, changingPassword: false, passwordError: message };
    }
  }

  #renderPhoto(name: string, url: string | null) {
    return url
      ? html`<img part="photo" class="photo" src=${url} alt=${this.localize.t.agentBar.photoOf(name)} />`
      : html`<span part="photo" class="photo initials" aria-hidden="true">${initialsOf(name)}</span>`;
  }

  override render() {
    const t = this.localize.t.agentBar;
    const me = this.me.value;
    const indicator = indicatorOf(this.connection.value, this.failures.value);
    const availability = this.availability.value;
    const hint = { connected: t.connection.connectedHint, reconnecting: t.connection.reconnectingHint, offline: t.connection.offlineHint };
    const loggedIn = this.loggedIn.value ? loggedInTodayAt(this.loggedIn.value, this.clock.now) : null;
    const identity = me
      ? html`<div part="identity" class="identity">
          ${this.#renderPhoto(me.name, me.photoUrl)}
          <span class="names">
            <strong class="name">${me.name}</strong>
            ${me.nickname ? html`<span class="nickname">${me.nickname}</span>` : nothing}
          </span>
        </div>`
      : nothing;
    const indicatorView = html`<span part="indicator" class="indicator" data-indicator=${indicator} tabindex="0" role="status"
      aria-describedby="indicator-tip">
      <span class="dot" aria-hidden="true"></span>${t.connection[indicator]}
      <span part="indicator-tip" id="indicator-tip" class="tip" role="tooltip">${hint[indicator]}</span>
    </span>`;
    const times = html`${loggedIn === null ? nothing : html`<span part="logged-in" class="muted">${t.loggedInToday(this.localize.duration(loggedIn))}</span>`}
    ${availability && availability.state !== 'paused' ? html`<span part="state" class="muted">${t.states[availability.state]}</span>` : nothing}`;
    const pause = renderPauseControl({
      t: t.pause,
      availability: this.availability.value,
      pauseTypes: this.pauseTypes.value,
      now: this.clock.now,
      duration: (ms) => this.localize.duration(ms),
      busy: this.pauseBusy || !this.client,
      error: this.pauseError,
      pause: (id) => void this.#pause(id),
      resume: () => void this.#resume(),
    });
    const rest = html`${me?.permissions.statistics && this.stats.value ? this.#renderStats(this.stats.value) : nothing}
      <span class="alerts-box">
        <button part="alerts" type="button" role="switch" aria-checked=${this.alerts ? 'true' : 'false'} @click=${this.#toggleAlerts}>
          ${t.alerts.label}
        </button>
        ${
          this.alerts && this.permission === 'denied'
            ? html`<span class="alerts-help" role="note">${t.alerts.denied}</span>`
            : this.alerts && this.permission === 'unsupported'
              ? html`<span class="alerts-help" role="note">${t.alerts.unsupported}</span>`
              : nothing
        }
      </span>
      <button part="profile-button" type="button" ?disabled=${!me} @click=${this.#openProfile}>${t.profile.open}</button>
      <button part="logout-button" type="button" @click=${this.#logout}>${t.logout}</button>`;
    const narrow = this.#width.narrow;
    const more = this.localize.t.agentBarLayout.more;
    return html`<section part="base" class=${narrow ? 'narrow' : ''} aria-label=${t.label}>
      ${identity} ${indicatorView}
      ${
        narrow
          ? html`<button part="more-button" type="button" class="more-button" title=${more} aria-expanded=${this.moreOpen ? 'true' : 'false'}
              aria-controls="bar-more" @click=${() => (this.moreOpen = !this.moreOpen)}>
              ${icon(ellipsisVertical)}<span class="visually-hidden">${more}</span></button>
            ${pause}
            <div part="more" id="bar-more" class="more" ?hidden=${!this.moreOpen} @keydown=${this.#onMoreKeydown}>${times} ${rest}</div>`
          : html`${times} ${pause} ${rest}`
      }
      ${this.authEnded.value ? this.renderConnection() : nothing}
      ${
        this.profileOpen && me && profileDialogModule
          ? profileDialogModule.renderProfileDialog({
              t: t.profile,
              languageNames: this.localize.t.login.languageNames,
              me,
              state: this.profile,
              photo: (url) => this.#renderPhoto(me.name, url),
              save: (changes) => void this.#saveProfile(changes),
              upload: (file) => void this.#uploadPhoto(file),
              changePassword: (current, next, confirmation) => void this.#changePassword(current, next, confirmation),
              close: () => this.#closeProfile(),
            })
          : nothing
      }
    </section>`;
  }

  /** Escape in the narrow bar's "more" items hides them and gives focus back to their button. */
  #onMoreKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.moreOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="more-button"]')?.focus());
  };

  #renderStats(stats: AgentStats) {
    const t = this.localize.t.agentBar.stats;
    const rating =
      stats.averageRating === null
        ? t.noRating
        : t.ratingValue(
            new Intl.NumberFormat(this.localize.locale, { maximumFractionDigits: 1 }).format(stats.averageRating),
            stats.ratingCount,
          );
    return html`<dl part="stats" class="stats" aria-label=${t.label}>
      <div><dt>${t.waiting}</dt><dd>${stats.waiting}</dd></div>
      <div><dt>${t.inService}</dt><dd>${stats.inService}</dd></div>
      <div><dt>${t.finishedToday}</dt><dd>${stats.finishedToday}</dd></div>
      <div><dt>${t.averageRating}</dt><dd>${rating}</dd></div>
    </dl>`;
  }
}

define('conecta-agent-bar', ConectaAgentBar);

export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'conecta-agent-bar': ConectaAgentBar;
  }
}

/**
 * The sessions this desk holds, by status, and the waiting counts the server sent: when it changes
 * (a session waits, is accepted, finishes), the counters beside the queue's would disagree with it
 * for up to STATS_EVERY_MS.
 */
function countedKey(state: ConectaState): string {
  const byStatus: Record<string, number> = {};
  for (const session of Object.values(state.sessions)) byStatus[session.status] = (byStatus[session.status] ?? 0) + 1;
  const waiting = state.waitingQueue ? Object.values(state.waitingQueue.counts).join(',') : '';
  return `${JSON.stringify(byStatus)}|${waiting}`;
}
