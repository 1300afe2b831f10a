import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import { aMessage, contacts, conversationFixture, createMockClient, earlierSessionFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function deskWith(client: MockClient, lang = 'pt-BR'): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(html`<conecta-session .client=${client} session-id="session-4" lang=${lang}></conecta-session>`);
  await settle(el);
  return el;
}

/** The agent opens "Histórico" and picks the earlier session. */
async function openEarlier(el: ConectaSession): Promise<void> {
  $(el, '[data-tool="history"]').click();
  await settle(el);
  $(el, 'dialog [data-session-id="session-40"]').click();
  await settle(el, 5);
}

const visible = (element: Element | null) => !!element && (element as HTMLElement).checkVisibility();
const composer = (el: ConectaSession) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#composer-input');
const earlierView = (el: ConectaSession) => el.shadowRoot!.querySelector<HTMLElement>('[part~="earlier-session"]');
const backButton = (el: ConectaSession) => $(el, '[part~="back-button"]') as HTMLButtonElement;

describe('<conecta-session> an earlier session from "Histórico"', () => {
  it('shows it read-only, without asking the host to switch sessions', async () => {
    const client = createMockClient(earlierSessionFixture(), { store: conversationFixture() });
    const el = await deskWith(client);
    const selected: Event[] = [];
    el.addEventListener('conecta-session-selected', (event) => selected.push(event));
    await openEarlier(el);

    expect(selected).to.deep.equal([]);
    expect(el.sessionId).to.equal('session-4');
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    const view = earlierView(el);
    expect(visible(view)).to.equal(true);
    expect(text(view!.querySelector('h2'))).to.equal('Atendimento anterior · Protocolo 20261120-000040');
    expect(text(view!.querySelector('[part~="read-only"]'))).to.equal('Somente leitura: para escrever, volte ao atendimento atual.');
    expect($$(el, '[part~="earlier-session"] [part~="message"] .text').map(text)).to.deep.equal([
      'Minha fatura veio errada.',
      'Corrigi a fatura, Elisa.',
    ]);
    // Nothing that writes to it or changes it.
    expect(visible(composer(el))).to.equal(false);
    expect($$(el, '[part~="tool"]').some(visible)).to.equal(false);
    expect(visible(el.shadowRoot!.querySelector('[part~="finish-button"]'))).to.equal(false);
    expect(view!.querySelector('textarea, [part~="retry-button"], [part~="tool"]')).to.equal(null);
    // Focus moves to the view's title, so a screen reader says where the agent is.
    expect(el.shadowRoot!.activeElement).to.equal(view!.querySelector('h2'));
    await expect(el).to.be.accessible();
  });

  it('goes back to the current conversation as it was: its draft, its place in the transcript, focus on "Histórico"', async () => {
    const el =
      await fixture<ConectaSession>(html`<conecta-session .client=${createMockClient(earlierSessionFixture(), { store: conversationFixture() })}
      session-id="session-4"></conecta-session>`);
    el.style.setProperty('--conecta-session-height', '18rem');
    await settle(el);
    composer(el)!.value = 'Elisa, vou verificar';
    // The current transcript comes first; scrolled neither to the top nor to the end.
    const log = $(el, '[role="log"]');
    expect(log.scrollHeight - log.clientHeight).to.be.greaterThan(20);
    setTimeout(() => (log.scrollTop = 10));
    await oneEvent(log, 'scroll'); // as the agent's own scrolling would, so the transcript stops following the end
    const scrolledTo = log.scrollTop;
    await openEarlier(el);
    expect(visible(composer(el))).to.equal(false);

    backButton(el).click();
    await settle(el);
    expect(earlierView(el)).to.equal(null);
    expect(visible(composer(el))).to.equal(true);
    expect(composer(el)!.value).to.equal('Elisa, vou verificar');
    expect($(el, '[role="log"]').scrollTop).to.equal(scrolledTo);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-tool="history"]'));
  });

  it('says when the contact writes in the current session meanwhile', async () => {
    const client = createMockClient(earlierSessionFixture(), { store: conversationFixture() });
    const el = await deskWith(client);
    await openEarlier(el);
    const news = () => text($(el, '[part~="current-news"]'));
    expect(news()).to.equal('');
    // The agent's own reply (from another tab) is not news: only the contact's words are.
    client.push({
      message: aMessage({
        id: 'm-4-5',
        sessionId: 'session-4',
        seq: 5,
        authorKind: 'agent',
        authorId: 'agent-ana',
        authorName: 'Ana',
        text: 'Já volto.',
        createdAt: Date.now(),
      }),
    });
    await settle(el);
    expect(news()).to.equal('');
    client.push({
      message: aMessage({
        id: 'm-4-6',
        sessionId: 'session-4',
        seq: 6,
        authorName: contacts.elisa.name,
        text: 'Ainda está aí?',
        createdAt: Date.now(),
      }),
    });
    await settle(el);
    expect(news()).to.equal('Elisa Prado escreveu no atendimento atual.');
    expect($(el, '[part~="current-news"]').getAttribute('role')).to.equal('status');
  });

  it('goes back with Escape too', async () => {
    const el = await deskWith(createMockClient(earlierSessionFixture(), { store: conversationFixture() }));
    await openEarlier(el);
    const event = press(el.shadowRoot!.activeElement as HTMLElement, 'Escape');
    await settle(el);
    expect(event.defaultPrevented).to.equal(true);
    expect(earlierView(el)).to.equal(null);
    expect(visible(composer(el))).to.equal(true);
  });

  it('closes when the host opens another session', async () => {
    const el = await deskWith(createMockClient(earlierSessionFixture(), { store: conversationFixture() }));
    await openEarlier(el);
    expect(visible(earlierView(el))).to.equal(true);
    el.sessionId = 'session-5';
    await settle(el);
    expect(earlierView(el)).to.equal(null);
    expect(text($(el, 'h2'))).to.equal(contacts.gabi.name);
  });

  it('says where it is and how to go back in English and Spanish', async () => {
    const el = await deskWith(createMockClient(earlierSessionFixture(), { store: conversationFixture() }), 'en');
    await openEarlier(el);
    expect(text(backButton(el))).to.equal('Back to the current session');
    expect(text($(el, '[part~="earlier-session"] h2'))).to.equal('Earlier session · Protocol 20261120-000040');
    el.lang = 'es';
    await settle(el);
    expect(text(backButton(el))).to.equal('Volver a la atención actual');
    expect(text($(el, '[part~="earlier-session"] h2'))).to.equal('Atención anterior · Protocolo 20261120-000040');
  });
});
