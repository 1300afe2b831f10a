import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import { webchatTranslations } from '../../src/i18n/webchat/index.js';
import type { WebchatChannel } from '../../src/protocol/index.js';
import {
  createMockClient,
  webchatChannel,
  webchatNewVisitorFixture,
  webchatSingleTeamChannel,
  type MockClient,
} from '../fixtures/index.js';
import { $, $$, forgetConectaStorage, settle, text } from './helpers.js';

// The channel's own texts (greeting, menu prompt, option labels) follow the widget's language,
// falling back to the base language and then to the channel's default language.

const visitorOf = (channel: WebchatChannel) => createMockClient(webchatNewVisitorFixture(), { channel, identity: 'visitor' });

async function opened(client: MockClient, lang: string): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server="https://conecta.test" channel="demo" lang=${lang}></conecta-webchat>`,
  );
  await settle(el);
  $(el, '[part="launcher"]').click();
  await settle(el);
  return el;
}

/** Through the pre-chat form (the fixture channel requires only the name), to the menu. */
async function toMenu(el: ConectaWebchat): Promise<void> {
  const name = $(el, '#webchat-name') as HTMLInputElement;
  name.value = 'Joana';
  name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  ($(el, '[part="prechat"]') as HTMLFormElement).requestSubmit();
  await settle(el);
}

const greeting = (el: ConectaWebchat) => text($(el, '[part="greeting"]'));
const menu = (el: ConectaWebchat) => ({
  prompt: text($(el, '#webchat-menu-prompt')),
  options: $$(el, '[part="menu-option"]').map((option) => text(option)),
});

describe('<conecta-webchat> channel texts in the visitor’s language', () => {
  afterEach(forgetConectaStorage);

  it('greets and shows the menu in English with lang="en"', async () => {
    const el = await opened(visitorOf(webchatChannel), 'en');
    expect(greeting(el)).to.equal('Hi! Talk to Loja Demo.');
    await toMenu(el);
    expect(menu(el)).to.deep.equal({
      prompt: 'How can we help?',
      options: ['1. Problems with an order', '2. I want to buy', '3. Bills and payments'],
    });
  });

  it('greets and shows the menu in Spanish with lang="es-AR", through the base language', async () => {
    const el = await opened(visitorOf(webchatChannel), 'es-AR');
    expect(greeting(el)).to.equal('¡Hola! Habla con Loja Demo.');
    await toMenu(el);
    expect(menu(el).prompt).to.equal('¿Cómo podemos ayudarte?');
    expect(menu(el).options[0]).to.equal('1. Problemas con un pedido');
  });

  it('falls back to the channel’s default language for a text it lacks in the visitor’s', async () => {
    const channel: WebchatChannel = {
      ...webchatChannel,
      defaultLanguage: 'en',
      appearance: { ...webchatChannel.appearance, greeting: { en: 'Hi! Talk to Loja Demo.', 'pt-BR': 'Olá!' } },
      menu: {
        prompt: { en: 'How can we help?' },
        options: [
          { label: { en: 'Orders', es: 'Pedidos' }, teamId: 'suporte' },
          { label: { en: 'Buying' }, teamId: 'vendas' },
          { label: { fr: 'Paiements' }, teamId: 'financeiro' },
        ],
      },
    };
    const el = await opened(visitorOf(channel), 'es');
    expect(greeting(el), 'no Spanish greeting: the default language’s').to.equal('Hi! Talk to Loja Demo.');
    await toMenu(el);
    expect(menu(el)).to.deep.equal(
      { prompt: 'How can we help?', options: ['1. Pedidos', '2. Buying', '3. Financeiro'] },
      'an option in none of those languages is named after its team',
    );
  });

  it('without a channel greeting, greets with the widget’s own text in its language', async () => {
    const el = await opened(visitorOf(webchatSingleTeamChannel), 'en');
    expect(greeting(el)).to.equal(webchatTranslations.en.greeting);
  });

  it('switches the channel texts with setLocale(), without fetching the channel again', async () => {
    const client = visitorOf(webchatChannel);
    const el = await opened(client, 'pt-BR');
    expect(greeting(el)).to.equal('Olá! Fale com a Loja Demo.');
    el.setLocale('es');
    await el.updateComplete; // the element renders once its language table has loaded
    await settle(el);
    expect(greeting(el)).to.equal('¡Hola! Habla con Loja Demo.');
    expect(client.calls.filter((call) => call.method === 'fetchChannel')).to.have.length(1);
  });
});
