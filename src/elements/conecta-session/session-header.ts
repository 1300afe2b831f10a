import { html, nothing, type ReactiveController } from 'lit';
import copy from 'lucide/dist/esm/icons/copy.mjs';
import { icon } from '../../icons/icon.js';
import { channelIcon } from '../../icons/channel-icon.js';
import { avatar } from '../avatar.js';
import { CommandController } from '../../controllers/command.js';
import { ConfirmationController } from '../../controllers/confirmation.js';
import { windowClosesAt } from '../../protocol/index.js';
import { SessionFinishedEvent } from './events.js';
import type { SessionHost } from './session-host.js';
import { renderSessionRating } from './session-rating.js';

/** How long "copied" stays said (ms). */
const COPY_STATUS_MS = 3000;

/**
 * The header: contact name and phone, the protocol (with a copy button), the ticking times, the
 * window countdown, the tags, the status and Finish (asked inline before it is done). It owns the
 * copy status, which the side panel's protocol tab shares: a copy says so politely, and the status
 * clears after a few seconds.
 */
export class SessionHeader implements ReactiveController {
  /** "Copied" or "could not copy", or '' once it has been said long enough. */
  copyStatus = '';
  #copyTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #confirmFinish: ConfirmationController;
  readonly #finish: CommandController<[string], void>;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
    this.#confirmFinish = new ConfirmationController(host, {
      confirmControl: () => host.query<HTMLElement>('[part="confirm"] button.danger'),
      opener: () => host.query<HTMLElement>('[part="finish-button"]'),
    });
    this.#finish = new CommandController<[string], void>(host, {
      run: async (sessionId) => {
        const result = await host.client!.command('session.finish', { sessionId });
        this.#confirmFinish.close();
        host.dispatch(new SessionFinishedEvent({ session: result.session, contact: result.contact }));
      },
      errorMessage: (error) => host.errorMessage(error),
    });
  }

  /** Another session was opened: no question or failure of the previous one stays. */
  reset(): void {
    this.#confirmFinish.close();
    this.#finish.clear();
  }

  hostDisconnected(): void {
    clearTimeout(this.#copyTimer);
    this.copyStatus = '';
  }

  /** Copy a text (the protocol) to the clipboard and say whether it worked. */
  async copy(text: string): Promise<void> {
    const t = this.host.localize.t.sessionTools;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = t.copied;
    } catch {
      this.copyStatus = t.copyFailed;
    }
    this.host.requestUpdate();
    clearTimeout(this.#copyTimer);
    this.#copyTimer = setTimeout(() => {
      this.copyStatus = '';
      this.host.requestUpdate();
    }, COPY_STATUS_MS);
  }

  /** Ask before finishing; a failure of an earlier try is not shown again. */
  #askFinish(): void {
    this.#finish.clear();
    void this.#confirmFinish.ask();
  }

  render() {
    const t = this.host.localize.t;
    const { session, me } = this.host.view;
    if (!session) return nothing;
    const canFinish = (session.status === 'active' || session.status === 'pending') && session.agentId === me?.id;
    const asking = this.#confirmFinish.asking;
    const finishing = this.#finish.pending();
    const finishError = this.#finish.error();
    return html`<header part="header">
      ${this.#renderInfo()}
      ${
        canFinish && !asking
          ? html`<button part="finish-button" class="danger" @click=${() => this.#askFinish()}>${t.session.finish}</button>`
          : nothing
      }
      ${this.#renderTimes()} ${this.#renderTags()} ${renderSessionRating(this.host.localize, session)}
      ${
        asking
          ? html`<div part="confirm" role="group" aria-labelledby="finish-question" @keydown=${this.#confirmFinish.onKeydown}>
            <span id="finish-question">${t.session.finishQuestion}</span>
            <button class="danger" ?disabled=${finishing} aria-busy=${finishing ? 'true' : 'false'}
              @click=${() => this.host.client && this.#finish.run(session.id)}>
              ${finishing ? t.session.finishing : t.session.finishConfirm}
            </button>
            <button ?disabled=${finishing} @click=${() => this.#confirmFinish.cancel()}>${t.common.cancel}</button>
            ${finishError ? html`<p class="error" role="alert">${finishError}</p>` : nothing}
          </div>`
          : nothing
      }
    </header>`;
  }

  /** Name and status on one line; channel, phone and protocol (with its copy button) on the next. */
  #renderInfo() {
    const t = this.host.localize.t;
    const tools = t.sessionTools;
    const { session, contact } = this.host.view;
    if (!session) return nothing;
    const name = contact?.name ?? t.queue.unknownContact;
    return html`${avatar({ name, size: 'l' })}<div class="title">
      <div class="name-row">
        <h2>${name}</h2>
        <span part="status" data-status=${session.status}>${t.statuses[session.status]}</span>
      </div>
      <span class="muted protocol-row">
        ${contact?.phone ? html`<span class="phone">${contact.phone}</span> ·` : nothing}
        <span class="channel">${channelIcon(session.channel)} ${t.channels[session.channel]}</span> ·
        <span class="protocol">${t.session.protocol(session.protocol)}</span>
        <button class="icon-button copy" part="copy-button" title=${tools.copyProtocol} @click=${() => this.copy(session.protocol)}>
          ${icon(copy)}<span class="visually-hidden">${tools.copyProtocol}</span>
        </button>
        <span class="copy-status" role="status">${this.copyStatus}</span>
      </span>
    </div>`;
  }

  #renderTimes() {
    const host = this.host;
    const tools = host.localize.t.sessionTools;
    const session = host.view.session;
    if (!session) return nothing;
    const now = host.now;
    const closesAt = windowClosesAt(session);
    return html`<p class="times muted" part="times">
      <span class="started">${tools.startedAgo(host.localize.duration(now - (session.acceptedAt ?? session.createdAt)))}</span>
      <span class="last-inbound">${
        session.lastInboundAt ? tools.lastInboundAgo(host.localize.duration(now - session.lastInboundAt)) : tools.noInbound
      }</span>
      ${
        closesAt !== null
          ? html`<span class="window ${closesAt > now ? 'open' : 'closed'}" part="window">
            ${closesAt > now ? tools.windowOpen(host.localize.duration(closesAt - now)) : tools.windowClosed}</span>`
          : nothing
      }
    </p>`;
  }

  #renderTags() {
    const { session, catalog } = this.host.view;
    if (!session) return nothing;
    const tags = (catalog?.tags ?? []).filter((tag) => session.tagIds.includes(tag.id));
    if (!tags.length) return nothing;
    return html`<ul class="tags" part="tags" aria-label=${this.host.localize.t.sessionTools.tagsLabel}>
      ${tags.map(
        (tag) => html`<li part="tag" class="tag" data-color=${tag.color}>
        <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill=${tag.color}></circle></svg>
        ${tag.name}</li>`,
      )}
    </ul>`;
  }
}
