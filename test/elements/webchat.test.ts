import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { WebchatStart } from '../../src/client/api.js';
import { E164_PATTERN, EMAIL_PATTERN, type WebchatChannel } from '../../src/protocol/index.js';
import {
  contacts,
  createMockClient,
  visitor,
  webchatChannel,
  webchatNewVisitorFixture,
  webchatOfflineChannel,
  webchatReturningFixture,
  webchatSingleTeamChannel,
  type MockClient,
} from '../fixtures/index.js';
import { $, $$, settle, text, forgetConectaStorage } from './helpers.js';

// The stages before a conversation: pre-chat form, menu, offline form; and a conversation restored.

const SERVER = 'https://conecta.test';

const newVisitor = (channel: WebchatChannel = webchatChannel) =>
  createMockClient(webchatNewVisitorFixture(), { channel, identity: 'visitor' });

async function mount(client: MockClient, lang: string | null = 'pt-BR'): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server=${SERVER} channel="demo" lang=${lang ?? ''}></conecta-webchat>`,
  );
  if (lang === null) el.removeAttribute('lang');
  await settle(el);
  return el;
}

/** The panel opened with the launcher. */
async function opened(client: MockClient, lang: string | null = 'pt-BR'): Promise<ConectaWebchat> {
  const el = await mount(client, lang);
  $(el, '[part="launcher"]').click();
  await settle(el);
  return el;
}

function fill(el: ConectaWebchat, selector: string, value: string): void {
  const input = $(el, selector) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function submit(el: ConectaWebchat, selector: string): Promise<void> {
  ($(el, selector) as HTMLFormElement).requestSubmit();
  await settle(el);
}

const startCalls = (client: MockClient) =>
  client.calls.filter((call) => call.method === 'startWebchat').map((call) => call.args[0] as WebchatStart);
const focused = (el: ConectaWebchat) => el.shadowRoot!.activeElement;

/** Through the pre-chat form as Joana, to the menu. */
async function atMenu(client = newVisitor()): Promise<ConectaWebchat> {
  const el = await opened(client);
  fill(el, '#webchat-name', 'Joana');
  await submit(el, '[part="prechat"]');
  return el;
}

describe('<conecta-webchat> before the conversation', () => {
  afterEach(forgetConectaStorage);

  describe('pre-chat form', () => {
    it("greets with the channel's greeting and asks only for the fields the channel wants", async () => {
      const el = await opened(newVisitor());
      expect(text($(el, '[part="greeting"]'))).to.equal('Olá! Fale com a Loja Demo.');
      expect(text($(el, 'label[for="webchat-name"]'))).to.equal('Nome');
      expect(text($(el, 'label[for="webchat-email"]'))).to.equal('E-mail (opcional)');
      expect(el.shadowRoot!.querySelector('#webchat-phone'), 'phone is hidden on this channel').to.equal(null);
      expect(($(el, '#webchat-name') as HTMLInputElement).required).to.equal(true);
      expect(focused(el)).to.equal($(el, '#webchat-name'));
    });

    it('refuses to go on without the required name or with a bad e-mail, with the errors on the fields', async () => {
      const client = newVisitor();
      const el = await opened(client);
      fill(el, '#webchat-email', 'joana@');
      await submit(el, '[part="prechat"]');
      const name = $(el, '#webchat-name');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, `#${name.getAttribute('aria-describedby')}`))).to.equal('Preencha este campo.');
      const email = $(el, '#webchat-email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, `#${email.getAttribute('aria-describedby')}`))).to.equal('Informe um e-mail válido.');
      expect(focused(el)).to.equal(name);
      expect(startCalls(client)).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part="menu"]')).to.equal(null);
    });

    it('takes a phone in E.164 only, whatever the visitor typed around the digits', async () => {
      const channel = { ...webchatSingleTeamChannel, prechat: { name: 'hidden', email: 'hidden', phone: 'required' } } as WebchatChannel;
      const client = newVisitor(channel);
      const el = await opened(client);
      const phone = $(el, '#webchat-phone') as HTMLInputElement;
      expect(phone.type).to.equal('tel');
      expect(phone.getAttribute('aria-describedby')).to.contain('webchat-phone-hint');
      fill(el, '#webchat-phone', '11 98765-4321');
      await submit(el, '[part="prechat"]');
      expect(phone.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '#webchat-phone-error'))).to.equal('Informe o telefone com + e código do país.');
      fill(el, '#webchat-phone', '+55 (11) 98765-4321');
      await submit(el, '[part="prechat"]');
      expect(startCalls(client)).to.deep.equal([{ phone: '+5511987654321', teamId: 'suporte' }]);
    });

    it('holds the phone and e-mail to the same rules as the server (src/protocol/contact-rules.ts)', async () => {
      const channel = { ...webchatSingleTeamChannel, prechat: { name: 'hidden', email: 'required', phone: 'required' } } as WebchatChannel;
      // The shortest E.164 number the server takes (7 digits); an address it refuses (an underscore in the domain).
      for (const [phone, email, accepted] of [
        ['+3541234', 'ana@example.com', true],
        ['+5511987654321', 'ana@exa_mple.com', false],
      ] as const) {
        const client = newVisitor(channel);
        const el = await opened(client);
        fill(el, '#webchat-phone', phone);
        fill(el, '#webchat-email', email);
        await submit(el, '[part="prechat"]');
        expect(E164_PATTERN.test(phone) && EMAIL_PATTERN.test(email)).to.equal(accepted);
        expect(startCalls(client).length, `${phone} ${email}`).to.equal(accepted ? 1 : 0);
        el.remove();
        forgetConectaStorage(); // the next widget starts at the pre-chat form again
      }
    });

    it("puts the server's field errors on their inputs, back on the pre-chat form", async () => {
      const client = newVisitor();
      client.failWith('webchat.start', 'INVALID_PAYLOAD', 'The payload is not valid.', { email: 'is already used' });
      const el = await atMenu(client);
      ($$(el, '[part="menu-option"]')[0] as HTMLButtonElement).click();
      await settle(el);
      const email = $(el, '#webchat-email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '#webchat-email-error'))).to.equal('Verifique este campo.');
      expect(($(el, '#webchat-name') as HTMLInputElement).value, 'what the visitor typed is kept').to.equal('Joana');
      expect(text($(el, '[part="prechat"] [role="alert"]'))).to.equal('Verifique os campos destacados.');
    });

    it('fills in what it knows of a returning visitor', async () => {
      const client = createMockClient({ ...webchatNewVisitorFixture(), visitor, contacts: { [contacts.carla.id]: contacts.carla } });
      const el = await opened(client);
      expect(($(el, '#webchat-name') as HTMLInputElement).value).to.equal('Carla Mendes');
      expect(($(el, '#webchat-email') as HTMLInputElement).value).to.equal('carla@example.com');
    });

    it('says why it cannot load, and tries again', async () => {
      const client = newVisitor();
      client.failWith('webchat.sessions', 'TIMEOUT', 'Timed out.');
      const el = await opened(client);
      expect(text($(el, '[part="panel"] [role="alert"]'))).to.equal('O servidor demorou a responder. Tente de novo.');
      client.handle('webchat.sessions', () => ({ contact: null, sessions: [], queue: [] }));
      ($(el, '.stage button') as HTMLButtonElement).click();
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="prechat"]')).to.not.equal(null);
    });
  });

  describe('menu', () => {
    it('lists the options as numbered buttons and starts with the chosen team', async () => {
      const client = newVisitor();
      const el = await atMenu(client);
      expect(text($(el, '#webchat-menu-prompt'))).to.equal('Como podemos ajudar?');
      const options = $$(el, '[part="menu-option"]');
      expect(options.map(text)).to.deep.equal(['1. Problemas com um pedido', '2. Quero comprar', '3. Boletos e pagamentos']);
      expect(focused(el)).to.equal(options[0]);
      options[1].click();
      await settle(el);
      expect(startCalls(client)).to.deep.equal([{ name: 'Joana', email: null, teamId: 'vendas' }]);
      expect(el.shadowRoot!.querySelector('[role="log"]')).to.not.equal(null);
      expect(focused(el)).to.equal($(el, '#webchat-input'));
    });

    it('picks an option when its number is typed on the keyboard', async () => {
      const client = newVisitor();
      await atMenu(client);
      await sendKeys({ press: '2' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(startCalls(client).map((input) => input.teamId)).to.deep.equal(['vendas']);
    });

    it('takes the number typed in its field, and says which numbers exist', async () => {
      const client = newVisitor();
      const el = await atMenu(client);
      const number = $(el, '#webchat-menu-number') as HTMLInputElement;
      number.focus();
      await sendKeys({ type: '7' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(number.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '#webchat-menu-error'))).to.equal('Digite um número de 1 a 3.');
      expect(startCalls(client)).to.have.length(0);
      number.value = '1';
      await submit(el, '[part="menu"] form');
      expect(startCalls(client).map((input) => input.teamId)).to.deep.equal(['suporte']);
    });

    it('says why a conversation could not start, and stays on the menu', async () => {
      const client = newVisitor();
      client.failWith('webchat.start', 'RATE_LIMITED', 'Too many conversations started.');
      const el = await atMenu(client);
      $$(el, '[part="menu-option"]')[0].click();
      await settle(el);
      expect(text($(el, '[part="menu"] [role="alert"]'))).to.equal('Muitas tentativas. Aguarde um pouco.');
      expect($$(el, '[part="menu-option"]')).to.have.length(3);
    });

    it('is skipped with a single option', async () => {
      const client = newVisitor(webchatSingleTeamChannel);
      const el = await opened(client);
      fill(el, '#webchat-name', 'Joana');
      await submit(el, '[part="prechat"]');
      expect(el.shadowRoot!.querySelector('[part="menu"]')).to.equal(null);
      expect(startCalls(client)).to.deep.equal([{ name: 'Joana', email: null, phone: null, teamId: 'suporte' }]);
    });

    it('lets the visitor just write when there is nothing to ask first', async () => {
      const channel = { ...webchatSingleTeamChannel, prechat: { name: 'hidden', email: 'hidden', phone: 'hidden' } } as WebchatChannel;
      const client = newVisitor(channel);
      const el = await opened(client);
      expect(focused(el)).to.equal($(el, '#webchat-input'));
      expect(startCalls(client), 'no conversation before the visitor writes').to.have.length(0);
      fill(el, '#webchat-input', 'Oi, tudo bem?');
      await submit(el, '[part="composer"]');
      expect(startCalls(client)).to.deep.equal([{ teamId: 'suporte', text: 'Oi, tudo bem?' }]);
      expect(text($(el, '[role="log"]'))).to.contain('Oi, tudo bem?');
    });
  });

  describe('offline form', () => {
    it('takes over when the chosen team is out of hours, asking only for the message', async () => {
      const client = newVisitor();
      const el = await atMenu(client);
      $$(el, '[part="menu-option"]')[2].click();
      await settle(el);
      expect(text($(el, '[part="offline-form"] h3'))).to.equal('Estamos fora do horário de atendimento');
      expect(el.shadowRoot!.querySelector('#webchat-name'), 'already given').to.equal(null);
      await submit(el, '[part="offline-form"]');
      expect($(el, '#webchat-text').getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '#webchat-text-error'))).to.equal('Preencha este campo.');
      fill(el, '#webchat-text', 'Preciso da segunda via do boleto.');
      await submit(el, '[part="offline-form"]');
      expect(startCalls(client)).to.deep.equal([
        { name: 'Joana', email: null, teamId: 'financeiro', text: 'Preciso da segunda via do boleto.' },
      ]);
      expect(text($(el, '[part="queue-status"]'))).to.equal('Recebemos sua mensagem. Responderemos assim que voltarmos.');
      expect(text($(el, '[role="log"]'))).to.contain('Preciso da segunda via do boleto.');
    });

    it('is the first stage when the channel is closed, with the fields of the pre-chat form', async () => {
      const client = newVisitor(webchatOfflineChannel);
      const el = await opened(client);
      expect(el.shadowRoot!.querySelector('[part="prechat"]')).to.equal(null);
      fill(el, '#webchat-text', 'Vocês entregam no sábado?');
      await submit(el, '[part="offline-form"]');
      expect($(el, '#webchat-name').getAttribute('aria-invalid'), 'name is required').to.equal('true');
      expect(startCalls(client)).to.have.length(0);
      fill(el, '#webchat-name', 'Rui');
      fill(el, '#webchat-email', 'rui@example.com');
      await submit(el, '[part="offline-form"]');
      expect(startCalls(client)).to.deep.equal([
        { name: 'Rui', email: 'rui@example.com', teamId: 'suporte', text: 'Vocês entregam no sábado?' },
      ]);
    });
  });

  describe('a returning visitor', () => {
    it('gets the unfinished conversation back after a reload, with the place in the queue', async () => {
      sessionStorage.setItem(`conecta-webchat:open:${SERVER}#demo`, '1');
      // After a reload the store is empty; the server still knows the visitor's session.
      const client = createMockClient(webchatReturningFixture(), { store: { visitor, connection: 'connected' } });
      const el = await mount(client);
      expect(el.open).to.equal(true);
      expect(client.calls.map((c) => c.method)).to.include.members(['fetchChannel', 'loadVisitorSessions', 'openSession']);
      expect(text($(el, '[role="log"]'))).to.contain('Olá, meu pedido não chegou.');
      expect(text($(el, '[part="queue-status"]'))).to.equal('Você é o 2º da fila · cerca de 4 min');
      expect(el.shadowRoot!.querySelector('[part="prechat"]')).to.equal(null);
      expect(focused(el), 'a reload does not steal the page focus').to.equal(null);
    });
  });

  describe('i18n', () => {
    it('speaks English and Spanish through lang', async () => {
      const el = await opened(newVisitor(), 'en');
      expect(text($(el, '[part="start-button"]'))).to.equal('Start');
      expect(text($(el, 'label[for="webchat-email"]'))).to.equal('Email (optional)');
      el.setLocale('es');
      await el.updateComplete;
      expect(el.getAttribute('lang')).to.equal('es');
      expect(text($(el, '[part="start-button"]'))).to.equal('Empezar');
      expect($(el, '[part="launcher"]').getAttribute('aria-label')).to.equal('Cerrar chat');
    });

    it("follows the browser's languages, not only the page, without a lang of its own", async () => {
      document.documentElement.lang = 'pt-BR';
      try {
        const el = await opened(newVisitor(), null);
        // The test browser prefers en-US.
        expect(navigator.languages[0]).to.match(/^en/);
        expect(text($(el, '[part="start-button"]'))).to.equal('Start');
      } finally {
        document.documentElement.removeAttribute('lang');
      }
    });

    it('words the place in the queue and the wait in each language', async () => {
      sessionStorage.setItem(`conecta-webchat:open:${SERVER}#demo`, '1');
      const client = createMockClient(webchatReturningFixture());
      const el = await mount(client, 'en');
      expect(text($(el, '[part="queue-status"]'))).to.equal('You are 2nd in line · about 4 min');
      client.pushQueue({ sessionId: 'session-1', position: 3, etaMs: 65 * 60_000 });
      el.lang = 'es';
      await settle(el);
      expect(text($(el, '[part="queue-status"]'))).to.equal('Eres el 3.º en la fila · unos 1 h 05 min');
    });
  });
});
