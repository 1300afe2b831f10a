import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RovingFocusController } from './roving-focus.js';

export interface MenuButtonOptions {
  /** The button that opens the menu (`aria-haspopup="menu"`, `aria-expanded` from `open`). */
  button: () => HTMLElement | null;
  /** The menu (`role="menu"`): a press inside it or on the button does not close it. */
  menu: () => HTMLElement | null;
  /** The menu's enabled items, in order. */
  items: () => readonly HTMLElement[];
}

/**
 * The WAI-ARIA menu button pattern: Enter, Space or ArrowDown open the menu on its first item,
 * ArrowUp on its last; inside, ArrowUp/ArrowDown (wrapping), Home and End move; Escape closes and
 * gives focus back to the button; Tab closes and lets focus move on; a click outside closes.
 * The host renders the menu while `open` and binds `onButtonKeydown`, `toggle` and `onMenuKeydown`.
 */
export class MenuButtonController implements ReactiveController {
  open = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: MenuButtonOptions;
  readonly #roving: RovingFocusController;

  constructor(host: ReactiveControllerHost, options: MenuButtonOptions) {
    this.#host = host;
    this.#options = options;
    this.#roving = new RovingFocusController({ direction: 'vertical', wrap: true, items: options.items });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#listenOutside(false);
  }

  /** The button's click: open (on the first item) or close. */
  readonly toggle = (): void => {
    if (this.open) this.close(false);
    else void this.show('first');
  };

  async show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    this.#host.requestUpdate();
    this.#listenOutside(true);
    await this.#host.updateComplete;
    const items = this.#options.items();
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
  }

  /** Close the menu; with `returnFocus`, focus goes back to its button (Escape, an item chosen). */
  close(returnFocus = true): void {
    if (!this.open) return;
    this.open = false;
    this.#listenOutside(false);
    this.#host.requestUpdate();
    if (returnFocus) this.#options.button()?.focus();
  }

  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // The toolbar around the button must not move focus too.
      event.stopPropagation();
      void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  readonly onMenuKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
      return;
    }
    if (event.key === 'Tab') {
      this.close(false);
      return;
    }
    // Left and Right belong to the toolbar around the button, not to a vertical menu.
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.stopPropagation();
      return;
    }
    this.#roving.onKeydown(event);
    if (event.defaultPrevented) event.stopPropagation();
  };

  #onPointerDown = (event: PointerEvent): void => {
    const path = event.composedPath();
    const inside = [this.#options.button(), this.#options.menu()].some((part) => part && path.includes(part));
    if (!inside) this.close(false);
  };

  #listenOutside(on: boolean): void {
    if (on) document.addEventListener('pointerdown', this.#onPointerDown, true);
    else document.removeEventListener('pointerdown', this.#onPointerDown, true);
  }
}
