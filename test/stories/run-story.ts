import { setProjectAnnotations } from '@storybook/web-components';
import { appearance } from '../../.storybook/appearance.js';

/**
 * Portable stories (composeStories) in web-test-runner's Chromium: each story rendered as Storybook
 * renders it — the preview's decorators and toolbar globals included — and its play function run.
 */
export const project = setProjectAnnotations([appearance]);

/** A fresh canvas in the page for one story (the previous story's elements are disconnected). */
export function newCanvas(): HTMLElement {
  const canvas = document.createElement('div');
  canvas.id = 'storybook-root';
  document.body.replaceChildren(canvas);
  return canvas;
}

/** The Conecta elements a story put in its canvas (not those inside their shadow roots). */
export function conectaElements(canvas: HTMLElement): Element[] {
  return [...canvas.querySelectorAll('*')].filter((element) => element.localName.startsWith('conecta-'));
}

/**
 * The queue's virtualizer measures rows with a ResizeObserver; Chromium reports a harmless loop
 * warning as an error, which mocha would count against whichever story is running. Call in a
 * `describe`.
 */
export function toleratingResizeObserverLoops(): void {
  let onerror: OnErrorEventHandler;
  before(() => {
    onerror = window.onerror;
    window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : onerror?.(message, ...rest));
  });
  after(() => {
    window.onerror = onerror;
  });
}
