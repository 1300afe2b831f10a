import { read, site, tab } from '../../dom/browser-storage.js';
import { whenIdle } from '../../dom/when-idle.js';
import { memoryKey } from '../../elements/conecta-webchat/webchat-memory.js';
import type { WebchatUser } from '../../protocol/entities.js';
import { applyBrandColor } from './brand-color.js';
import { launcherLabel, widgetLanguage } from './launcher-label.js';
import type { LoaderOptions } from './loader-options.js';
import { createPlaceholderLauncher } from './placeholder-launcher.js';
import { conectaGlobal, registerWebchat, unregisterWebchat, WEBCHAT_EVENTS, type WebchatApi } from './webchat-api.js';
import { WIDGET_TAG } from './widget-script.js';

/** The part of `<conecta-webchat>` the loader drives (kept structural: the loader must not import Lit). */
interface WebchatElement extends HTMLElement {
  readonly open: boolean;
  readonly updateComplete: Promise<unknown>;
  show(): unknown;
  hide(): unknown;
  toggle(): unknown;
  setUser(user: WebchatUser): unknown;
  reset(): unknown;
  destroy(): unknown;
  setLocale(lang: string): unknown;
}

export interface LoaderHooks {
  /** Brings the full widget; resolves once `<conecta-webchat>` is defined. */
  loadWidget(): Promise<unknown>;
  /** Calls back when the page has loaded and the browser is idle (tests pass their own). */
  whenIdle?(callback: () => void): void;
}

type QueuedCall = [run: (element: WebchatElement) => unknown, resolve: (value: unknown) => void, reject: (error: unknown) => void];

function whenBrowserIdle(callback: () => void): void {
  const idle = () => whenIdle(callback);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

/** An async script in `<head>` may run before `<body>` exists. */
function bodyReady(): Promise<unknown> {
  return new Promise((resolve) => (document.body ? resolve(0) : document.addEventListener('DOMContentLoaded', resolve, { once: true })));
}

/**
 * Whether the visitor is already talking on this channel, as the widget remembers it: the panel open
 * in this tab, or a conversation followed on this site. Such a visitor has shown interest already
 * (and must see the agents' replies come in).
 */
const engaged = (options: LoaderOptions): boolean =>
  read(tab, memoryKey(options, 'open')) === '1' || !!read(site, memoryKey(options, 'engaged'));

/**
 * One widget: shows the placeholder launcher, publishes the API, and swaps in `<conecta-webchat>` on
 * the first interaction, on an API call that needs it, or (unless `load` is `interaction`) when the
 * browser is idle. `written`: the page's own `<conecta-webchat load="interaction">`, which the
 * widget's definition brings to life in place of a new one. Returns the API (the existing one when
 * this channel is already on the page), or nothing without a channel.
 */
export function startLoader(options: LoaderOptions, hooks: LoaderHooks, written?: HTMLElement): WebchatApi | undefined {
  const { channel } = options;
  if (!channel) {
    console.error('Conecta: the webchat <script> needs data-channel.');
    return;
  }
  const existing = conectaGlobal().webchats[channel];
  if (existing) {
    console.warn(`Conecta: the webchat of channel "${channel}" is already on this page.`);
    return existing;
  }

  const queue: QueuedCall[] = [];
  const listeners: Record<string, Set<(detail: never) => void>> = {};
  let lang = options.lang;
  /** Set once the widget has replaced the placeholder: from then on calls go straight to it. */
  let element: WebchatElement | undefined;
  /** Set as soon as the widget is in the page (still behind the placeholder), for destroy(). */
  let added: WebchatElement | undefined;
  let loading: Promise<void> | undefined;
  let destroyed = false;

  const removeColor = applyBrandColor(channel, options.color);
  const placeholder = createPlaceholderLauncher(channel, options.position, launcherLabel(lang || widgetLanguage()), load, () => {
    placeholder.markBusy();
    void api.open();
  });
  void bodyReady().then(() => destroyed || added || document.body.append(placeholder.host));

  function load(): Promise<void> {
    if (destroyed) return Promise.resolve();
    return (loading ??= hooks.loadWidget().then(
      () => (destroyed ? undefined : mount()),
      (error) => {
        loading = undefined; // the next interaction tries again
        placeholder.button.removeAttribute('aria-busy');
        console.error(error);
      },
    ));
  }

  async function mount(): Promise<void> {
    await bodyReady();
    const el = (written ?? document.createElement(WIDGET_TAG as string)) as WebchatElement;
    if (!written) {
      el.setAttribute('server', options.server);
      el.setAttribute('channel', channel);
      if (lang) el.setAttribute('lang', lang);
      if (options.position) el.setAttribute('position', options.position);
      if (options.theme) el.setAttribute('theme', options.theme);
      if (options.open) el.setAttribute('open', '');
    } else if (lang) el.setAttribute('lang', lang); // the page called setLocale() before it loaded
    for (const name of WEBCHAT_EVENTS) {
      el.addEventListener(`conecta-webchat-${name}`, (event) => {
        for (const callback of listeners[name] ?? []) {
          try {
            callback((event as CustomEvent).detail as never);
          } catch (error) {
            reportError(error); // one failing callback must not silence the others
          }
        }
      });
    }
    added = el;
    if (!written) document.body.append(el);
    // Its own launcher is drawn before the placeholder goes, so nothing blinks.
    await el.updateComplete;
    if (destroyed) return;
    if (placeholder.host.shadowRoot?.activeElement) el.shadowRoot?.querySelector<HTMLElement>('[part~="launcher"]')?.focus();
    placeholder.host.remove();
    element = el;
    for (const [run, resolve, reject] of queue.splice(0)) {
      try {
        resolve(run(el));
      } catch (error) {
        reject(error);
      }
    }
  }

  /** Runs now on the widget, or queues until it is there. */
  function call(run: QueuedCall[0]): Promise<void> {
    return new Promise<unknown>((resolve, reject) => {
      if (destroyed) resolve(undefined);
      else if (element) resolve(run(element));
      else queue.push([run, resolve, reject]);
    }).then(() => undefined);
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    placeholder.host.remove();
    added?.destroy?.();
    (added ?? written)?.remove();
    removeColor();
    for (const [, resolve] of queue.splice(0)) resolve(undefined);
    for (const name in listeners) delete listeners[name];
    unregisterWebchat(channel, api);
  }

  const api: WebchatApi = {
    open: () => (load(), call((el) => el.show())),
    close: () => call((el) => el.hide()),
    toggle: () => (load(), call((el) => el.toggle())),
    setUser: (user) => call((el) => el.setUser(user)),
    reset: () => call((el) => el.reset()),
    setLocale(next) {
      lang = next;
      placeholder.setLabel(launcherLabel(next));
      return call((el) => el.setLocale(next));
    },
    destroy,
    on(event, callback) {
      const set = (listeners[event] ??= new Set());
      set.add(callback);
      return () => void set.delete(callback);
    },
  };
  registerWebchat(channel, api);

  if (options.open || (options.load && engaged(options))) void load();
  else if (!options.load) (hooks.whenIdle ?? whenBrowserIdle)(load);
  return api;
}
