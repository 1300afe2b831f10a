import type { ReactiveController } from 'lit';
import type { SessionHost } from './session-host.js';

/**
 * Marks the contact's messages read while the transcript is on screen (IntersectionObserver) and the
 * page is visible: a transcript hidden behind an earlier session, or a background tab, reads nothing.
 */
export class SessionReadMarker implements ReactiveController {
  #transcriptVisible = false;
  #observer: IntersectionObserver | null = null;
  #observed: Element | null = null;
  readonly #readUpTo = new Map<string, number>();
  readonly #onVisibility = () => this.markRead();

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#observed = null;
  }

  hostUpdated(): void {
    // The current transcript is the first log; an earlier session's comes after it.
    const log = this.host.query('[role="log"]');
    if (log !== this.#observed) {
      this.#observer?.disconnect();
      this.#observed = log;
      this.#transcriptVisible = false;
      if (log && typeof IntersectionObserver !== 'undefined') {
        this.#observer = new IntersectionObserver((entries) => {
          this.#transcriptVisible = entries.some((entry) => entry.isIntersecting);
          this.markRead();
        });
        this.#observer.observe(log);
      }
    }
    this.markRead();
  }

  markRead(): void {
    const { client, sessionId } = this.host;
    const { messages } = this.host.view;
    if (!client || !this.#transcriptVisible || document.visibilityState !== 'visible') return;
    const last = messages.findLast((message) => message.authorKind === 'contact');
    if (!last || (this.#readUpTo.get(sessionId) ?? 0) >= last.seq) return;
    this.#readUpTo.set(sessionId, last.seq);
    client.markRead(sessionId);
  }
}
