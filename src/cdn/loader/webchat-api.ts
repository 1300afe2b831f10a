import type { ClientMessage, WebchatUser } from '../../protocol/entities.js';

/** What each event's callback receives: the `detail` of the element's `conecta-webchat-<name>` DOM event. */
export interface WebchatEventDetails {
  ready: unknown;
  open: unknown;
  close: unknown;
  message: { message: ClientMessage };
  unread: { count: number };
}
export type WebchatEventName = keyof WebchatEventDetails;
export const WEBCHAT_EVENTS: readonly WebchatEventName[] = ['ready', 'open', 'close', 'message', 'unread'];

/**
 * `window.conecta.webchat` (the page's first widget) and `window.conecta.webchats[channelKey]`.
 * Usable at once: calls made before the widget has loaded wait and run in order once it has, and
 * each returns a promise of that moment. `open()` and `toggle()` load the widget right away.
 */
export interface WebchatApi {
  open(): Promise<void>;
  close(): Promise<void>;
  toggle(): Promise<void>;
  /** A logged-in user of the site, vouched for by `hash` = HMAC-SHA256(id, channel secret), computed on the site's server. */
  setUser(user: WebchatUser): Promise<void>;
  /** The site's logout: forget the visitor and start clean. */
  reset(): Promise<void>;
  setLocale(lang: string): Promise<void>;
  /** Removes the widget, its placeholder and this API entry. */
  destroy(): void;
  /** Returns the function that stops listening. */
  on<E extends WebchatEventName>(event: E, callback: (detail: WebchatEventDetails[E]) => void): () => void;
}

export interface ConectaGlobal {
  webchat?: WebchatApi;
  webchats: Record<string, WebchatApi>;
}

declare global {
  interface Window {
    conecta?: ConectaGlobal;
  }
}

/** `window.conecta`, created on first use (another Conecta script may have made it already). */
export function conectaGlobal(): ConectaGlobal {
  const global = (window.conecta ??= { webchats: {} });
  global.webchats ??= {};
  return global;
}

/** Adds a widget's API; the first one on the page is also `window.conecta.webchat`. */
export function registerWebchat(channel: string, api: WebchatApi): void {
  const global = conectaGlobal();
  global.webchats[channel] = api;
  global.webchat ??= api;
}

/** Removes a widget's API; `window.conecta.webchat` passes to the next widget, if any. */
export function unregisterWebchat(channel: string, api: WebchatApi): void {
  const global = window.conecta;
  if (!global || global.webchats[channel] !== api) return;
  delete global.webchats[channel];
  if (global.webchat === api) {
    global.webchat = Object.values(global.webchats)[0];
    if (!global.webchat) delete global.webchat;
  }
  if (Object.keys(global).length === 1 && !Object.keys(global.webchats).length) delete window.conecta;
}
