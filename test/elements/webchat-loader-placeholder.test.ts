// Webchat loader: the placeholder launcher shown until the widget arrives.
import { expect } from '@open-wc/testing';
import { launcherLabel } from '../../src/cdn/loader/launcher-label.js';
import { webchatTranslations } from '../../src/i18n/webchat/index.js';
import { cleanUpLoadersAfterEach, placeholder, placeholderButton, realWidget, start, swapped, until } from './webchat-loader-helpers.js';

describe('webchat loader', () => {
  cleanUpLoadersAfterEach();

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
});
