// Webchat loader: what makes it load the widget (pointer, keyboard, touch, click, idle, data-open).
import { aTimeout, expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  SERVER,
  realWidget,
  deferredWidget,
  until,
  start,
  placeholder,
  placeholderButton,
  widget,
  swapped,
  cleanUpLoadersAfterEach,
} from './webchat-loader-helpers.js';

describe('webchat loader', () => {
  cleanUpLoadersAfterEach();

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
});
