// <conecta-start-conversation>: contact, team, channel, template with a live preview or a free message, errors.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import type { ConectaStartConversation } from '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import { bruno, contacts, createMockClient, queueFixture, wroteOnWhatsappFixture, type MockClient } from '../fixtures/index.js';
import { $, settle, text } from './helpers.js';

async function startWith(client: MockClient, contactId = contacts.carla.id, lang = 'pt-BR'): Promise<ConectaStartConversation> {
  const el = await fixture<ConectaStartConversation>(
    html`<conecta-start-conversation .client=${client} contact-id=${contactId} lang=${lang}></conecta-start-conversation>`,
  );
  await settle(el, 5);
  return el;
}

const select = async (el: ConectaStartConversation, selector: string, value: string) => {
  const control = $(el, selector) as HTMLSelectElement;
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await settle(el);
};
const fill = async (el: ConectaStartConversation, selector: string, value: string) => {
  const input = $(el, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await settle(el);
};

describe('<conecta-start-conversation>', () => {
  it('is accessible: with the window closed and a template chosen, with it open, and with a missing phone', async () => {
    const closed = await startWith(createMockClient(queueFixture()));
    await select(closed, '#template', 'tpl-retomar');
    await expect(closed).to.be.accessible();
    await expect(await startWith(createMockClient(wroteOnWhatsappFixture(30)))).to.be.accessible();
    await expect(await startWith(createMockClient(queueFixture()), contacts.elisa.id)).to.be.accessible();
  });

  it('offers the agent’s own teams and the catalog’s channels', async () => {
    const el = await startWith(createMockClient(queueFixture()));
    const options = (selector: string) => [...(($(el, selector) as HTMLSelectElement).options ?? [])].map((o) => o.textContent);
    expect(options('#team')).to.deep.equal(['Suporte', 'Vendas']);
    expect($(el, 'input[name="destination"][value="team"]').matches(':checked')).to.equal(true, 'the agent’s team by default');
    expect(options('#channel')).to.deep.equal(['WhatsApp Loja Demo']);
  });

  it('with the window closed, asks for a template: variables pre-filled from the contact, a live preview, and sends it', async () => {
    const client = createMockClient(queueFixture());
    const el = await startWith(client);
    expect($(el, '[part="window"]').dataset.window).to.equal('closed');
    expect(el.shadowRoot!.querySelector('#text')).to.equal(null, 'no free message outside the window');
    await select(el, '#template', 'tpl-retomar');
    expect(($(el, '#variable-nome') as HTMLInputElement).value).to.equal('Carla', 'nome: the contact’s first name');
    expect(($(el, '#variable-agente') as HTMLInputElement).value).to.equal('Ana Souza', 'agente: the agent’s nickname, else name');
    await fill(el, '#variable-agente', 'Ana S.');
    expect(text($(el, '[part="template-preview"]'))).to.equal('Olá Carla, aqui é Ana S. da Conecta. Podemos continuar seu atendimento?');
    setTimeout(() => ($(el, '[part="start-button"]') as HTMLButtonElement).click());
    const { detail } = await oneEvent(el, 'conecta-conversation-started');
    expect(detail.session.status).to.equal('active');
    expect(detail.contact.id).to.equal(contacts.carla.id);
    const [sent] = client.received('session.start');
    expect(sent).to.deep.include({ contactId: contacts.carla.id, channelKey: 'whatsapp-demo', teamId: 'suporte' });
    expect(sent!.message).to.deep.include({ templateId: 'tpl-retomar', variables: { nome: 'Carla', agente: 'Ana S.' } });
  });

  it('refuses to start with a template variable left empty, saying which', async () => {
    const client = createMockClient(queueFixture());
    const el = await startWith(client);
    await select(el, '#template', 'tpl-retomar');
    await fill(el, '#variable-nome', '  ');
    await el.start();
    await settle(el);
    expect($(el, '#variable-nome').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('variable-nome');
    expect(client.received('session.start')).to.deep.equal([]);
  });

  it('sends the session to the channel’s automatic flow when asked: it starts, then waits in the queue', async () => {
    const client = createMockClient(queueFixture());
    const el = await startWith(client);
    const flow = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="destination"][value="flow"]')!;
    flow.click();
    await settle(el);
    expect(text($(el, 'label[for="team"]'))).to.equal('Equipe do modelo');
    await select(el, '#template', 'tpl-retomar');
    setTimeout(() => void el.start());
    const { detail } = await oneEvent(el, 'conecta-conversation-started');
    expect(client.received('session.start')[0]!.destination).to.equal('flow');
    expect(detail.session.status).to.equal('waiting');
  });

  it('with the window open, writes a free message instead', async () => {
    const client = createMockClient(wroteOnWhatsappFixture(30));
    const el = await startWith(client);
    expect($(el, '[part="window"]').dataset.window).to.equal('open');
    expect(el.shadowRoot!.querySelector('#template')).to.equal(null);
    await fill(el, '#text', 'Oi Carla, tudo certo com o pedido?');
    await el.start();
    expect(client.received('session.start')[0]!.message).to.deep.include({ text: 'Oi Carla, tudo certo com o pedido?' });
  });

  it('the window counts 24 hours from the contact’s last message on the channel', async () => {
    const el = await startWith(createMockClient(wroteOnWhatsappFixture(25 * 60)));
    expect($(el, '[part="window"]').dataset.window).to.equal('closed');
  });

  it('says clearly that a contact without a phone cannot be reached on WhatsApp, and sends nothing', async () => {
    const client = createMockClient(queueFixture());
    const el = await startWith(client, contacts.elisa.id);
    const error = $(el, '#error-channel');
    expect(text(error)).to.equal('Elisa Prado não tem telefone cadastrado: adicione um no contato para falar com ele pelo WhatsApp.');
    expect($(el, '#channel').getAttribute('aria-describedby')).to.equal('error-channel');
    expect(($(el, '[part="start-button"]') as HTMLButtonElement).disabled).to.equal(true);
    await el.start();
    expect(client.received('session.start')).to.deep.equal([]);
  });

  it('shows the server’s refusals: the reason beside its field, and the permission in words', async () => {
    const client = createMockClient(queueFixture()).failWith('session.start', 'INVALID_PAYLOAD', 'bad', {
      contactId: 'has no phone number',
    });
    const el = await startWith(client);
    await select(el, '#template', 'tpl-retomar');
    await el.start();
    await settle(el);
    expect(text($(el, '#error-channel'))).to.equal('has no phone number');
    client.failWith('session.start', 'FORBIDDEN', 'no');
    await el.start();
    await settle(el);
    expect(text($(el, '.error[role="alert"]'))).to.contain('Você não tem permissão para iniciar conversas');
  });

  it('without a contact, finds one as the directory does', async () => {
    const client = createMockClient(queueFixture());
    const el = await startWith(client, '');
    await fill(el, '[part="search"]', 'diego');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(el);
    expect(client.received('contact.search').at(-1)?.query).to.equal('diego');
    ($(el, '[part="results"] button') as HTMLButtonElement).click();
    await settle(el, 5);
    expect(el.contactId).to.equal(contacts.diego.id);
    expect(text($(el, '[part="contact"] .name'))).to.equal('Diego Ramos');
  });

  it('speaks English', async () => {
    const el = await startWith(createMockClient({ ...queueFixture(), me: { ...bruno, teamIds: ['suporte'] } }), contacts.carla.id, 'en');
    expect(text($(el, '[part="start-button"]'))).to.equal('Start');
    expect(text($(el, '[part="window"]'))).to.equal('Outside the 24-hour window: only a message template can be sent.');
  });
});
