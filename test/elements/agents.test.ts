// <conecta-agents>: colleagues with their live state, search, keyboard, and opening the internal chat.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-agents/conecta-agents.js';
import '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import type { ConectaAgents } from '../../src/elements/conecta-agents/conecta-agents.js';
import type { ConectaInternalChat } from '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import { setAvailability } from '../../src/client/availability-reducers.js';
import {
  bruno,
  chatFixture,
  colleaguesFixture,
  createMockClient,
  defaultHandlers,
  queueFixture,
  type MockClient,
} from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function agentsWith(client: MockClient, lang = 'pt-BR'): Promise<ConectaAgents> {
  const el = await fixture<ConectaAgents>(html`<conecta-agents .client=${client} lang=${lang}></conecta-agents>`);
  await settle(el);
  return el;
}

const names = (el: ConectaAgents) => $$(el, '[part~="item"] .name').map((n) => text(n));
const states = (el: ConectaAgents) => $$(el, '[part~="item"] [part="state"]').map((n) => text(n));

async function search(el: ConectaAgents, query: string): Promise<void> {
  const input = $(el, '[part="search"]') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await settle(el);
}

describe('<conecta-agents>', () => {
  it('is accessible with colleagues in every state, while searching with no match, and offline', async () => {
    const client = createMockClient(colleaguesFixture());
    const el = await agentsWith(client);
    await expect(el).to.be.accessible();
    await search(el, 'zzz');
    await expect(el).to.be.accessible();
    client.setConnection('disconnected');
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('shows each colleague’s avatar: the photo when there is one, else the initials, with the state on its corner', async () => {
    const fixtureState = colleaguesFixture();
    const photo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const agents = fixtureState.catalog!.agents.map((agent) => (agent.id === 'agent-bruno' ? { ...agent, photoUrl: photo } : agent));
    const el = await agentsWith(createMockClient({ ...fixtureState, catalog: { ...fixtureState.catalog!, agents } }));
    expect($(el, '[data-agent-id="agent-bruno"] [part="avatar"] img').getAttribute('src')).to.equal(photo);
    expect(text($(el, '[data-agent-id="agent-davi"] [part="avatar"]'))).to.equal('DR');
    expect($(el, '[data-agent-id="agent-davi"] .who [part="state-dot"]')).to.exist;
  });

  it('lists every colleague but the agent, those who can answer first, with their state in words and unread messages', async () => {
    const el = await agentsWith(createMockClient(colleaguesFixture()));
    expect(names(el)).to.deep.equal(['Bruno Lima', 'Davi Reis', 'Élida Nunes', 'Carol Dias']);
    expect(states(el)).to.deep.equal(['Disponível', 'Em pausa', 'Ausente', 'Desconectado']);
    expect($$(el, '[part~="item"]').map((item) => item.getAttribute('part'))).to.deep.equal([
      'item online',
      'item paused',
      'item away',
      'item offline',
    ]);
    expect(text($(el, '[data-agent-id="agent-bruno"] [part="unread"]'))).to.contain('1 mensagem não lida');
    expect(text($(el, '[part="count"]'))).to.equal('4 colegas');
  });

  it('finds colleagues by name or nickname, ignoring case and accents, and says when none matches', async () => {
    const el = await agentsWith(createMockClient(colleaguesFixture()));
    await search(el, 'elida');
    expect(names(el)).to.deep.equal(['Élida Nunes']);
    await search(el, 'CAROL');
    expect(names(el)).to.deep.equal(['Carol Dias']);
    await search(el, 'davi');
    expect(names(el)).to.deep.equal(['Davi Reis']);
    await search(el, 'ninguém');
    expect(names(el)).to.deep.equal([]);
    expect(text($(el, '[part="empty"]'))).to.equal('Nenhum colega corresponde a “ninguém”.');
  });

  it('moves through colleagues with the arrow keys, Home and End, with one tab stop', async () => {
    const el = await agentsWith(createMockClient(colleaguesFixture()));
    const items = () => $$(el, '[part~="item"]');
    expect(items().map((i) => i.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    items()[0]!.focus();
    press(items()[0]!, 'ArrowDown');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(items()[1]);
    expect(items().map((i) => i.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    press(items()[1]!, 'End');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(items()[3]);
    press(items()[3]!, 'Home');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(items()[0]);
  });

  it('follows a colleague going online live (agent.availability), moving them up the list', async () => {
    const client = createMockClient(chatFixture());
    const el = await agentsWith(client);
    expect(names(el)).to.deep.equal(['Bruno Lima', 'Carol Dias']);
    expect(states(el)).to.deep.equal(['Disponível', 'Desconectado']);
    const since = Date.now();
    const online = { state: 'online', pauseTypeId: null, since, pauseLimitMs: null } as const;
    client.store.update((state) => setAvailability(state, { agentId: 'agent-carol', ...online }));
    await settle(el);
    expect(states(el)).to.deep.equal(['Disponível', 'Disponível']);
    client.store.update((state) => setAvailability(state, { agentId: bruno.id, ...online, state: 'offline' }));
    await settle(el);
    expect(names(el)).to.deep.equal(['Carol Dias', 'Bruno Lima']);
  });

  it('fires conecta-agent-selected and opens the conversation in the internal chat beside it', async () => {
    const client = createMockClient(chatFixture());
    const page = await fixture<HTMLElement>(html`<div>
      <conecta-agents .client=${client} lang="pt-BR"></conecta-agents>
      <conecta-internal-chat .client=${client} lang="pt-BR"></conecta-internal-chat>
    </div>`);
    const el = page.querySelector('conecta-agents')!;
    const chat = page.querySelector<ConectaInternalChat>('conecta-internal-chat')!;
    await settle(el);
    setTimeout(() => $(el, '[data-agent-id="agent-carol"]').click());
    const event = await oneEvent(el, 'conecta-agent-selected');
    expect(event.detail).to.deep.equal({ agentId: 'agent-carol' });
    await settle(chat);
    expect(chat.withAgent).to.equal('agent-carol');
    expect(client.received('chat.history').at(-1)).to.deep.include({ withAgentId: 'agent-carol' });
    expect(text($(chat, '[part="header"]'))).to.equal('Carol');
  });

  it('leaves the internal chat alone when the page cancels the selection', async () => {
    const client = createMockClient(chatFixture());
    const page = await fixture<HTMLElement>(html`<div>
      <conecta-agents .client=${client} @conecta-agent-selected=${(e: Event) => e.preventDefault()}></conecta-agents>
      <conecta-internal-chat .client=${client}></conecta-internal-chat>
    </div>`);
    const el = page.querySelector('conecta-agents')!;
    await settle(el);
    press($(el, '[data-agent-id="agent-bruno"]'), 'Enter');
    $(el, '[data-agent-id="agent-bruno"]').click();
    await settle(el);
    expect(page.querySelector<ConectaInternalChat>('conecta-internal-chat')!.withAgent).to.equal('');
  });

  it('loads the colleagues when the store holds none, and offers a retry when that fails', async () => {
    const client = createMockClient(queueFixture(), { store: { ...queueFixture(), catalog: null } });
    client.failWith('agent.catalog', 'TIMEOUT', 'slow');
    const el = await agentsWith(client);
    expect(client.received('agent.catalog')).to.have.length(1);
    expect(text($(el, '[role="alert"]'))).to.contain('O servidor demorou a responder');
    client.handle('agent.catalog', defaultHandlers['agent.catalog']);
    $(el, '[role="alert"] button').click();
    await settle(el);
    expect(names(el)).to.deep.equal(['Bruno Lima', 'Carol Dias']);
  });

  it('speaks English and Spanish', async () => {
    const en = await agentsWith(createMockClient(colleaguesFixture()), 'en');
    expect(states(en)).to.deep.equal(['Available', 'On a break', 'Away', 'Offline']);
    expect(($(en, '[part="search"]') as HTMLInputElement).placeholder).to.equal('Name or nickname');
    const es = await agentsWith(createMockClient(colleaguesFixture()), 'es');
    expect(states(es)).to.deep.equal(['Disponible', 'En pausa', 'Ausente', 'Desconectado']);
  });
});
