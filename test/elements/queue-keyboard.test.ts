// <conecta-queue>: keyboard navigation through a (virtualized) list.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { contacts, createMockClient, queueFixture } from '../fixtures/index.js';
import { queueWith, row, manyPending, manyWaiting } from './queue-helpers.js';
import { $, $$, press, settle, text } from './helpers.js';

describe('<conecta-queue>', () => {
  describe('keyboard', () => {
    it('moves through items with the arrow keys, Home and End, with one tab stop', async () => {
      const el = await queueWith(createMockClient(manyWaiting(5)));
      const mains = () => $$(el, '.main');
      expect(mains().map((m) => m.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
      mains()[0]!.focus();
      press(mains()[0]!, 'ArrowDown');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[1]);
      expect(mains().map((m) => m.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1]);
      press(mains()[1]!, 'End');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[4]);
      press(mains()[4]!, 'Home');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[0]);
      press(mains()[0]!, 'ArrowUp');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[0]);
    });

    it("moves between a session's controls with Left/Right, mirrored right-to-left, and by ten with PageDown/PageUp", async () => {
      const el = await queueWith(createMockClient(manyPending(12)), { phase: 'pending' });
      const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
      const where = () =>
        `${focused()?.closest('[role="row"]')?.getAttribute('data-index')} ${focused()?.getAttribute('part') || focused()?.className || focused()?.localName}`;
      const first = $(el, '[data-index="0"] .main');
      first.focus();
      press(first, 'ArrowRight');
      expect(where()).to.equal('0 preview-button');
      press(focused()!, 'ArrowRight');
      press(focused()!, 'ArrowRight');
      expect(where()).to.equal('0 rescue-button');
      press(focused()!, 'ArrowLeft');
      press(focused()!, 'ArrowLeft');
      press(focused()!, 'ArrowLeft');
      expect(where()).to.equal('0 input');
      press(focused()!, 'PageDown');
      await settle(el);
      expect(where()).to.equal('10 main');
      press(focused()!, 'PageUp');
      await settle(el);
      expect(where()).to.equal('0 main');
      el.dir = 'rtl';
      await el.updateComplete;
      press(focused()!, 'ArrowLeft');
      expect(where()).to.equal('0 preview-button');
    });

    it('dispatches conecta-session-selected with Enter on an active item', async () => {
      const el = await queueWith(createMockClient(queueFixture()), { phase: 'active' });
      const main = row(el, 'session-4').querySelector<HTMLElement>('.main')!;
      main.focus();
      setTimeout(() => press(main, 'Enter'));
      const event = await oneEvent(el, 'conecta-session-selected');
      expect(event.detail.session.id).to.equal('session-4');
      expect(event.detail.contact.name).to.equal(contacts.elisa.name);
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(row(el, 'session-4').getAttribute('aria-current')).to.equal('true');
    });

    it('virtualizes a long list and scrolls the focused item into view', async () => {
      // The virtualizer measures rows with a ResizeObserver; Chromium reports a harmless loop warning as an error.
      const onerror = window.onerror;
      window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : onerror?.(message, ...rest));
      after(() => {
        window.onerror = onerror;
      });
      const el = await queueWith(createMockClient(manyWaiting(1000)));
      await waitUntil(() => $$(el, '[part~="waiting"]').length > 0);
      const rendered = $$(el, '[part~="waiting"]').length;
      expect(rendered).to.be.lessThan(200);
      expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('1000');
      const first = $(el, '[data-index="0"] .main');
      first.focus();
      press(first, 'End');
      await waitUntil(
        () => (el.shadowRoot!.activeElement as HTMLElement | null)?.closest('[role="row"]')?.getAttribute('aria-rowindex') === '1000',
        'the last item did not get focus',
        { timeout: 4000 },
      );
      expect(text(el.shadowRoot!.activeElement)).to.contain('Espera 999');
    });
  });
});
