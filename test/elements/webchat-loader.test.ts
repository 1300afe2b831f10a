import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { launcherLabel } from '../../src/cdn/loader/launcher-label.js';
import { readLoaderOptions, type LoaderOptions } from '../../src/cdn/loader/loader-options.js';
import { PLACEHOLDER_TAG } from '../../src/cdn/loader/placeholder-launcher.js';
import { startLoader, type LoaderHooks } from '../../src/cdn/loader/start-loader.js';
import type { WebchatApi } from '../../src/cdn/loader/webchat-api.js';
import { loadWidgetScript, widgetUrl } from '../../src/cdn/loader/widget-script.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import { webchatTranslations } from '../../src/i18n/webchat/index.js';

// Nothing listens there: the widget's client fails to connect quietly, which these tests do not need.
const SERVER = 'http://127.0.0.1:9';

/** Brings the real element module, as the widget bundle would; counts how often it was asked. */
function realWidget(): LoaderHooks & { calls: number } {
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
function deferredWidget(): LoaderHooks & { finish: () => void; calls: number } {
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
async function patchWidget(methods: Record<string, (...args: unknown[]) => unknown>): Promise<() => void> {
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
function until(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 4000 });
}

function start(options: Partial<LoaderOptions>, hooks: LoaderHooks): WebchatApi {
  const api = startLoader({ server: SERVER, channel: 'demo', ...options }, hooks);
  if (!api) throw new Error('the loader published no API');
  return api;
}

function placeholder(channel = 'demo'): HTMLElement | null {
  return document.querySelector<HTMLElement>(`${PLACEHOLDER_TAG}[channel="${channel}"]`);
}

function placeholderButton(channel = 'demo'): HTMLButtonElement {
  const button = placeholder(channel)?.shadowRoot?.querySelector('button');
  if (!button) throw new Error(`no placeholder button for ${channel}`);
  return button;
}

function widget(channel = 'demo'): ConectaWebchat | null {
  return document.querySelector(`conecta-webchat[channel="${channel}"]`);
}

/** Resolves once the widget of that channel has replaced its placeholder. */
async function swapped(channel = 'demo'): Promise<ConectaWebchat> {
  await until(() => widget(channel) && !placeholder(channel), `the ${channel} widget did not replace its placeholder`);
  const el = widget(channel)!;
  await el.updateComplete;
  return el;
}

describe('webchat loader', () => {
  const pageLang = document.documentElement.lang;

  afterEach(() => {
    for (const api of Object.values(window.conecta?.webchats ?? {})) api.destroy();
    document.documentElement.lang = pageLang;
    sessionStorage.clear();
  });

  // First, while `<conecta-webchat>` is still undefined in this page: the later tests define it.
  describe('loading the widget script', () => {
    it('adds one script beside the loader, with its query and nonce, and retries after an error', async () => {
      const loader = document.createElement('script');
      loader.src = `${location.origin}/not-deployed/conecta-webchat.js?v=7`;
      loader.nonce = 'n0nce';
      expect(widgetUrl(loader.src)).to.equal(`${location.origin}/not-deployed/conecta-webchat-widget.js?v=7`);

      const first = loadWidgetScript(loader).then(() => 'loaded', () => 'failed');
      const second = loadWidgetScript(loader).then(() => 'defined');
      const added = document.querySelectorAll(`script[src="${widgetUrl(loader.src)}"]`);
      expect(added.length, 'a second loader reuses the first one’s script').to.equal(1);
      expect((added[0] as HTMLScriptElement).nonce).to.equal('n0nce');

      expect(await first).to.equal('failed');
      expect(document.querySelector(`script[src="${widgetUrl(loader.src)}"]`), 'removed so that a retry adds it again').to.equal(null);

      // The other loader waits for the element, from wherever it comes.
      await realWidget().loadWidget();
      expect(await second).to.equal('defined');
      expect(await loadWidgetScript(loader)).to.equal(customElements.get('conecta-webchat'));
      expect(document.querySelector(`script[src="${widgetUrl(loader.src)}"]`), 'nothing to load once defined').to.equal(null);
    });
  });

  describe('options', () => {
    it('reads the script tag’s data attributes, with the loader’s origin as the default server', () => {
      const script = document.createElement('script');
      script.src = 'https://cdn.example.com/conecta/conecta-webchat.js';
      script.dataset.channel = 'vendas';
      script.dataset.lang = 'es';
      script.dataset.position = 'left';
      script.dataset.color = '#c0392b';
      script.dataset.theme = 'dark';
      script.dataset.open = '';
      expect(readLoaderOptions(script)).to.deep.equal({
        server: 'https://cdn.example.com',
        channel: 'vendas',
        lang: 'es',
        position: 'left',
        color: '#c0392b',
        theme: 'dark',
        open: true,
      });
      script.dataset.server = 'https://chat.example.com/conecta';
      script.dataset.position = 'top';
      script.dataset.theme = 'purple';
      script.dataset.open = 'false';
      const options = readLoaderOptions(script);
      expect(options.server).to.equal('https://chat.example.com/conecta');
      expect(options.position).to.equal(undefined);
      expect(options.theme).to.equal(undefined);
      expect(options.open).to.equal(false);
    });

    it('publishes nothing without a channel', () => {
      const error = console.error;
      console.error = () => {};
      try {
        expect(startLoader({ server: SERVER, channel: '' }, realWidget())).to.equal(undefined);
      } finally {
        console.error = error;
      }
      expect(window.conecta?.webchats ?? {}).to.deep.equal({});
      expect(placeholder('')).to.equal(null);
    });
  });

  describe('placeholder launcher', () => {
    it('is an accessible button announcing a dialog, styled without inline styles', async () => {
      start({ lang: 'pt-BR' }, realWidget());
      await until(() => placeholder());
      const host = placeholder()!;
      const button = placeholderButton();
      expect(button.type).to.equal('button');
      expect(button.getAttribute('aria-label')).to.equal('Abrir chat');
      expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.tabIndex, 'reachable by keyboard').to.equal(0);
      expect(host.shadowRoot!.adoptedStyleSheets.length).to.equal(1);
      expect(host.hasAttribute('style') || button.hasAttribute('style')).to.equal(false);
      expect(host.shadowRoot!.querySelector('style')).to.equal(null);
      expect(getComputedStyle(host).position).to.equal('fixed');
      await expect(host).to.be.accessible();
    });

    it('has the widget’s own launcher name in every language', () => {
      for (const [lang, table] of Object.entries(webchatTranslations)) expect(launcherLabel(lang), lang).to.equal(table.openChat);
    });

    it('speaks data-lang, else the language the widget will choose, and follows setLocale()', async () => {
      // Whatever the browser prefers, the widget that replaces the placeholder has the same name.
      const api = start({}, realWidget());
      await until(() => placeholder());
      const before = placeholderButton().getAttribute('aria-label');
      placeholderButton().focus(); // loads without opening
      const widgetEl = await swapped();
      expect(widgetEl.shadowRoot!.querySelector('[part~="launcher"]')?.getAttribute('aria-label')).to.equal(before);
      api.destroy();

      const english = start({ lang: 'en-GB' }, realWidget());
      await until(() => placeholder());
      expect(placeholderButton().getAttribute('aria-label')).to.equal('Open chat');
      void english.setLocale('pt-BR');
      expect(placeholderButton().getAttribute('aria-label')).to.equal('Abrir chat');
      english.destroy();

      const spanish = start({ lang: 'es' }, realWidget());
      await spanish.open();
      await spanish.close();
      const el = await swapped();
      expect(el.shadowRoot!.querySelector('[part~="launcher"]')?.getAttribute('aria-label'), 'the widget speaks data-lang too').to.equal(
        webchatTranslations.es.openChat,
      );
    });

    it('sits on the side data-position asks for', async () => {
      start({ position: 'left' }, realWidget());
      await until(() => placeholder());
      const box = placeholder()!.getBoundingClientRect();
      expect(box.left).to.be.below(innerWidth / 2);
      start({ channel: 'right', position: 'right' }, realWidget());
      await until(() => placeholder('right'));
      expect(placeholder('right')!.getBoundingClientRect().right).to.be.above(innerWidth / 2);
    });

    it('takes data-color as the brand colour, through an adopted stylesheet, and ignores what is not a colour', async () => {
      const sheetsBefore = document.adoptedStyleSheets.length;
      start({ color: '#c0392b' }, realWidget());
      await until(() => placeholder());
      expect(getComputedStyle(placeholderButton()).backgroundColor).to.equal('rgb(192, 57, 43)');
      expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore + 1);

      start({ channel: 'sneaky', color: 'red} body{display:none' }, realWidget());
      await until(() => placeholder('sneaky'));
      expect(document.adoptedStyleSheets.length, 'no sheet for an invalid colour').to.equal(sheetsBefore + 1);
      expect(getComputedStyle(document.body).display).to.equal('block');
    });
  });

  describe('loading', () => {
    it('loads nothing until there is a reason to', async () => {
      const hooks = realWidget();
      start({}, hooks);
      await until(() => placeholder());
      await aTimeout(50);
      expect(hooks.calls).to.equal(0);
      expect(widget()).to.equal(null);
    });

    it('loads when the pointer reaches the launcher, once', async () => {
      const hooks = realWidget();
      start({}, hooks);
      await until(() => placeholder());
      const box = placeholderButton().getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      const el = await swapped();
      expect(hooks.calls).to.equal(1);
      expect(el.getAttribute('server')).to.equal(SERVER);
      expect(el.open, 'hovering does not open').to.equal(false);
      await sendMouse({ type: 'move', position: [0, 0] });
    });

    it('loads when the launcher is reached by keyboard, and keeps focus on the launcher', async () => {
      const hooks = deferredWidget();
      start({}, hooks);
      await until(() => placeholder());
      await sendKeys({ press: 'Tab' });
      expect(placeholder()!.shadowRoot!.activeElement).to.equal(placeholderButton());
      expect(hooks.calls).to.equal(1);
      hooks.finish();
      const el = await swapped();
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('launcher');
      expect(el.open).to.equal(false);
    });

    it('loads on a touch', async () => {
      start({}, realWidget());
      await until(() => placeholder());
      placeholderButton().dispatchEvent(new TouchEvent('touchstart', { bubbles: true, composed: true }));
      await swapped();
    });

    it('opens the panel and moves focus into it after a click on the placeholder', async () => {
      const hooks = deferredWidget();
      start({}, hooks);
      await until(() => placeholder());
      placeholderButton().click();
      expect(placeholderButton().getAttribute('aria-busy'), 'says it is on its way').to.equal('true');
      hooks.finish();
      const el = await swapped();
      await until(() => el.open && el.shadowRoot!.activeElement?.closest('[part="panel"]'), 'focus did not move into the panel');
    });

    it('loads by itself when the browser is idle', async () => {
      const { loadWidget } = realWidget();
      start({}, { loadWidget }); // the default idle scheduling: the page has loaded, so requestIdleCallback
      await swapped();
    });

    it('loads at once and starts open with data-open', async () => {
      const hooks = realWidget();
      start({ open: true }, hooks);
      const el = await swapped();
      expect(el.open).to.equal(true);
    });

    it('passes the options on to the widget', async () => {
      start({ channel: 'vendas', lang: 'es', position: 'left', theme: 'dark', color: '#c0392b', open: true }, realWidget());
      const el = await swapped('vendas');
      expect(el.getAttribute('channel')).to.equal('vendas');
      expect(el.getAttribute('server')).to.equal(SERVER);
      expect(el.getAttribute('lang')).to.equal('es');
      expect(el.getAttribute('position')).to.equal('left');
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(el).getPropertyValue('--conecta-color-brand').trim(), 'data-color reaches the widget').to.equal('#c0392b');
    });
  });

  describe('API', () => {
    it('is window.conecta.webchat and window.conecta.webchats[channel]', () => {
      const api = start({}, realWidget());
      expect(window.conecta?.webchat).to.equal(api);
      expect(window.conecta?.webchats.demo).to.equal(api);
      expect(Object.keys(api).sort()).to.deep.equal(['close', 'destroy', 'on', 'open', 'reset', 'setLocale', 'setUser', 'toggle']);
    });

    it('queues calls made before the widget loads and replays them in order, then calls straight through', async () => {
      const calls: string[] = [];
      const record = (name: string) => (...args: unknown[]) => void calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join()})`);
      const restore = await patchWidget(Object.fromEntries(['setUser', 'setLocale', 'show', 'hide', 'reset'].map((name) => [name, record(name)])));
      try {
        const hooks = deferredWidget();
        const api = start({}, hooks);
        const settled: string[] = [];
        const user = { id: 'maria-1', hash: 'abc', name: 'Maria' };
        const pending = [
          api.setUser(user).then(() => settled.push('setUser')),
          api.setLocale('en').then(() => settled.push('setLocale')),
          api.close().then(() => settled.push('close')),
          api.reset().then(() => settled.push('reset')),
        ];
        expect(hooks.calls, 'these calls do not load the widget').to.equal(0);
        pending.push(api.open().then(() => settled.push('open')));
        expect(hooks.calls, 'open() loads it').to.equal(1);
        await aTimeout(10);
        expect(calls).to.deep.equal([]);
        expect(settled, 'nothing settles before the widget is there').to.deep.equal([]);

        hooks.finish();
        await Promise.all(pending);
        expect(calls).to.deep.equal(['setUser({"id":"maria-1","hash":"abc","name":"Maria"})', 'setLocale("en")', 'hide()', 'reset()', 'show()']);
        expect(settled).to.deep.equal(['setUser', 'setLocale', 'close', 'reset', 'open']);

        await api.close();
        expect(calls.at(-1), 'after the load, a call goes straight to the widget').to.equal('hide()');
      } finally {
        restore();
      }
    });

    it('rejects a queued call the widget refuses, without stopping the others', async () => {
      const restore = await patchWidget({
        setUser: () => {
          throw new Error('IDENTITY_REJECTED');
        },
      });
      try {
        const hooks = deferredWidget();
        const api = start({}, hooks);
        const refused = api.setUser({ id: 'x', hash: 'wrong' }).then(() => 'accepted', (error: Error) => error.message);
        const opened = api.open();
        hooks.finish();
        expect(await refused).to.equal('IDENTITY_REJECTED');
        await opened;
        await until(() => widget()?.open);
      } finally {
        restore();
      }
    });

    it('on() hears the widget’s events before and after the load, with their detail, until unsubscribed', async () => {
      const api = start({}, realWidget());
      const unread: unknown[] = [];
      const opened: unknown[] = [];
      const stopUnread = api.on('unread', (detail) => unread.push(detail));
      api.on('open', (detail) => opened.push(detail));
      api.on('open', () => {
        throw new Error('a broken callback');
      });
      // The broken callback's error is reported to the page, not thrown at the widget.
      const reported: unknown[] = [];
      const report = (event: ErrorEvent) => {
        reported.push(event.error);
        event.preventDefault();
      };
      const onerror = window.onerror;
      window.onerror = () => true; // mocha would count it as this test's failure
      addEventListener('error', report);
      try {
        await until(() => placeholder());
        placeholderButton().focus(); // loads without opening
        const el = await swapped();
        unread.length = opened.length = 0; // whatever the widget said on its own while starting
        el.dispatchEvent(new CustomEvent('conecta-webchat-unread', { detail: { count: 2 }, bubbles: true, composed: true }));
        el.dispatchEvent(new CustomEvent('conecta-webchat-open', { detail: {}, bubbles: true, composed: true }));
        expect(unread).to.deep.equal([{ count: 2 }]);
        expect(opened, 'the other callback still ran').to.deep.equal([{}]);
        expect(reported.map((error) => (error as Error).message)).to.deep.equal(['a broken callback']);

        stopUnread();
        el.dispatchEvent(new CustomEvent('conecta-webchat-unread', { detail: { count: 3 }, bubbles: true, composed: true }));
        expect(unread).to.deep.equal([{ count: 2 }]);

        const late: unknown[] = [];
        api.on('message', (detail) => late.push(detail));
        el.dispatchEvent(new CustomEvent('conecta-webchat-message', { detail: { message: { id: 'm1' } }, bubbles: true, composed: true }));
        expect(late).to.deep.equal([{ message: { id: 'm1' } }]);
      } finally {
        window.onerror = onerror;
        removeEventListener('error', report);
      }
    });

    it('on() hears the real panel opening and closing', async () => {
      const api = start({}, realWidget());
      const heard: string[] = [];
      api.on('open', () => heard.push('open'));
      api.on('close', () => heard.push('close'));
      await api.open();
      await api.close();
      expect(heard).to.deep.equal(['open', 'close']);
    });

    it('keeps one API per channel when a channel’s script is on the page twice', async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const first = start({}, realWidget());
        expect(start({}, realWidget())).to.equal(first);
      } finally {
        console.warn = warn;
      }
      await until(() => placeholder());
      expect(document.querySelectorAll(`${PLACEHOLDER_TAG}[channel="demo"]`).length).to.equal(1);
    });
  });

  describe('two widgets', () => {
    it('run side by side for two channels without interfering', async () => {
      const demo = start({ channel: 'demo' }, realWidget());
      const vendas = start({ channel: 'demo-vendas', position: 'left' }, realWidget());
      expect(window.conecta?.webchat).to.equal(demo);
      expect(window.conecta?.webchats).to.deep.equal({ demo, 'demo-vendas': vendas });
      const heardByDemo: unknown[] = [];
      demo.on('unread', (detail) => heardByDemo.push(detail));

      await vendas.open();
      const vendasEl = await swapped('demo-vendas');
      expect(vendasEl.open).to.equal(true);
      expect(widget('demo'), 'the other widget is still waiting').to.equal(null);
      expect(placeholder('demo')).to.not.equal(null);
      vendasEl.dispatchEvent(new CustomEvent('conecta-webchat-unread', { detail: { count: 1 }, bubbles: true, composed: true }));
      expect(heardByDemo).to.deep.equal([]);

      await demo.open();
      const demoEl = await swapped('demo');
      expect(demoEl).to.not.equal(vendasEl);
      expect(customElements.get('conecta-webchat')).to.not.equal(undefined);

      demo.destroy();
      expect(window.conecta?.webchat, 'the page’s first widget is now the other one').to.equal(vendas);
      expect(widget('demo')).to.equal(null);
      expect(widget('demo-vendas')).to.equal(vendasEl);
      expect(vendasEl.isConnected).to.equal(true);
    });
  });

  describe('destroy()', () => {
    it('before the load: removes the placeholder and the API, and loads nothing afterwards', async () => {
      const hooks = deferredWidget();
      const sheetsBefore = document.adoptedStyleSheets.length;
      const api = start({ color: 'teal' }, hooks);
      await until(() => placeholder());
      const button = placeholderButton();
      const queued = api.setUser({ id: 'u', hash: 'h' });
      api.destroy();
      await queued; // settles rather than hanging
      expect(placeholder()).to.equal(null);
      expect(window.conecta).to.equal(undefined);
      expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
      button.click();
      await api.open();
      hooks.finish();
      await aTimeout(20);
      expect(hooks.calls).to.equal(0);
      expect(widget()).to.equal(null);
    });

    it('while loading: the widget never appears', async () => {
      const hooks = deferredWidget();
      const api = start({}, hooks);
      void api.open();
      expect(hooks.calls).to.equal(1);
      api.destroy();
      hooks.finish();
      await aTimeout(30);
      expect(widget()).to.equal(null);
      expect(placeholder()).to.equal(null);
    });

    it('after the load: removes the widget and the API, leaving the page as it was', async () => {
      const sheetsBefore = document.adoptedStyleSheets.length;
      const api = start({ color: 'teal' }, realWidget());
      await api.open();
      const el = await swapped();
      const heard: unknown[] = [];
      api.on('close', (detail) => heard.push(detail));
      api.destroy();
      expect(el.isConnected).to.equal(false);
      expect(document.querySelectorAll(`conecta-webchat, ${PLACEHOLDER_TAG}`).length).to.equal(0);
      expect(window.conecta).to.equal(undefined);
      expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
      el.dispatchEvent(new CustomEvent('conecta-webchat-close', { detail: null }));
      expect(heard, 'no callback outlives destroy()').to.deep.equal([]);
      await api.open(); // a late call is harmless
      expect(widget()).to.equal(null);

      // A single-page app may mount it again.
      const again = start({}, realWidget());
      await again.open();
      await swapped();
      expect(window.conecta?.webchat).to.equal(again);
    });
  });
});
