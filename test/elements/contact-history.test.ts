// <conecta-contact-history>: a contact's sessions, the history permission, one opened read only.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-contact-history/conecta-contact-history.js';
import type { ConectaContactHistory } from '../../src/elements/conecta-contact-history/conecta-contact-history.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import { aContact, bruno, contacts, createMockClient, earlierSessionFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, settle, text } from './helpers.js';

async function historyWith(client: MockClient, contactId = contacts.elisa.id, lang = 'pt-BR'): Promise<ConectaContactHistory> {
  const el = await fixture<ConectaContactHistory>(
    html`<conecta-contact-history .client=${client} contact-id=${contactId} lang=${lang}></conecta-contact-history>`,
  );
  await settle(el, 5);
  return el;
}

const protocols = (el: ConectaContactHistory) => $$(el, '[part="open-button"]').map((b) => text(b));

describe('<conecta-contact-history>', () => {
  it('is accessible, listing and with a session open', async () => {
    const el = await historyWith(createMockClient(earlierSessionFixture()));
    await expect(el).to.be.accessible();
    ($$(el, '[part="open-button"]')[1] as HTMLButtonElement).click();
    await settle(el, 5);
    await expect(el).to.be.accessible();
  });

  it('lists the contact’s sessions, newest first, with protocol, channel, team, agent, dates and rating', async () => {
    const base = earlierSessionFixture();
    const rated = { ...base.sessions['session-40']!, rating: 4, agentName: 'Ana Souza' };
    const state = { ...base, sessions: { ...base.sessions, [rated.id]: rated } };
    const el = await historyWith(createMockClient(state));
    expect(protocols(el)).to.deep.equal([state.sessions['session-4']!.protocol, '20261120-000040']);
    const cells = $$(el, '[part="item"]')[1]!.querySelectorAll('td');
    expect([...cells].map((cell) => cell.dataset.label)).to.deep.equal([
      'Protocolo',
      'Canal',
      'Equipe',
      'Agente',
      'Início',
      'Fim',
      'Avaliação',
    ]);
    expect(text(cells[1])).to.equal('WebChat');
    expect(text(cells[2])).to.equal('Suporte');
    expect(text(cells[3])).to.equal('Ana Souza');
    expect(text(cells[6])).to.equal('4 de 5 estrelas');
    expect(text($$(el, '[part="item"]')[0]!.querySelectorAll('td')[5])).to.equal('Em andamento');
  });

  it('an agent without the history permission is told the list holds only their teams’ sessions (the server filters)', async () => {
    const withPermission = await historyWith(createMockClient(earlierSessionFixture()));
    expect(withPermission.shadowRoot!.querySelector('[part="own-teams"]')).to.equal(null);
    const el = await historyWith(createMockClient({ ...earlierSessionFixture(), me: bruno }));
    expect(text($(el, '[part="own-teams"]'))).to.contain('Você vê apenas os atendimentos das suas equipes.');
  });

  it('opens a session read only in the session view, and goes back to the list with focus on it', async () => {
    const el = await historyWith(createMockClient(earlierSessionFixture()));
    ($(el, '[data-session-id="session-40"]') as HTMLButtonElement).click();
    await settle(el, 5);
    const session = el.shadowRoot!.querySelector<ConectaSession>('[part="earlier-session"]')!;
    expect(session.sessionId).to.equal('session-40');
    expect(session.readOnly).to.equal(true);
    await settle(session, 5);
    expect(text(session.shadowRoot!.querySelector('[part~="read-only"]'))).to.contain('Somente leitura');
    expect(session.shadowRoot!.querySelector('#composer-input')).to.equal(null, 'nothing to write with');
    expect(session.shadowRoot!.querySelector('[part~="toolbar"]')).to.equal(null, 'no tools');
    expect(text(session.shadowRoot!.querySelector('[part~="transcript"]') ?? session.shadowRoot!.querySelector('[role="log"]'))).to.contain(
      'Corrigi a fatura, Elisa.',
    );
    ($(el, '[part="back-button"]') as HTMLButtonElement).click();
    await settle(el, 5);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-session-id')).to.equal('session-40');
  });

  it('shows when the contact has no session, and a failed load with a way to try again', async () => {
    const state = earlierSessionFixture();
    const newcomer = aContact({ id: 'contact-new', name: 'Nova Pessoa' });
    const empty = await historyWith(createMockClient({ ...state, contacts: { ...state.contacts, [newcomer.id]: newcomer } }), newcomer.id);
    expect(text($(empty, '[part="empty"]'))).to.equal('Nenhum atendimento deste contato.');
    const client = createMockClient(earlierSessionFixture()).failWith('contact.history', 'INTERNAL', 'boom');
    const failed = await historyWith(client);
    expect($(failed, '[role="alert"] button')).to.exist;
  });

  it('speaks Spanish', async () => {
    const el = await historyWith(createMockClient(earlierSessionFixture()), contacts.elisa.id, 'es');
    expect(text($(el, '[part="heading"]'))).to.equal('Historial de atenciones de Elisa Prado');
  });
});
