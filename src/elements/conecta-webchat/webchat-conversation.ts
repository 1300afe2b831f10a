import { html, nothing } from 'lit';
import type { WebchatTranslation } from '../../i18n/webchat/pt-BR.js';
import type { ClientMessage } from '../../protocol/index.js';
import { renderTranscript } from '../transcript.js';
import type { WebchatHost } from './webchat-host.js';

/** "AS" for "Ana Souza", "C" for "Carol": the agent's avatar. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)!] : words;
  return letters
    .map((word) => [...word][0])
    .join('')
    .toUpperCase();
}

const isOwn = (message: ClientMessage) => message.authorKind === 'contact';

/** Who wrote a message, as the visitor is told: "Você", or the agent's name. */
export const authorOf = (t: WebchatTranslation, message: ClientMessage): string =>
  isOwn(message) ? t.common.you : message.authorName || t.agent;

/**
 * The conversation as the visitor sees it: the agent in the header, the place in the queue and who
 * is typing, and the messages.
 */
export class WebchatConversation {
  constructor(private readonly host: WebchatHost) {
    host.addController(this);
  }

  /** The header's title: the agent (initials avatar and name) once one took the conversation, else the widget's title. */
  renderTitle() {
    const host = this.host;
    const t = host.localize.t;
    const agentName = host.stage === 'conversation' ? host.view.session?.agentName : null;
    if (!agentName) return html`<h2 id="webchat-title">${t.title}</h2>`;
    return html`<span part="avatar" aria-hidden="true">${initials(agentName)}</span>
    <h2 id="webchat-title">${agentName} <small>${t.agent}</small></h2>`;
  }

  /**
   * While waiting: the place in the queue and the estimated wait ("Você é o 3º da fila · cerca de 4 min"),
   * or that the message will be answered when the team is back.
   */
  get status(): string | null {
    const host = this.host;
    const t = host.localize.t;
    const { session, queue } = host.view;
    if (session?.status !== 'waiting') return null;
    const team = host.config?.teams.find((each) => each.id === session.teamId);
    if (host.startedOffline || team?.online === false) return t.offlineWaiting;
    if (!queue) return t.waiting;
    const minutes = queue.etaMs === null ? 0 : Math.max(1, Math.round(queue.etaMs / 60_000));
    return `${t.queue(queue.position)}${minutes ? ` · ${t.eta(host.localize.duration(minutes * 60_000))}` : ''}`;
  }

  /** The waiting status, then who is typing. */
  renderStatus() {
    const t = this.host.localize.t;
    const status = this.status;
    const { typing } = this.host.view;
    return html`${status ? html`<p part="queue-status">${status}</p>` : nothing}
    ${typing.length ? html`<p part="typing">${t.typing(typing.map((who) => who.authorName || t.agent).join(', '))}</p>` : nothing}`;
  }

  /** The messages, in a `role="log"` that is not itself live: new ones are announced through the page's one region. */
  render() {
    const host = this.host;
    const t = host.localize.t;
    return renderTranscript({
      messages: host.view.messages,
      localize: host.localize,
      words: t.words,
      isOwn,
      authorName: (message) => authorOf(t, message),
      fileUrl: (attachment) => host.client?.fileUrl(attachment) ?? attachment.url,
      label: t.transcript,
      live: 'off',
      onRetry: (message) => host.client?.retryMessage(message.sessionId, message.id),
    });
  }
}
