// Webchat loader: two widgets on one page, and destroy() before, during and after the load.
import { aTimeout, expect } from '@open-wc/testing';
import { PLACEHOLDER_TAG } from '../../src/cdn/loader/placeholder-launcher.js';
import {
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
