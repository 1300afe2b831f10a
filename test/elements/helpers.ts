import type { LitElement } from 'lit';

/** The element's shadow root, asserted. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function $(el: Element, selector: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found in ${el.localName}`);
  return found;
}

export function $$(el: Element, selector: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(selector)];
}

/** Let promises and Lit's update cycle settle (commands answer in a microtask or two). */
export async function settle(el: LitElement, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}

/** The text of a node with whitespace collapsed. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** Forget what Conecta elements remembered in this page's storage (open panels, mute, visitor tokens). */
export function forgetConectaStorage(): void {
  for (const storage of [sessionStorage, localStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('conecta-')) storage.removeItem(key);
  }
}

/** Click what saves a file (an `<a download>` clicked by code) and read what it saves: its name and text. */
export async function download(el: Element, selector: string): Promise<{ name: string; text: string }> {
  const clicked: HTMLAnchorElement[] = [];
  const original = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this);
  };
  try {
    $(el, selector).click();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  if (clicked.length !== 1 || !clicked[0]!.href.startsWith('blob:'))
    throw new Error(`expected one download of a blob, got ${clicked.length}`);
  return { name: clicked[0]!.download, text: await (await fetch(clicked[0]!.href)).text() };
}
