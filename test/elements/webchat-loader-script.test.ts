// Webchat loader: fetching the widget's script beside the loader's, and reading the loader tag's options.
import { expect } from '@open-wc/testing';
import { readLoaderOptions } from '../../src/cdn/loader/loader-options.js';
import { startLoader } from '../../src/cdn/loader/start-loader.js';
import { loadWidgetScript, widgetUrl } from '../../src/cdn/loader/widget-script.js';
import { SERVER, realWidget, placeholder, cleanUpLoadersAfterEach } from './webchat-loader-helpers.js';

describe('webchat loader', () => {
  cleanUpLoadersAfterEach();

  // First, while `<conecta-webchat>` is still undefined in this page (each test file has its own): this test defines it.
  describe('loading the widget script', () => {
    it('adds one script beside the loader, with its query and nonce, and retries after an error', async () => {
      const loader = document.createElement('script');
      loader.src = `${location.origin}/not-deployed/conecta-webchat.js?v=7`;
      loader.nonce = 'n0nce';
      expect(widgetUrl(loader.src)).to.equal(`${location.origin}/not-deployed/conecta-webchat-widget.js?v=7`);

      const first = loadWidgetScript(loader).then(
        () => 'loaded',
        () => 'failed',
      );
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
        load: undefined,
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
});
