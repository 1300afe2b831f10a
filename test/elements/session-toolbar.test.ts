// <conecta-session>'s toolbar on one row (icons + a "more" menu button) and its side panel as a drawer where narrow.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import { conversationFixture, createMockClient } from '../fixtures/index.js';
import { $, $$, settle } from './helpers.js';

async function sessionAt(width: number): Promise<ConectaSession> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px">
    <conecta-session .client=${createMockClient(conversationFixture())} session-id="session-4" lang="pt-BR"></conecta-session>
  </div>`);
  const el = wrapper.querySelector('conecta-session')!;
  await settle(el, 5);
  // The width observer answers in the next frame.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await settle(el);
  return el;
}

const focused = (el: ConectaSession) => el.shadowRoot!.activeElement as HTMLElement | null;
const more = (el: ConectaSession) => $(el, '[part~="more-button"]');
const menu = (el: ConectaSession) => $(el, '[part="tools-menu"]');
const items = (el: ConectaSession) => $$(el, '[role="menuitem"]:not(:disabled)');

describe('<conecta-session> toolbar and drawer', () => {
  it('keeps the toolbar on one row from 320 px, each icon button named and with a tooltip', async () => {
    for (const width of [320, 1280]) {
      const el = await sessionAt(width);
      const buttons = $$(el, '[part="toolbar"] > button');
      const tops = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(tops.size, `one row at ${width}px`).to.equal(1);
      for (const button of buttons) {
        expect(button.title, 'tooltip').to.not.equal('');
        const rect = button.getBoundingClientRect();
        expect(rect.width >= 24 && rect.height >= 24, `${button.dataset.tool} at least 24×24`).to.equal(true);
        expect(rect.right <= el.getBoundingClientRect().right + 0.5, `${button.dataset.tool} inside`).to.equal(true);
      }
      await expect(el).to.be.accessible();
    }
  });

  it('opens the "more" menu with the keyboard, moves with the arrows, Home and End, and gives focus back on Escape', async () => {
    const el = await sessionAt(600);
    const button = more(el);
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(menu(el).hidden).to.equal(true);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu(el).hidden).to.equal(false);
    await expect(el).to.be.accessible();
    const enabled = items(el);
    expect(focused(el)).to.equal(enabled[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(enabled[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(enabled.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'wraps to the first').to.equal(enabled[0]);
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(enabled[0]);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(menu(el).hidden).to.equal(true);
    expect(focused(el)).to.equal(button);
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(focused(el), 'ArrowUp opens on the last item').to.equal(items(el).at(-1));
  });

  it('closes the menu with Tab, and with a click outside it', async () => {
    const el = await sessionAt(600);
    more(el).click();
    await settle(el);
    expect(menu(el).hidden).to.equal(false);
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(menu(el).hidden).to.equal(true);
    expect(more(el).getAttribute('aria-expanded')).to.equal('false');
    more(el).click();
    await settle(el);
    $(el, '[role="log"]').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle(el);
    expect(menu(el).hidden).to.equal(true);
  });

  it('runs a menu item and gives a dialog it opens back to the menu button', async () => {
    const el = await sessionAt(600);
    more(el).click();
    await settle(el);
    $(el, '[data-tool="channels"]').click();
    await settle(el, 5);
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(menu(el).hidden).to.equal(true);
  });

  it('shows the side panel beside the conversation where wide, and as a drawer opened from the toolbar where narrow', async () => {
    const wide = await sessionAt(1000);
    expect(wide.shadowRoot!.querySelector('[part~="panel-button"]')).to.equal(null);
    expect($(wide, '[part="side-panel"]').hidden).to.equal(false);

    const el = await sessionAt(360);
    const panel = $(el, '[part="side-panel"]');
    expect(panel.hidden, 'closed at first').to.equal(true);
    const toggle = $(el, '[part~="panel-button"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await settle(el);
    expect(panel.hidden).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)).to.equal($(el, '[part="panel-close"]'));
    const rect = panel.getBoundingClientRect();
    expect(rect.right <= el.getBoundingClientRect().right + 0.5 && rect.left >= el.getBoundingClientRect().left - 0.5).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(panel.hidden).to.equal(true);
    expect(focused(el)).to.equal(toggle);
  });
});
