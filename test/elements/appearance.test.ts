// The agents' visual language: light and dark themes (axe clean in both), the page's tokens winning,
// density, and the desk passing its theme and density to its panels.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/conecta-agent-bar/conecta-agent-bar.js';
import '../../src/elements/conecta-agent-desk/conecta-agent-desk.js';
import '../../src/elements/conecta-agents/conecta-agents.js';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import '../../src/elements/conecta-contacts/conecta-contacts.js';
import '../../src/elements/conecta-contact-history/conecta-contact-history.js';
import '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import '../../src/elements/conecta-login/conecta-login.js';
import '../../src/elements/conecta-queue/conecta-queue.js';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaAgentElement } from '../../src/elements/conecta-agent-element.js';
import { darkColors } from '../../src/styles/tokens.js';
import {
  agentBarFixture,
  bruno,
  chatFixture,
  colleaguesFixture,
  contacts,
  conversationFixture,
  createMockClient,
  earlierSessionFixture,
  queueFixture,
} from '../fixtures/index.js';
import { $, $$, settle } from './helpers.js';

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

/** Each of the elements styled here, in a state that shows most of its parts. */
const elements: Record<string, (theme: string) => TemplateResult> = {
  'conecta-queue': (theme) => html`<conecta-queue .client=${createMockClient(queueFixture())} theme=${theme}></conecta-queue>`,
  'conecta-agents': (theme) => html`<conecta-agents .client=${createMockClient(colleaguesFixture())} theme=${theme}></conecta-agents>`,
  'conecta-internal-chat': (theme) =>
    html`<conecta-internal-chat .client=${createMockClient(chatFixture())} with-agent=${bruno.id} theme=${theme}></conecta-internal-chat>`,
  'conecta-login': (theme) => html`<conecta-login server="https://conecta.test" theme=${theme}></conecta-login>`,
  'conecta-contact-form': (theme) =>
    html`<conecta-contact-form .client=${createMockClient(queueFixture())} contact-id=${contacts.carla.id} theme=${theme}></conecta-contact-form>`,
};

async function show(template: TemplateResult): Promise<ConectaAgentElement> {
  const el = await fixture<ConectaAgentElement>(template);
  await settle(el);
  return el;
}

describe('agent elements: theme and density', () => {
  for (const [tag, render] of Object.entries(elements)) {
    describe(`<${tag}>`, () => {
      it('is accessible in the light theme and in the dark one', async () => {
        const light = await show(render('light'));
        await expect(light).to.be.accessible();
        const dark = await show(render('dark'));
        await expect(dark).to.be.accessible();
      });

      it('takes less height when compact, with every control still at least 24 × 24 px', async () => {
        const comfortable = await show(render('light'));
        const compact = await show(render('light'));
        compact.density = 'compact';
        await settle(compact);
        // The chat keeps its least height: its list of conversations is what gets denser.
        const part = tag === 'conecta-internal-chat' ? '[part="conversations"]' : '[part="base"]';
        const height = (el: ConectaAgentElement) => $(el, part).getBoundingClientRect().height;
        expect(height(compact)).to.be.lessThan(height(comfortable) - 4);
        for (const control of $$(compact, 'button, input:not(.visually-hidden), select, textarea')) {
          const box = control.getBoundingClientRect();
          if (!box.width) continue;
          const what = control.outerHTML.slice(0, 80);
          expect(box.height, what).to.be.at.least(24);
          expect(box.width, what).to.be.at.least(24);
        }
      });

      it('writes in the dark theme’s text colour when dark, the light one’s when light', async () => {
        const light = await show(render('light'));
        expect(getComputedStyle(light).color).to.equal('rgb(27, 36, 48)');
        expect(getComputedStyle(light).colorScheme).to.equal('light');
        const dark = await show(render('dark'));
        expect(getComputedStyle(dark).color).to.equal(rgb(darkColors.text));
        expect(getComputedStyle(dark).colorScheme).to.equal('dark');
      });
    });
  }

  it('paints its surfaces dark, and the page’s tokens still win over the theme', async () => {
    const dark = await show(elements['conecta-queue']!('dark'));
    expect(getComputedStyle($(dark, '[part="base"]')).backgroundColor).to.equal(rgb(darkColors.surface));
    const page = await fixture<HTMLElement>(html`<div class="page-tokens">${elements['conecta-queue']!('dark')}</div>`);
    page.style.setProperty('--conecta-color-surface', 'rgb(1, 2, 3)');
    const themed = page.firstElementChild as ConectaAgentElement;
    await settle(themed);
    expect(getComputedStyle($(themed, '[part="base"]')).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('gives the own messages a dark background when dark, and keeps the page’s when it sets one', async () => {
    const dark = await show(elements['conecta-internal-chat']!('dark'));
    const own = () => getComputedStyle($(dark, '[part~="message"][part~="own"]')).backgroundColor;
    expect(own()).to.equal('rgb(38, 58, 87)');
    const light = await show(elements['conecta-internal-chat']!('light'));
    expect(getComputedStyle($(light, '[part~="message"][part~="own"]')).backgroundColor).to.equal('rgb(227, 238, 250)');
    light.parentElement!.style.setProperty('--conecta-message-own-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle($(light, '[part~="message"][part~="own"]')).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('fits more queue rows when compact', async () => {
    const comfortable = await show(elements['conecta-queue']!('light'));
    const compact = await show(elements['conecta-queue']!('light'));
    compact.density = 'compact';
    await settle(compact);
    const rowHeight = (el: ConectaAgentElement) => $(el, '[part~="item"]').getBoundingClientRect().height;
    expect(rowHeight(compact)).to.be.lessThan(rowHeight(comfortable) - 4);
  });

  // The session, the bar and the whole desk are laid out by part B; their colours come from the same tokens.
  const composed: Record<string, (theme: string) => TemplateResult> = {
    'conecta-session': (theme) =>
      html`<conecta-session .client=${createMockClient(conversationFixture())} session-id="session-4" theme=${theme}></conecta-session>`,
    'conecta-agent-bar': (theme) =>
      html`<conecta-agent-bar .client=${createMockClient(agentBarFixture())} theme=${theme}></conecta-agent-bar>`,
    'conecta-contacts': (theme) => html`<conecta-contacts .client=${createMockClient(queueFixture())} theme=${theme}></conecta-contacts>`,
    'conecta-contact-history': (theme) =>
      html`<conecta-contact-history .client=${createMockClient(earlierSessionFixture())} contact-id=${contacts.elisa.id} theme=${theme}></conecta-contact-history>`,
    'conecta-start-conversation': (theme) =>
      html`<conecta-start-conversation .client=${createMockClient(queueFixture())} contact-id=${contacts.carla.id} theme=${theme}></conecta-start-conversation>`,
    'conecta-agent-desk': (theme) =>
      html`<conecta-agent-desk .client=${createMockClient(conversationFixture())} session-id="session-4" theme=${theme}></conecta-agent-desk>`,
  };
  for (const [tag, render] of Object.entries(composed)) {
    it(`<${tag}> is accessible in the light theme and in the dark one`, async () => {
      await expect(await show(render('light'))).to.be.accessible();
      await expect(await show(render('dark'))).to.be.accessible();
    });
  }

  it('the desk gives its theme and density to its panels', async () => {
    const desk = await show(
      html`<conecta-agent-desk .client=${createMockClient(queueFixture())} theme="dark" density="compact"></conecta-agent-desk>`,
    );
    const queue = $(desk, 'conecta-queue') as ConectaAgentElement;
    expect(queue.theme).to.equal('dark');
    expect(queue.density).to.equal('compact');
    desk.theme = 'light';
    await settle(desk);
    expect(queue.theme).to.equal('light');
  });

  it('lends its dark colours and compact rows to an element a page slots into it', async () => {
    const client = createMockClient(queueFixture());
    const desk = await show(html`<conecta-agent-desk .client=${client} theme="dark" density="compact" without-bar
      ><conecta-queue slot="queue" .client=${client}></conecta-queue
    ></conecta-agent-desk>`);
    const slotted = desk.querySelector('conecta-queue')!;
    await settle(slotted);
    expect(slotted.theme).to.equal('auto');
    expect(getComputedStyle($(slotted, '[part="base"]')).backgroundColor).to.equal(rgb(darkColors.surface));
    const standalone = await show(elements['conecta-queue']!('light'));
    const rowPadding = (el: ConectaAgentElement) => parseFloat(getComputedStyle($(el, '[part~="item"]')).paddingBlockStart);
    expect(rowPadding(slotted)).to.be.lessThan(rowPadding(standalone));
  });
});
