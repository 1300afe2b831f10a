export interface RovingFocusOptions {
  /** Which arrow keys move between items: Left/Right (toolbars, tab lists) or Up/Down (lists, a grid's rows). */
  direction: 'horizontal' | 'vertical';
  /** Past the last item go to the first, and back (default for horizontal); lists stop at their ends. */
  wrap?: boolean;
  /** PageUp/PageDown move this many items; 0 (the default) leaves those keys alone. */
  pageStep?: number;
  /** The items in order, when they are all in the DOM (toolbars, tab lists). */
  items?: () => readonly HTMLElement[];
  /** How many items there are, when they are not all in the DOM (a virtualized list). Default: `items().length`. */
  count?: () => number;
  /** The index of the item holding `target`, or -1. Default: its position in `items()`. */
  indexOf?: (target: HTMLElement) => number;
  /** Make the item at `index` current and focus it. Default: focus `items()[index]`. */
  activate?: (index: number) => void;
  /**
   * Grids (vertical only): the focusable cells of the row holding `target`, in reading order, so that
   * Left/Right move between them (mirrored right-to-left, no wrapping).
   */
  cells?: (target: HTMLElement) => readonly HTMLElement[];
}

/** Text fields use the arrow keys, Home and End for their caret. */
function isTextEntry(target: HTMLElement): boolean {
  if (target.isContentEditable || target.localName === 'textarea' || target.localName === 'select') return true;
  return target.localName === 'input' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
}

/**
 * Arrow-key focus for a group with one tab stop: toolbars and tab lists (Left/Right, mirrored in
 * right-to-left text), lists and grids (Up/Down between rows, Left/Right between a row's cells), Home
 * and End, and PageUp/PageDown where asked. Which item holds the tab stop is the host's state (the
 * selected tab, the focused row): this controller only turns keys into `activate(index)`.
 * Bind `onKeydown` on the group's container. It keeps no state of its own, so it needs no host
 * lifecycle: it is a plain object, not a ReactiveController.
 */
export class RovingFocusController {
  readonly #options: RovingFocusOptions;

  constructor(options: RovingFocusOptions) {
    this.#options = options;
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement) || isTextEntry(target)) return;
    const index = this.#indexOf(target);
    if (index < 0) return;
    // The direction where the key was pressed: a page may mix languages.
    const rtl = getComputedStyle(target).direction === 'rtl';
    const next = this.#nextIndex(event.key, index, rtl);
    if (next !== null) {
      event.preventDefault();
      this.#activate(next);
      return;
    }
    if (this.#moveAcrossCells(event.key, target, rtl)) event.preventDefault();
  };

  /** Where `key` goes from `index`, or null when the key is not one of ours. */
  #nextIndex(key: string, index: number, rtl: boolean): number | null {
    const { direction, pageStep = 0 } = this.#options;
    const count = this.#count();
    if (!count) return null;
    const wrap = this.#options.wrap ?? direction === 'horizontal';
    const [back, forward] =
      direction === 'vertical' ? ['ArrowUp', 'ArrowDown'] : rtl ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
    const step = (by: number) => (wrap ? (index + by + count) % count : Math.min(count - 1, Math.max(0, index + by)));
    if (key === forward) return step(1);
    if (key === back) return step(-1);
    if (key === 'Home') return 0;
    if (key === 'End') return count - 1;
    if (pageStep && key === 'PageDown') return Math.min(count - 1, index + pageStep);
    if (pageStep && key === 'PageUp') return Math.max(0, index - pageStep);
    return null;
  }

  #moveAcrossCells(key: string, target: HTMLElement, rtl: boolean): boolean {
    const { cells, direction } = this.#options;
    if (!cells || direction !== 'vertical' || (key !== 'ArrowLeft' && key !== 'ArrowRight')) return false;
    const row = cells(target);
    const at = row.findIndex((cell) => cell === target || cell.contains(target));
    if (at < 0) return false;
    const by = (key === 'ArrowRight') !== rtl ? 1 : -1;
    row[Math.min(row.length - 1, Math.max(0, at + by))]?.focus();
    return true;
  }

  #count(): number {
    return this.#options.count?.() ?? this.#options.items?.().length ?? 0;
  }

  #indexOf(target: HTMLElement): number {
    if (this.#options.indexOf) return this.#options.indexOf(target);
    return this.#options.items?.().findIndex((item) => item === target || item.contains(target)) ?? -1;
  }

  #activate(index: number): void {
    if (this.#options.activate) this.#options.activate(index);
    else this.#options.items?.()[index]?.focus();
  }
}
