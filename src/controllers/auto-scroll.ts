import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a scrolling transcript at its newest entry after each render, unless the reader scrolled
 * up to read history (then it stays put until they come back to the bottom).
 */
export class AutoScrollController implements ReactiveController {
  readonly #find: () => HTMLElement | null | undefined;
  #element: HTMLElement | null = null;
  #atBottom = true;
  readonly #onScroll = () => {
    const el = this.#element;
    if (el) this.#atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  constructor(host: ReactiveControllerHost, find: () => HTMLElement | null | undefined) {
    this.#find = find;
    host.addController(this);
  }

  /** Jump to the newest entry and follow it again. */
  scrollToEnd(): void {
    this.#atBottom = true;
    const el = this.#element;
    if (el) el.scrollTop = el.scrollHeight;
  }

  hostUpdated(): void {
    const el = this.#find() ?? null;
    if (el !== this.#element) {
      this.#element?.removeEventListener('scroll', this.#onScroll);
      el?.addEventListener('scroll', this.#onScroll, { passive: true });
      this.#element = el;
      this.#atBottom = true;
    }
    if (el && this.#atBottom) el.scrollTop = el.scrollHeight;
  }

  hostDisconnected(): void {
    this.#element?.removeEventListener('scroll', this.#onScroll);
    this.#element = null;
  }
}
