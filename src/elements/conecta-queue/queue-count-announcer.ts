import { html, type ReactiveController } from 'lit';
import type { QueueHost } from './queue-host.js';
import { QUEUE_PHASES, type QueuePhase } from './queue-selectors.js';

/** Counters are read aloud at most this often (ms); the latest counts win. */
const ANNOUNCE_EVERY = 2000;

/**
 * Reads the counters that changed aloud, politely and at most every two seconds (the first change
 * at once), through a visually hidden status in the queue. The counts after the first load are
 * not news.
 */
export class QueueCountAnnouncer implements ReactiveController {
  #text = '';
  #announced: Record<QueuePhase, number> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastAt = 0;

  constructor(private readonly host: QueueHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.host.loading && !this.#announced) return;
    const counts = this.host.slice.counts;
    if (!this.#announced) {
      this.#announced = { ...counts };
      return;
    }
    if (QUEUE_PHASES.every((p) => counts[p] === this.#announced![p]) || this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastAt + ANNOUNCE_EVERY - Date.now());
    if (wait === 0) this.#say();
    else this.#timer = setTimeout(() => this.#say(), wait);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #say(): void {
    this.#timer = undefined;
    const now = this.host.slice.counts;
    const t = this.host.localize.t.queue;
    const words = { waiting: t.announceWaiting, active: t.announceActive, pending: t.announcePending };
    const changed = QUEUE_PHASES.filter((p) => now[p] !== this.#announced![p]);
    this.#announced = { ...now };
    if (!changed.length) return;
    this.#lastAt = Date.now();
    this.#text = changed.map((p) => words[p](now[p])).join(', ');
    this.host.requestUpdate();
  }

  render() {
    return html`<div class="visually-hidden announcer" role="status" aria-atomic="true">${this.#text}</div>`;
  }
}
