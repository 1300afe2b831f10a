import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { read, site, write } from '../dom/browser-storage.js';
import { beep } from './beep.js';

const BLINK_MS = 1000;
const claimKey = 'conecta-elements:attention';

/**
 * Whether this tab is the first to alert for `id`: every tab of a site gets the same new message, and
 * one beep is enough (the title still blinks in each hidden tab).
 */
function claim(id: string): boolean {
  // Storage forbidden: every tab beeps.
  if (read(site, claimKey) === id) return false;
  write(site, claimKey, id);
  return true;
}

/**
 * Gets a visitor's attention while the page is hidden: a short beep and the document title blinking
 * until the page is visible again. Tells its host when the page becomes visible (read receipts wait
 * for it).
 */
export class AttentionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setInterval> | undefined;
  #original = '';
  #text = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whether the visitor cannot see the page now (another tab, minimized window). */
  get pageHidden(): boolean {
    return document.visibilityState === 'hidden';
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.stop();
  }

  /**
   * Only while the page is hidden: beep (when `sound`, once across the site's tabs for `id`) and
   * blink `title` until the page is visible. Returns whether it alerted.
   */
  alert(title: string, sound: boolean, id = title): boolean {
    if (!this.pageHidden) return false;
    if (sound && claim(id)) beep();
    if (this.#timer === undefined) this.#original = document.title;
    this.#text = title;
    clearInterval(this.#timer);
    document.title = title;
    this.#timer = setInterval(() => {
      document.title = document.title === this.#text ? this.#original : this.#text;
    }, BLINK_MS);
    return true;
  }

  /** Stop blinking and give the page its title back. */
  stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    // The page may have changed its own title meanwhile (a single-page app): keep that one.
    if (document.title === this.#text) document.title = this.#original;
  }

  readonly #onVisibility = () => {
    if (this.pageHidden) return;
    this.stop();
    this.#host.requestUpdate();
  };
}
