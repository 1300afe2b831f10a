import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChannelKind, Session } from '../../protocol/index.js';
import type { FormView } from './form-view.js';

/** One channel the contact was served on: its kind and instance, and when it was last used. */
export interface LinkedChannel {
  channel: ChannelKind;
  channelKey: string;
  lastAt: number;
}

/** The contact's sessions → its channels, the most recently used first. */
export function linkedChannels(sessions: readonly Session[]): LinkedChannel[] {
  const byChannel = new Map<string, LinkedChannel>();
  for (const session of sessions) {
    const key = `${session.channel}\u0000${session.channelKey}`;
    const lastAt = session.lastMessageAt ?? session.createdAt;
    const known = byChannel.get(key);
    if (!known || known.lastAt < lastAt) byChannel.set(key, { channel: session.channel, channelKey: session.channelKey, lastAt });
  }
  return [...byChannel.values()].sort((a, b) => b.lastAt - a.lastAt);
}

export interface SocialTabView extends FormView {
  /** No contact yet (a new one): nothing can be linked. */
  isNew: boolean;
  channels: { list: LinkedChannel[]; loading: boolean; error: string };
  channelName(kind: ChannelKind): string;
  dateTime(timestamp: number): string;
  loadingText: string;
}

/** The "Redes sociais" tab: read only, the channels the contact has been served on. */
export function renderSocialTab(view: SocialTabView): TemplateResult {
  const t = view.t;
  if (view.isNew) return html`<p class="empty">${t.socialNew}</p>`;
  const { list, loading, error } = view.channels;
  return html`<p class="hint">${t.socialIntro}</p>
    ${loading ? html`<p class="status" role="status"><span class="spinner" aria-hidden="true"></span> ${view.loadingText}</p>` : nothing}
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    ${!loading && !error && !list.length ? html`<p class="empty">${t.socialEmpty}</p>` : nothing}
    ${
      list.length
        ? html`<ul class="channels" part="channels">
          ${repeat(
            list,
            (item) => `${item.channel}:${item.channelKey}`,
            (item) => html`<li part="channel">
              <span class="channel-name">${view.channelName(item.channel)}</span>
              <span class="channel-key">${item.channelKey}</span>
              <span class="muted">${t.socialLast(view.dateTime(item.lastAt))}</span>
            </li>`,
          )}
        </ul>`
        : nothing
    }`;
}
