// <conecta-session>'s "Outros canais": the contact's open sessions elsewhere, and its finished ones, paged.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import { ana, createMockClient, otherChannelsFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, settle, text } from './helpers.js';

const withOtherChannels = (finished: number) => otherChannelsFixture(finished);

async function openOtherChannels(client: MockClient, lang = 'pt-BR'): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(html`<conecta-session .client=${client} session-id="session-4" lang=${lang}></conecta-session>`);
  await settle(el);
  ($(el, '[data-tool="channels"]') as HTMLButtonElement).click();
  await settle(el, 5);
  return el;
}

const listed = (el: ConectaSession, part: string) => $$(el, `dialog [part~="${part}"] [data-session-id]`).map((b) => b.dataset.sessionId);

describe('<conecta-session> other channels', () => {
  it('is accessible with open and finished sessions listed', async () => {
    const el = await openOtherChannels(createMockClient(withOtherChannels(12)));
    await expect(el).to.be.accessible();
  });

  it('lists the finished sessions on the other channels, newest first, with channel, dates and agent', async () => {
    const el = await openOtherChannels(createMockClient(withOtherChannels(3)));
    expect(listed(el, 'open-sessions')).to.deep.equal(['session-41']);
    expect(listed(el, 'finished-sessions')).to.deep.equal(['session-100', 'session-101', 'session-102']);
    const line = text($(el, 'dialog [part~="finished-sessions"] li .muted'));
    expect(line).to.match(/^WhatsApp · .+ – .+ · Bruno Lima$/);
    expect(el.shadowRoot!.querySelector('dialog [part~="more-finished-button"]') === null).to.equal(true);
  });

  it('pages the finished ones with "Carregar mais", and focus goes to the first session it brought', async () => {
    const client = createMockClient(withOtherChannels(12));
    const el = await openOtherChannels(client);
    expect(listed(el, 'finished-sessions')).to.have.length(10);
    ($(el, 'dialog [part~="more-finished-button"]') as HTMLButtonElement).click();
    await settle(el, 5);
    expect(listed(el, 'finished-sessions')).to.deep.equal(Array.from({ length: 12 }, (_, i) => `session-${100 + i}`));
    expect(el.shadowRoot!.querySelector('dialog [part~="more-finished-button"]') === null).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-session-id')).to.equal('session-110');
    const asked = client.commands.filter((each) => each.name === 'contact.history').map((each) => each.payload);
    expect(asked.at(-1)).to.include({ exceptChannel: 'webchat', state: 'finished', limit: 10 });
  });

  it('opens a finished one read only in place of the current session', async () => {
    const el = await openOtherChannels(createMockClient(withOtherChannels(2)));
    let selected = false;
    el.addEventListener('conecta-session-selected', () => (selected = true));
    ($(el, 'dialog [data-session-id="session-101"]') as HTMLButtonElement).click();
    await settle(el, 5);
    expect(el.shadowRoot!.querySelector('dialog') === null).to.equal(true);
    const earlier = $(el, '[part~="earlier-session"]');
    expect(text(earlier.querySelector('h2'))).to.contain('20261122-000101');
    expect(earlier.querySelector('[part~="read-only"]')).to.not.equal(null);
    expect(selected).to.equal(false);
  });

  it('without the history permission asks only for the open ones, and says why', async () => {
    const state = withOtherChannels(3);
    const client = createMockClient({ ...state, me: { ...ana, permissions: { ...ana.permissions, history: false } } });
    const el = await openOtherChannels(client);
    expect(listed(el, 'open-sessions')).to.deep.equal(['session-41']);
    expect(listed(el, 'finished-sessions')).to.deep.equal([]);
    expect(text($(el, '[part~="open-only"]'))).to.equal('Sem a permissão de histórico, você vê apenas os atendimentos em aberto.');
    const states = client.commands
      .filter((each) => each.name === 'contact.history')
      .map((each) => (each.payload as { state?: string }).state);
    expect(states).to.deep.equal(['open']);
  });

  it('speaks English and Spanish', async () => {
    const en = await openOtherChannels(createMockClient(withOtherChannels(0)), 'en');
    expect($$(en, 'dialog h4').map(text)).to.deep.equal(['Open', 'Finished']);
    expect($$(en, 'dialog p').map(text)).to.include('No finished sessions on other channels.');
    const es = await openOtherChannels(createMockClient(withOtherChannels(0)), 'es');
    expect($$(es, 'dialog h4').map(text)).to.deep.equal(['Abiertas', 'Finalizadas']);
    expect($$(es, 'dialog p').map(text)).to.include('Ninguna atención finalizada en otros canales.');
  });
});
