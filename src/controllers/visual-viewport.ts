import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Tells the host's styles the visual viewport's height and offset (`--conecta-visual-viewport-height`,
 * `--conecta-visual-viewport-top`), so a full-screen panel on a phone shrinks above the on-screen
 * keyboard instead of hiding its composer behind it. Set through the CSSOM (allowed under a strict
 * CSP), only while `active()` says so.
 */
export class VisualViewportController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #active: () => boolean;
  #listening = false;

  constructor(host: ReactiveElement, active: () => boolean) {
    this.#host = host;
    this.#active = active;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#listen(this.#active());
  }

  hostDisconnected(): void {
    this.#listen(false);
  }

  #listen(on: boolean): void {
    const viewport = globalThis.visualViewport;
    if (!viewport || on === this.#listening) return;
    this.#listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    viewport[method]('resize', this.#measure);
    viewport[method]('scroll', this.#measure);
    if (on) this.#measure();
    else {
      this.#host.style.removeProperty('--conecta-visual-viewport-height');
      this.#host.style.removeProperty('--conecta-visual-viewport-top');
    }
  }

  readonly #measure = () => {
    const viewport = globalThis.visualViewport;
    if (!viewport) return;
    this.#host.style.setProperty('--conecta-visual-viewport-height', `${viewport.height}px`);
    this.#host.style.setProperty('--conecta-visual-viewport-top', `${viewport.offsetTop}px`);
  };
}
