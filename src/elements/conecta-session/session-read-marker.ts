import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientApi } from '../../client/api.js';
import type { ClientMessage } from '../../protocol/index.js';

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

  constructor(
    host: ReactiveControllerHost,
    private readonly current: () => { client: ClientApi | undefined; sessionId: string; messages: readonly ClientMessage[]; log: Element | null },
  ) {
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
    const { log } = this.current();
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
    const { client, sessionId, messages } = this.current();
    if (!client || !this.#transcriptVisible || document.visibilityState !== 'visible') return;
    const last = messages.findLast((message) => message.authorKind === 'contact');
    if (!last || (this.#readUpTo.get(sessionId) ?? 0) >= last.seq) return;
    this.#readUpTo.set(sessionId, last.seq);
    client.markRead(sessionId);
  }
}
