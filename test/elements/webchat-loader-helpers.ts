// Shared setup of the webchat loader's browser tests: the loader started with a real (or deferred)
// widget module, and finders for its placeholder and the widget that replaces it.
import { waitUntil } from '@open-wc/testing';
import type { LoaderOptions } from '../../src/cdn/loader/loader-options.js';
import { PLACEHOLDER_TAG } from '../../src/cdn/loader/placeholder-launcher.js';
import { startLoader, type LoaderHooks } from '../../src/cdn/loader/start-loader.js';
import type { WebchatApi } from '../../src/cdn/loader/webchat-api.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';

// Nothing listens there: the widget's client fails to connect quietly, which these tests do not need.
export const SERVER = 'http://127.0.0.1:9';

/** Brings the real element module, as the widget bundle would; counts how often it was asked. */
export function realWidget(): LoaderHooks & { calls: number } {
  const hooks = {
    calls: 0,
    loadWidget: async () => {
      hooks.calls++;
      await import('../../src/elements/conecta-webchat/conecta-webchat.js');
      return customElements.whenDefined('conecta-webchat');
    },
    whenIdle: () => {}, // never idle: only interaction or the API loads
  };
  return hooks;
}

/** A widget load the test finishes when it wants, to make calls before it. */
export function deferredWidget(): LoaderHooks & { finish: () => void; calls: number } {
  let finish!: () => void;
  const arrived = new Promise<void>((resolve) => (finish = resolve));
  const real = realWidget();
  const hooks = {
    calls: 0,
    finish,
    loadWidget: async () => {
      hooks.calls++;
      await arrived;
      return real.loadWidget();
    },
    whenIdle: () => {},
  };
  return hooks;
}

/** Replaces methods of the real element's prototype (recording calls); returns the undo. */
export async function patchWidget(methods: Record<string, (...args: unknown[]) => unknown>): Promise<() => void> {
  await realWidget().loadWidget();
  const prototype = customElements.get('conecta-webchat')!.prototype as Record<string, unknown>;
  const saved = Object.keys(methods).map((name) => [name, Object.getOwnPropertyDescriptor(prototype, name)] as const);
  Object.assign(prototype, methods);
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(prototype, name, descriptor);
      else delete prototype[name];
    }
  };
}

/** `waitUntil` with room for the first import of the element module on a busy machine. */
export function until(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 4000 });
}

export function start(options: Partial<LoaderOptions>, hooks: LoaderHooks): WebchatApi {
  const api = startLoader({ server: SERVER, channel: 'demo', ...options }, hooks);
  if (!api) throw new Error('the loader published no API');
  return api;
}

export function placeholder(channel = 'demo'): HTMLElement | null {
  return document.querySelector<HTMLElement>(`${PLACEHOLDER_TAG}[channel="${channel}"]`);
}

export function placeholderButton(channel = 'demo'): HTMLButtonElement {
  const button = placeholder(channel)?.shadowRoot?.querySelector('button');
  if (!button) throw new Error(`no placeholder button for ${channel}`);
  return button;
}

export function widget(channel = 'demo'): ConectaWebchat | null {
  return document.querySelector(`conecta-webchat[channel="${channel}"]`);
}

/** Resolves once the widget of that channel has replaced its placeholder. */
export async function swapped(channel = 'demo'): Promise<ConectaWebchat> {
  await until(() => widget(channel) && !placeholder(channel), `the ${channel} widget did not replace its placeholder`);
  const el = widget(channel)!;
  await el.updateComplete;
  return el;
}

/** Every test starts from a page without loaders: destroys what the test started, restores the page's lang. */
export function cleanUpLoadersAfterEach(): void {
  const pageLang = document.documentElement.lang;

  afterEach(() => {
    for (const api of Object.values(window.conecta?.webchats ?? {})) api.destroy();
    document.documentElement.lang = pageLang;
    sessionStorage.clear();
  });
}
