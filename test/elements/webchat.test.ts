import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import {
  contacts,
  createMockClient,
  visitor,
  webchatChannel,
  webchatNewVisitorFixture,
  webchatReturningFixture,
  type MockClient, aServerMessage } from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

const SERVER = 'https://conecta.test';
const openKey = `conecta-webchat:open:${SERVER}#demo`;

async function webchatWith(client: MockClient, lang = 'pt-BR'): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server=${SERVER} channel="demo" lang=${lang}></conecta-webchat>`,
  );
  await settle(el);
  return el;
}

/** A new visitor, the panel opened with the launcher. */
async function openedPrechat(lang = 'pt-BR') {
  const client = createMockClient(webchatNewVisitorFixture());
  const el = await webchatWith(client, lang);
  $(el, '[part="launcher"]').click();
  await settle(el);
  return { client, el };
}

function fill(el: ConectaWebchat, selector: string, value: string): void {
  ($(el, selector) as HTMLInputElement).value = value;
}

describe('<conecta-webchat>', () => {
  afterEach(() => sessionStorage.clear());

  describe('accessibility', () => {
    it('is accessible closed, with the pre-chat form, and in a conversation', async () => {
      const { el } = await openedPrechat();
      await expect(el).to.be.accessible();
      const returning = await webchatWith(createMockClient(webchatReturningFixture()));
      $(returning, '[part="launcher"]').click();
      await settle(returning);
      await expect(returning).to.be.accessible();
    });

    it('has a launcher that says whether the panel is open, and a named dialog', async () => {
      const { el } = await openedPrechat();
      const launcher = $(el, '[part="launcher"]');
      expect(launcher.getAttribute('aria-expanded')).to.equal('true');
      expect(text(launcher)).to.equal('Fale conosco');
      const panel = $(el, '[part="panel"]');
      expect(panel.getAttribute('role')).to.equal('dialog');
      expect(text($(el, `#${panel.getAttribute('aria-labelledby')}`))).to.equal('Fale conosco');
      expect($(el, '[part="close-button"]').getAttribute('aria-label')).to.equal('Fechar conversa');
    });
  });

  describe('properties', () => {
    it('reflects open and remembers it for the tab', async () => {
      const { el } = await openedPrechat();
      expect(el.hasAttribute('open')).to.equal(true);
      expect(sessionStorage.getItem(openKey)).to.equal('1');
      await el.hide();
      expect(sessionStorage.getItem(openKey)).to.equal(null);
    });
  });

  describe('rendering', () => {
    it('moves focus into the panel on open, and Escape closes it and returns focus to the launcher', async () => {
      const { el } = await openedPrechat();
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#visitor-name'));
      press($(el, '#visitor-name'), 'Escape');
      await settle(el);
      expect(el.open).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="panel"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="launcher"]'));
      expect($(el, '[part="launcher"]').getAttribute('aria-expanded')).to.equal('false');
    });

    it("shows the pre-chat form with the channel's teams as radios", async () => {
      const { client, el } = await openedPrechat();
      expect(client.calls.map((c) => c.method)).to.include.members(['loadVisitorSessions', 'fetchChannel']);
      expect($$(el, 'input[type="radio"]').map((r) => (r as HTMLInputElement).value)).to.deep.equal(webchatChannel.teams.map((t) => t.id));
      expect(text($(el, 'legend'))).to.equal('Com quem você quer falar?');
    });

    it('refuses to start without a name or team, or with a bad e-mail', async () => {
      const { client, el } = await openedPrechat();
      fill(el, '#visitor-email', 'nope');
      ($(el, '[part="prechat"]') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(client.calls.some((c) => c.method === 'startWebchat')).to.equal(false);
      expect(text($(el, '#visitor-name-error'))).to.equal('Informe seu nome.');
      expect(text($(el, '#visitor-email-error'))).to.equal('Informe um e-mail válido ou deixe em branco.');
      expect(text($(el, '#team-error'))).to.equal('Escolha com quem quer falar.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#visitor-name'));
    });

    it('starts a conversation and shows the waiting notice, then sends on Enter but not Shift+Enter', async () => {
      const { client, el } = await openedPrechat();
      fill(el, '#visitor-name', 'Joana');
      ($(el, 'input[value="vendas"]') as HTMLInputElement).checked = true;
      ($(el, '[part="prechat"]') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(client.calls.find((c) => c.method === 'startWebchat')!.args[0]).to.deep.equal({ name: 'Joana', email: null, teamId: 'vendas' });
      expect(text($(el, '[part="notice"]'))).to.equal('Você está na fila. Um atendente vai responder em breve.');
      const textarea = $(el, 'textarea') as HTMLTextAreaElement;
      expect(el.shadowRoot!.activeElement).to.equal(textarea);
      textarea.value = 'Oi!';
      press(textarea, 'Enter', { shiftKey: true });
      expect(client.calls.filter((c) => c.method === 'sendMessage')).to.have.length(0);
      press(textarea, 'Enter');
      await settle(el);
      const own = $(el, '[part~="message"][part~="own"]');
      expect(text(own)).to.contain('Você').and.contain('Oi!');
    });

    it('restores an unfinished conversation after a reload when the panel was open', async () => {
      sessionStorage.setItem(openKey, '1');
      // After a reload the store is empty; the server still knows the visitor's session.
      const client = createMockClient(webchatReturningFixture(), { store: { visitor, connection: 'connected' } });
      const el = await webchatWith(client);
      expect(el.open).to.equal(true);
      expect(client.calls.map((c) => c.method)).to.deep.equal(['loadVisitorSessions', 'openSession']);
      expect(text($(el, '[role="log"]'))).to.contain('Olá, meu pedido não chegou.');
      expect(el.shadowRoot!.querySelector('[part="prechat"]')).to.equal(null);
    });

    it('shows agents by name, and a finished notice with a New conversation button', async () => {
      const client = createMockClient(webchatReturningFixture());
      const el = await webchatWith(client);
      await el.show();
      await settle(el);
      const session = client.serverState.sessions['session-1'];
      client.push({ message: aServerMessage({ id: 'm-a', sessionId: session.id, seq: 2, authorKind: 'agent', authorId: 'agent-ana',
        authorName: 'Ana', text: 'Olá! Vou verificar.', createdAt: Date.now() }) });
      client.push({ session: { ...session, status: 'finished', version: session.version + 5 } });
      await settle(el);
      expect(text($(el, '[part~="message"][part~="other"] .author'))).to.equal('Ana');
      expect(text($(el, '[part="notice"] [role="status"]'))).to.equal('Esta conversa foi encerrada.');
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
      $(el, '[part="new-conversation-button"]').click();
      await settle(el);
      expect(($(el, '#visitor-name') as HTMLInputElement).value).to.equal(contacts.carla.name);
    });
  });

  describe('store integration', () => {
    it('re-renders for a new message in its conversation, not for another session', async () => {
      const client = createMockClient(webchatReturningFixture());
      const el = await webchatWith(client);
      await el.show();
      await settle(el);
      expect(el.isUpdatePending, 'settled').to.equal(false);
      client.push({ session: { ...client.serverState.sessions['session-1'], id: 'session-x', contactId: 'someone-else' } });
      expect(el.isUpdatePending).to.equal(false);
      client.push({ message: aServerMessage({ id: 'm-b', sessionId: 'session-1', seq: 2, authorKind: 'agent', authorId: 'agent-ana',
        authorName: 'Ana', text: 'Chegando!', createdAt: Date.now() }) });
      expect(el.isUpdatePending).to.equal(true);
      await el.updateComplete;
      expect(text($(el, '[role="log"]'))).to.contain('Chegando!');
    });
  });

  describe('i18n', () => {
    it('speaks English and Spanish through lang', async () => {
      const { el } = await openedPrechat('en');
      expect(text($(el, '[part="start-button"]'))).to.equal('Start chat');
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '[part="start-button"]'))).to.equal('Iniciar conversación');
      expect(text($(el, '[part="launcher"]'))).to.equal('Habla con nosotros');
    });
  });
});
