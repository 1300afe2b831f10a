import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface Region {
  element: HTMLElement;
  users: number;
}

// One region per page, shared by every widget and every copy of the SDK on it.
const key = Symbol.for('conecta-elements.announcer');
const global = globalThis as Record<symbol, Region | undefined>;
const KEEP = 3;

function createRegion(): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('aria-live', 'polite');
  element.dataset.conectaAnnouncer = '';
  // Visually hidden through the CSSOM: allowed under a strict style-src, unlike a style attribute.
  Object.assign(element.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    border: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  });
  document.body.append(element);
  return element;
}

/**
 * Announces to screen readers through ONE visually hidden `aria-live="polite"` region in the page's
 * light DOM, shared by every element on the page: Chrome misses changes of live regions inside
 * shadow roots. The region exists while some connected element uses it.
 */
export class PageAnnouncer implements ReactiveController {
  #region: Region | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const region = (global[key] ??= { element: createRegion(), users: 0 });
    if (!region.element.isConnected) document.body.append(region.element);
    region.users++;
    this.#region = region;
  }

  hostDisconnected(): void {
    const region = this.#region;
    this.#region = null;
    if (!region || --region.users > 0) return;
    region.element.remove();
    global[key] = undefined;
  }

  /** Say `text` politely, in `lang`. Each announcement is a new node: screen readers read additions. */
  announce(text: string, lang?: string): void {
    const element = this.#region?.element;
    if (!element || !text) return;
    const line = document.createElement('p');
    if (lang) line.lang = lang;
    line.textContent = text;
    element.append(line);
    while (element.childElementCount > KEEP) element.firstElementChild?.remove();
  }
}
