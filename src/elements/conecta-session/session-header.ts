import { html, nothing } from 'lit';
import { windowClosesAt } from '../../protocol/index.js';
import type { SessionHost } from './session-host.js';

/** Copies a text (the protocol) and says so politely; the status clears after a few seconds. */
export class CopyStatus {
  status = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly host: SessionHost) {}

  async copy(text: string): Promise<void> {
    const t = this.host.localize.t.sessionTools;
    try {
      await navigator.clipboard.writeText(text);
      this.status = t.copied;
    } catch {
      this.status = t.copyFailed;
    }
    this.host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.status = '';
      this.host.requestUpdate();
    }, 3000);
  }
}

/** Contact name and phone, protocol (copy), the ticking times, the window countdown, the tags. */
export function renderHeaderInfo(host: SessionHost, copy: CopyStatus) {
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
        <button class="link" part="copy-button" @click=${() => copy.copy(session.protocol)}>${tools.copyProtocol}</button>
        <span class="copy-status" role="status">${copy.status}</span>
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
