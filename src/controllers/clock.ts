import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageGlobal } from '../dom/page-global.js';

type Tick = (now: number) => void;

/**
 * The page's one ticking clock: a single `setInterval` shared by every element (and by every copy
 * of the SDK on the page), running only while something listens.
 */
class SharedClock {
  readonly #listeners = new Set<Tick>();
  #timer: ReturnType<typeof setInterval> | null = null;

  subscribe(listener: Tick): () => void {
    this.#listeners.add(listener);
    this.#timer ??= setInterval(() => {
      const now = Date.now();
      for (const each of [...this.#listeners]) each(now);
    }, 1000);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#timer !== null) {
        clearInterval(this.#timer);
        this.#timer = null;
      }
    };
  }

  /** Whether the interval is running (for tests: it must stop when nothing listens). */
  get running(): boolean {
    return this.#timer !== null;
  }
}

export const sharedClock = pageGlobal('clock', () => new SharedClock());

/** Re-renders its host every second while connected, for times that tick (wait time, countdowns). */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #unsubscribe: (() => void) | null = null;
  #now = Date.now();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The time of the last tick (or of connection). */
  get now(): number {
    return this.#now;
  }

  hostConnected(): void {
    this.#now = Date.now();
    this.#unsubscribe = sharedClock.subscribe((now) => {
      this.#now = now;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
