// Webchat loader with data-load="interaction" (and <conecta-webchat load="interaction">): nothing beyond
// the loader is downloaded until the visitor shows interest, and opening still works at once.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { readLoaderOptions } from '../../src/cdn/loader/loader-options.js';
import { loadWidgetScript } from '../../src/cdn/loader/widget-script.js';
import { startWrittenWidgets } from '../../src/cdn/loader/written-widgets.js';
import { memoryKey } from '../../src/elements/conecta-webchat/webchat-memory.js';
import {
  SERVER,
  realWidget,
  until,
  start,
  placeholder,
  placeholderButton,
  widget,
  swapped,
  cleanUpLoadersAfterEach,
} from './webchat-loader-helpers.js';

/** Every resource the page has requested so far (scripts, modules, fetches), by URL. */
const requested = () => performance.getEntriesByType('resource').map((entry) => entry.name);

/** Resolves once the browser has been idle (when the default loading would have started) and a little after. */
const afterIdle = () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300)));

async function hover(button: HTMLElement): Promise<void> {
  const box = button.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('webchat loader, data-load="interaction"', () => {
  cleanUpLoadersAfterEach();
  afterEach(() => sendMouse({ type: 'move', position: [0, 0] }));

  // First, while `<conecta-webchat>` is still undefined in this page (each test file has its own): the
  // widget's real script is added, and its request counted.
  it('requests nothing beyond the loader until the pointer reaches the launcher, even once the browser is idle', async () => {
    const loader = document.createElement('script');
    loader.src = new URL(`../fixtures/webchat-cdn/conecta-webchat.js?run=${Date.now()}`, import.meta.url).href;
    const before = requested();
    // No whenIdle hook: the loader's own idle scheduling, which must not load anything in this mode.
    start({ load: 'interaction' }, { loadWidget: () => loadWidgetScript(loader) });
    await until(() => placeholder());
    await afterIdle();
    expect(
      requested().filter((url) => !before.includes(url)),
      'requested before any interest',
    ).to.deep.equal([]);
    expect(widget()).to.equal(null);

    await hover(placeholderButton());
    const el = await swapped();
    const widgetRequests = requested().filter((url) => url.includes('/webchat-cdn/conecta-webchat-widget.js'));
    expect(widgetRequests, 'the widget, once').to.have.length(1);
    expect(el.open, 'hovering does not open').to.equal(false);
  });

  it('loads on keyboard focus, and Enter then opens the panel with focus inside', async () => {
    const hooks = realWidget();
    start({ load: 'interaction' }, hooks);
    await until(() => placeholder());
    await aTimeout(50);
    expect(hooks.calls, 'nothing before interest').to.equal(0);
    await sendKeys({ press: 'Tab' });
    expect(hooks.calls).to.equal(1);
    const el = await swapped();
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus stays on the launcher').to.contain('launcher');
    await sendKeys({ press: 'Enter' });
    await until(() => el.open && el.shadowRoot!.activeElement?.closest('[part="panel"]'), 'focus did not move into the panel');
  });

  it('opens after a click as soon as the widget is there, turning a ring on the launcher meanwhile', async () => {
    let finish!: () => void;
    const arrived = new Promise<void>((resolve) => (finish = resolve));
    const real = realWidget();
    start({ load: 'interaction' }, { loadWidget: () => arrived.then(real.loadWidget) });
    await until(() => placeholder());
    const button = placeholderButton();
    expect(getComputedStyle(button, '::after').animationName, 'no ring before the click').to.equal('none');
    button.click();
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(getComputedStyle(button, '::after').animationName, 'a turning ring while it loads').to.not.equal('none');
    finish();
    const el = await swapped();
    await until(() => el.open, 'the click did not open the panel');
  });

  it('loads and opens through the API', async () => {
    const hooks = realWidget();
    const api = start({ load: 'interaction' }, hooks);
    await until(() => placeholder());
    await aTimeout(50);
    expect(hooks.calls).to.equal(0);
    await api.open();
    expect(hooks.calls).to.equal(1);
    expect(widget()!.open).to.equal(true);
  });

  it('loads at once for a visitor already in a conversation on this site', async () => {
    const key = memoryKey({ server: SERVER, channel: 'demo' }, 'engaged');
    localStorage.setItem(key, 'a-session');
    try {
      const hooks = realWidget();
      start({ load: 'interaction' }, hooks);
      await swapped();
      expect(hooks.calls).to.equal(1);
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('reads data-load from the loader tag', () => {
    const script = document.createElement('script');
    script.src = 'https://cdn.example.com/conecta-webchat.js';
    script.dataset.channel = 'demo';
    expect(readLoaderOptions(script).load).to.equal(undefined);
    script.dataset.load = 'interaction';
    expect(readLoaderOptions(script).load).to.equal('interaction');
    script.dataset.load = 'later';
    expect(readLoaderOptions(script).load, 'an unknown value keeps the default').to.equal(undefined);
  });

  describe('the page’s own <conecta-webchat load="interaction"> (loader tag without data-channel)', () => {
    it('gets a placeholder, and on interest becomes the widget in place, with the API', async () => {
      const written = await fixture<HTMLElement>(
        html`<conecta-webchat load="interaction" server=${SERVER} channel="escrito" position="left"></conecta-webchat>`,
      );
      const hooks = realWidget();
      await startWrittenWidgets(hooks.loadWidget);
      await until(() => placeholder('escrito'));
      expect(placeholder('escrito')!.getAttribute('position')).to.equal('left');
      await aTimeout(50);
      expect(hooks.calls, 'nothing before interest').to.equal(0);
      await hover(placeholderButton('escrito'));
      const el = await swapped('escrito');
      expect(el, 'the page’s element itself').to.equal(written);
      expect(document.querySelectorAll('conecta-webchat[channel="escrito"]')).to.have.length(1);
      expect(window.conecta?.webchats.escrito).to.not.equal(undefined);
    });

    it('loads the widget at once when no element asks to wait', async () => {
      const hooks = realWidget();
      await startWrittenWidgets(hooks.loadWidget);
      expect(hooks.calls).to.equal(1);
    });
  });
});
