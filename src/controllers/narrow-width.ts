import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the host is narrower than `belowRem` root ems: its own width, not the viewport's (an
 * element in a CRM's side column is narrow on a wide screen). For what CSS container queries cannot
 * decide: which controls exist (a drawer's toggle, a phone's tabs). The host updates when it crosses.
 */
export class NarrowWidthController implements ReactiveController {
  narrow = false;
  readonly #host: ReactiveControllerHost & Element;
  readonly #belowRem: number;
  #observer: ResizeObserver | undefined;

  constructor(host: ReactiveControllerHost & Element, belowRem: number) {
    this.#host = host;
    this.#belowRem = belowRem;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver(([entry]) => {
      if (entry) this.#measure(entry.contentBoxSize[0]?.inlineSize ?? entry.contentRect.width);
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #measure(width: number): void {
    // Hidden (display: none) measures 0: keep the last answer rather than flip to narrow.
    if (width === 0) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const narrow = width < this.#belowRem * rem;
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    // Next frame: re-laying out inside the observer's callback would make it loop (and the browser complain).
    requestAnimationFrame(() => this.#host.requestUpdate());
  }
}
