import { html, nothing, type ReactiveController } from 'lit';
import { windowClosesAt } from '../../protocol/index.js';
import type { SessionHost } from './session-host.js';

/** How long "copied" stays said (ms). */
const COPY_STATUS_MS = 3000;

/**
 * The header's information: contact name and phone, the protocol (with a copy button), the ticking
 * times, the window countdown and the tags. It owns the copy status, which the side panel's protocol
 * tab shares: a copy says so politely, and the status clears after a few seconds.
 */
export class SessionHeader implements ReactiveController {
  /** "Copied" or "could not copy", or '' once it has been said long enough. */
  copyStatus = '';
  #copyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
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

  renderInfo() {
    const host = this.host;
    const t = host.localize.t;
    const tools = t.sessionTools;
    const { session, contact, catalog } = host.view;
    if (!session) return nothing;
    const now = host.now;
    const closesAt = windowClosesAt(session);
    const tags = (catalog?.tags ?? []).filter((tag) => session.tagIds.includes(tag.id));
    return html`<div class="title">
        <h2>${contact?.name ?? t.queue.unknownContact}</h2>
        <span class="muted">
          ${contact?.phone ? html`<span class="phone">${contact.phone}</span> ·` : nothing}
          <span class="channel">${t.channels[session.channel]}</span>
        </span>
        <span class="muted protocol-row">
          <span class="protocol">${t.session.protocol(session.protocol)}</span>
          <button class="link" part="copy-button" @click=${() => this.copy(session.protocol)}>${tools.copyProtocol}</button>
          <span class="copy-status" role="status">${this.copyStatus}</span>
        </span>
      </div>
      <p class="times muted" part="times">
        <span class="started">${tools.startedAgo(host.localize.duration(now - (session.acceptedAt ?? session.createdAt)))}</span>
        <span class="last-inbound">${session.lastInboundAt
          ? tools.lastInboundAgo(host.localize.duration(now - session.lastInboundAt))
          : tools.noInbound}</span>
        ${closesAt !== null
          ? html`<span class="window ${closesAt > now ? 'open' : 'closed'}" part="window">
              ${closesAt > now ? tools.windowOpen(host.localize.duration(closesAt - now)) : tools.windowClosed}</span>`
          : nothing}
      </p>
      ${tags.length
        ? html`<ul class="tags" part="tags" aria-label=${tools.tagsLabel}>
            ${tags.map((tag) => html`<li part="tag" class="tag" data-color=${tag.color}>
              <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill=${tag.color}></circle></svg>
              ${tag.name}</li>`)}
          </ul>`
        : nothing}`;
  }
}
