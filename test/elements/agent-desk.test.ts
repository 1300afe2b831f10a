// <conecta-agent-desk>: the panels around one client, opening sessions, narrow widths, a CRM's slots.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-agent-desk/conecta-agent-desk.js';
import type { ConectaAgentDesk } from '../../src/elements/conecta-agent-desk/conecta-agent-desk.js';
import { AlertsChangedEvent } from '../../src/elements/conecta-agent-bar/events.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import { conversationFixture, createMockClient, type MockClient } from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function deskWith(client: MockClient, attrs: { width?: string; slotted?: unknown } = {}): Promise<ConectaAgentDesk> {
  const el = await fixture<ConectaAgentDesk>(
    html`<conecta-agent-desk .client=${client} lang="pt-BR">${attrs.slotted ?? ''}</conecta-agent-desk>`,
  );
  if (attrs.width) el.style.inlineSize = attrs.width;
  await settle(el, 5);
  return el;
}

const inner = <T extends Element>(el: ConectaAgentDesk, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** Open a session as the agent would: the queue's "Em atendimento" tab, then its row. */
async function chooseInQueue(el: ConectaAgentDesk, sessionId: string): Promise<void> {
  const queue = inner<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'conecta-queue')!;
  $(queue, '#tab-active').click();
  await queue.updateComplete;
  $(queue, `[data-session-id="${sessionId}"] .main`).click();
  await settle(el, 5);
}

describe('<conecta-agent-desk>', () => {
  it('with no session open: the queue and a placeholder, accessible; panels of elements not on the page take no room', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    await expect(el).to.be.accessible();
    expect(text($(el, '[part="placeholder"]'))).to.equal('Nenhum atendimento aberto Aceite ou escolha um atendimento na fila.');
    expect(inner(el, 'conecta-session')).to.equal(null);
    expect($(el, '[part="contact-panel"]').hidden).to.equal(true);
    // <conecta-agent-bar>, <conecta-agents> and <conecta-internal-chat> are not defined in this page.
    expect($(el, '[part="bar-panel"]').hidden).to.equal(true);
    expect($(el, '[part="colleagues-panel"]').hidden).to.equal(true);
    expect($(el, '[part="colleagues-panel"]').getBoundingClientRect().width).to.equal(0);
  });

  it('shares its one client with every panel', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    expect((inner(el, 'conecta-queue') as unknown as { client: unknown }).client === client).to.equal(true);
    await chooseInQueue(el, 'session-4');
    expect(inner<ConectaSession>(el, 'conecta-session')!.client === client).to.equal(true);
    await customElements.whenDefined('conecta-contact-form'); // a chunk loaded once a session is open
    expect((inner(el, 'conecta-contact-form') as unknown as { client: unknown }).client === client).to.equal(true);
  });

  it('opens the session chosen in the queue, with its contact’s form, accessible', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    await chooseInQueue(el, 'session-4');
    expect(el.sessionId).to.equal('session-4');
    expect(el.getAttribute('session-id')).to.equal('session-4');
    expect(inner(el, 'conecta-session')!.getAttribute('session-id')).to.equal('session-4');
    expect(inner(el, 'conecta-contact-form')!.getAttribute('contact-id')).to.equal(client.serverState.sessions['session-4']!.contactId);
    expect(inner(el, '[part="placeholder"]')).to.equal(null);
    expect(el.matches(':state(with-session)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens a waiting session once it is accepted from the queue', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    const queue = inner<HTMLElement>(el, 'conecta-queue')!;
    $(queue, '[data-session-id="session-1"] [part~="accept-button"]').click();
    await settle(el, 5);
    expect(el.sessionId).to.equal('session-1');
    expect(inner(el, 'conecta-session')!.getAttribute('session-id')).to.equal('session-1');
  });

  it('keeps a finished session open (its rating may come) until the agent closes it', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    await chooseInQueue(el, 'session-4');
    expect(inner(el, '[part="close-button"]')).to.equal(null, 'no close button while the session is active');
    client.pushFinished('session-4');
    await settle(el, 5);
    expect(el.sessionId).to.equal('session-4');
    $(el, '[part="close-button"]').click();
    await settle(el);
    expect(el.sessionId).to.equal('');
    expect(inner(el, 'conecta-session')).to.equal(null);
    expect(text($(el, '[part="placeholder"]'))).to.contain('Aceite ou escolha');
  });

  it('puts the queue, the session and the contact side by side on a wide host, with no empty column before a session opens', async () => {
    const client = createMockClient(conversationFixture());
    const wide = await deskWith(client, { width: '1400px' });
    const box = (el: ConectaAgentDesk, part: string) => $(el, `[part="${part}"]`).getBoundingClientRect();
    const deskRight = wide.getBoundingClientRect().right;
    expect(box(wide, 'session-panel').right, 'the placeholder takes the room left').to.be.closeTo(deskRight, 1);
    await chooseInQueue(wide, 'session-4');
    expect(box(wide, 'session-panel').left).to.be.greaterThan(box(wide, 'queue-panel').right - 1);
    expect(box(wide, 'contact-panel').left).to.be.greaterThan(box(wide, 'session-panel').right - 1);
    await expect(wide).to.be.accessible();
  });

  describe('at phone width (its own)', () => {
    async function phoneDesk(client: MockClient): Promise<ConectaAgentDesk> {
      const el = await deskWith(client, { width: '360px' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await settle(el, 3);
      return el;
    }
    const tab = (el: ConectaAgentDesk, name: string) => $(el, `#desk-tab-${name}`);
    const shown = (el: ConectaAgentDesk) =>
      ['queue-panel', 'session-panel', 'contact-panel', 'colleagues-panel'].filter((part) => !$(el, `[part="${part}"]`).hidden);

    it("becomes the app's tabs (Espera, Atendimentos, Contatos), one panel at a time, no wider than itself", async () => {
      const el = await phoneDesk(createMockClient(conversationFixture()));
      expect(el.matches(':state(phone)')).to.equal(true);
      // Agentes too, where <conecta-agents> or <conecta-internal-chat> is defined (another test here defines one).
      expect($$(el, '[part~="tab"]').map(text).slice(0, 3)).to.deep.equal(['Espera', 'Atendimentos', 'Cliente']);
      expect(tab(el, 'waiting').getAttribute('aria-selected')).to.equal('true');
      expect(shown(el)).to.deep.equal(['queue-panel']);
      expect(el.getBoundingClientRect().width).to.be.at.most(360);
      tab(el, 'sessions').click();
      await settle(el);
      expect((inner(el, 'conecta-queue') as unknown as { phase: string }).phase).to.equal('active');
      tab(el, 'contacts').click();
      await settle(el);
      expect(shown(el)).to.deep.equal(['contact-panel']);
      expect(text($(el, '[part="contact-panel"]'))).to.equal('Abra um atendimento para ver o contato.');
      await expect(el).to.be.accessible();
    });

    it('moves between the tabs with the arrow keys', async () => {
      const el = await phoneDesk(createMockClient(conversationFixture()));
      tab(el, 'waiting').focus();
      press(tab(el, 'waiting'), 'ArrowRight');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(tab(el, 'sessions'));
      expect(tab(el, 'sessions').getAttribute('aria-selected')).to.equal('true');
    });

    it('opens a session full screen, with a way back (the button or Escape) to the tabs', async () => {
      const el = await phoneDesk(createMockClient(conversationFixture()));
      tab(el, 'sessions').click();
      await settle(el);
      await chooseInQueue(el, 'session-4');
      expect(shown(el)).to.deep.equal(['session-panel']);
      expect(inner(el, '[part="tabs"]')).to.equal(null);
      const session = $(el, '[part="session-panel"]').getBoundingClientRect();
      expect(session.width).to.be.closeTo(el.getBoundingClientRect().width, 1);
      await expect(el).to.be.accessible();
      $(el, '[part="back-button"]').click();
      await settle(el);
      expect(shown(el)).to.deep.equal(['queue-panel']);
      expect(el.sessionId, 'the session stays open').to.equal('session-4');
      expect(el.shadowRoot!.activeElement).to.equal(tab(el, 'sessions'));
      await chooseInQueue(el, 'session-4');
      expect(shown(el)).to.deep.equal(['session-panel']);
      press($(el, '[part="back-button"]'), 'Escape');
      await settle(el);
      expect(shown(el)).to.deep.equal(['queue-panel']);
    });
  });

  it('lets a CRM replace a panel through its slot (the replacement finds the desk’s client) and hide one by attribute', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client, {
      slotted: html`<conecta-session slot="session" session-id="session-5"></conecta-session>
        <p slot="agents">Nossa equipe</p>`,
    });
    const own = el.querySelector<ConectaSession>('conecta-session')!;
    expect(own.client === client).to.equal(true, 'a slotted element gets the desk’s client through context');
    expect(inner(el, '[part="placeholder"]')).to.equal(null, 'slotted content replaces the fallback');
    expect($(el, '[part="colleagues-panel"]').hidden).to.equal(false, 'a filled slot shows its panel');

    await chooseInQueue(el, 'session-4');
    expect($(el, '[part="contact-panel"]').hidden).to.equal(false);
    el.withoutContactForm = true;
    el.withoutColleagues = true;
    await settle(el);
    expect($(el, '[part="contact-panel"]').hidden).to.equal(true);
    expect($(el, '[part="colleagues-panel"]').hidden).to.equal(true);
  });

  it('shows a panel once its element is defined, however late', async function (this: { skip(): never }) {
    if (customElements.get('conecta-internal-chat')) this.skip();
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    expect($(el, '[part="colleagues-panel"]').hidden).to.equal(true);
    customElements.define('conecta-internal-chat', class extends HTMLElement {});
    await settle(el);
    expect($(el, '[part="colleagues-panel"]').hidden).to.equal(false);
    expect($$(el, 'conecta-agents').map((agents) => agents.parentElement!.parentElement!.hidden)).to.deep.equal([true]);
  });

  it('turns the queue’s alerts on and off as the agent bar’s switch says', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    const queue = inner<HTMLElement & { withAlerts: boolean }>(el, 'conecta-queue')!;
    expect(queue.withAlerts).to.equal(false);
    // What the bar's switch sends (the bar itself is not defined in this page).
    queue.dispatchEvent(new AlertsChangedEvent({ enabled: true }));
    await settle(el);
    expect([el.withAlerts, queue.withAlerts]).to.deep.equal([true, true]);
    queue.dispatchEvent(new AlertsChangedEvent({ enabled: false }));
    await settle(el);
    expect([el.withAlerts, queue.withAlerts]).to.deep.equal([false, false]);
  });

  it('keeps its empty state readable in the dark theme on a light page (axe)', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    el.theme = 'dark';
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('names its panels in the element’s language', async () => {
    const client = createMockClient(conversationFixture());
    const el = await deskWith(client);
    el.lang = 'en';
    await settle(el);
    expect($$(el, 'section').map((section) => section.getAttribute('aria-label'))).to.deep.equal(['Queue', 'Session', 'Contact', 'Agents']);
    expect(text($(el, '[part="placeholder"]'))).to.equal('No session open Accept or choose a session in the queue.');
    el.lang = 'es';
    await settle(el);
    expect(text($(el, '[part="placeholder"]'))).to.equal('Ninguna atención abierta Acepte o elija una atención en la cola.');
  });
});
