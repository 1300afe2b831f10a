import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import { ana, contacts, conversationFixture, createMockClient, type MockClient, aServerMessage } from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function sessionWith(client: MockClient, sessionId = 'session-4', lang = 'pt-BR'): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(
    html`<conecta-session .client=${client} session-id=${sessionId} lang=${lang}></conecta-session>`,
  );
  await settle(el);
  return el;
}

function type(el: ConectaSession, value: string): HTMLTextAreaElement {
  const textarea = $(el, 'textarea') as HTMLTextAreaElement;
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return textarea;
}

describe('<conecta-session>', () => {
  describe('accessibility', () => {
    it('is accessible with a conversation', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      await expect(el).to.be.accessible();
    });

    it('is accessible while asking to confirm Finish', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      $(el, '[part="finish-button"]').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('gives the composer a label and describes why it is disabled', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()), 'session-1');
      const textarea = $(el, 'textarea') as HTMLTextAreaElement;
      expect(text($(el, `label[for="${textarea.id}"]`))).to.equal('Mensagem');
      expect(textarea.disabled).to.equal(true);
      expect(text($(el, `#${textarea.getAttribute('aria-describedby')}`))).to.equal('Aceite o atendimento para responder.');
    });
  });

  describe('properties', () => {
    it('opens the session when session-id is set, and again when it changes', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      el.sessionId = 'session-1';
      await settle(el);
      expect(client.calls.filter((c) => c.method === 'openSession').map((c) => c.args[0])).to.deep.equal(['session-4', 'session-1']);
      expect(text($(el, 'h2'))).to.equal(contacts.carla.name);
    });

    it('shows a placeholder without a session-id', async () => {
      const el = await fixture<ConectaSession>(
        html`<conecta-session .client=${createMockClient(conversationFixture())}></conecta-session>`,
      );
      expect(text($(el, '.placeholder'))).to.equal('Nenhum atendimento selecionado.');
    });
  });

  describe('rendering', () => {
    it('shows the contact, protocol, status and the transcript with own messages on the own side', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      expect(text($(el, 'h2'))).to.equal(contacts.elisa.name);
      expect(text($(el, '.protocol'))).to.equal('Protocolo 20261122-000004');
      expect(text($(el, '[part="status"]'))).to.equal('Em atendimento');
      const log = $(el, '[role="log"]');
      expect(log.getAttribute('aria-live')).to.equal('polite');
      const parts = $$(el, '[part~="message"]').map((m) => m.getAttribute('part'));
      expect(parts).to.deep.equal(['message other', 'message own', 'message system', 'message other']);
      // Alone in the session, the agent's own messages are not signed; the contact's are.
      expect(el.shadowRoot!.querySelector('[part~="own"] .author')).to.equal(null);
      expect(text($(el, '[part~="other"] .author'))).to.equal(contacts.elisa.name);
    });

    it('makes http(s) links clickable and leaves other schemes as text', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      client.push({
        message: aServerMessage({
          id: 'm-x',
          sessionId: 'session-4',
          seq: 5,
          authorKind: 'contact',
          authorId: contacts.elisa.id,
          authorName: contacts.elisa.name,
          text: 'veja javascript:alert(1) e <b>https://ex.com/a?b=1</b>.',
          createdAt: Date.now(),
        }),
      });
      await el.updateComplete;
      const message = $(el, '[data-message-id="m-x"]');
      const links = [...message.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://ex.com/a?b=1']);
      expect(message.querySelector('b')).to.equal(null);
      expect(text(message.querySelector('.text'))).to.contain('javascript:alert(1)');
    });

    it('shows a failed own message with a retry button that resends it', async () => {
      const client = createMockClient(conversationFixture()).failWith('message.send', 'TIMEOUT', 'No answer.');
      const el = await sessionWith(client);
      type(el, 'Ainda está aí?');
      press($(el, 'textarea'), 'Enter');
      await settle(el);
      const failed = $(el, '[part~="own"][data-status="failed"]');
      expect(text(failed.querySelector('[part="message-status"]'))).to.equal('Não enviada');
      client.handle('message.send', (payload, mock) => {
        const session = mock.serverState.sessions[payload.sessionId];
        return mock.apply({
          message: aServerMessage({
            ...payload,
            text: payload.text ?? '',
            seq: 5,
            authorKind: 'agent' as const,
            authorId: ana.id,
            authorName: ana.name,
            createdAt: Date.now(),
          }),
          session: { ...session, lastSeq: 5, version: session.version + 1 },
        });
      });
      (failed.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
      await settle(el);
      expect(client.calls.some((c) => c.method === 'retryMessage')).to.equal(true);
      expect($(el, `[data-message-id="${failed.dataset.messageId}"]`).dataset.status).to.equal('sent');
    });

    it('disables the composer with a reason when the session is finished', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()), 'session-6');
      expect(($(el, 'textarea') as HTMLTextAreaElement).disabled).to.equal(true);
      expect(text($(el, '#composer-hint'))).to.equal('Este atendimento foi finalizado.');
      expect(el.shadowRoot!.querySelector('[part="finish-button"]')).to.equal(null);
    });
  });

  describe('composer', () => {
    it('sends on Enter and clears the textarea', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      const textarea = type(el, '  Pode tentar de novo?  ');
      const event = press(textarea, 'Enter');
      expect(event.defaultPrevented).to.equal(true);
      expect(client.calls.filter((c) => c.method === 'sendMessage').map((c) => c.args)).to.deep.equal([
        ['session-4', 'Pode tentar de novo?', []],
      ]);
      expect(textarea.value).to.equal('');
      await settle(el);
      const last = $$(el, '[part~="message"]').at(-1)!;
      expect(last.getAttribute('part')).to.equal('message own');
      expect(last.dataset.status).to.equal('sent');
    });

    it('does not send on Shift+Enter, while composing with an IME, or when empty', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      const textarea = type(el, 'linha 1');
      expect(press(textarea, 'Enter', { shiftKey: true }).defaultPrevented).to.equal(false);
      press(textarea, 'Enter', { isComposing: true });
      type(el, '   ');
      press(textarea, 'Enter');
      expect(client.calls.filter((c) => c.method === 'sendMessage')).to.have.length(0);
    });
  });

  describe('store integration', () => {
    it('re-renders when a message arrives in this session', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      client.push({
        message: aServerMessage({
          id: 'm-new',
          sessionId: 'session-4',
          seq: 5,
          authorKind: 'contact',
          authorId: contacts.elisa.id,
          authorName: contacts.elisa.name,
          text: 'Funcionou!',
          createdAt: Date.now(),
        }),
      });
      expect(el.isUpdatePending).to.equal(true);
      await el.updateComplete;
      expect(text($$(el, '[part~="message"]').at(-1))).to.contain('Funcionou!');
    });

    it('does not re-render for a message in another session', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      client.push({
        message: aServerMessage({
          id: 'm-other',
          sessionId: 'session-1',
          seq: 2,
          authorKind: 'contact',
          authorId: contacts.carla.id,
          authorName: contacts.carla.name,
          text: 'Alô?',
          createdAt: Date.now(),
        }),
      });
      expect(el.isUpdatePending).to.equal(false);
    });
  });

  describe('events', () => {
    it('finishes after confirmation and dispatches conecta-session-finished', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      $(el, '[part="finish-button"]').click();
      await el.updateComplete;
      expect(client.received('session.finish')).to.have.length(0);
      const confirm = $(el, '[part="confirm"] button.danger');
      expect(el.shadowRoot!.activeElement).to.equal(confirm);
      setTimeout(() => confirm.click());
      const event = await oneEvent(el, 'conecta-session-finished');
      expect(event.detail.session).to.include({ id: 'session-4', status: 'finished' });
      expect(event.detail.contact.id).to.equal(contacts.elisa.id);
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(text($(el, '[part="status"]'))).to.equal('Finalizado');
    });

    it("keeps the question open with the server's reason when Finish fails, and forgets it once cancelled", async () => {
      const client = createMockClient(conversationFixture()).failWith('session.finish', 'FORBIDDEN', 'Not yours.');
      const el = await sessionWith(client);
      let finished = false;
      el.addEventListener('conecta-session-finished', () => (finished = true));
      $(el, '[part="finish-button"]').click();
      await el.updateComplete;
      $(el, '[part="confirm"] button.danger').click();
      await settle(el);
      expect(finished).to.equal(false);
      const reason = text($(el, '[part="confirm"] [role="alert"]'));
      expect(reason).to.not.equal('');
      expect(($(el, '[part="confirm"] button.danger') as HTMLButtonElement).disabled).to.equal(false);
      press($(el, '[part="confirm"] button.danger'), 'Escape');
      await settle(el);
      $(el, '[part="finish-button"]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="confirm"] [role="alert"]')).to.equal(null);
    });

    it('cancels Finish with Escape and returns focus to the Finish button', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      $(el, '[part="finish-button"]').click();
      await el.updateComplete;
      press($(el, '[part="confirm"] button.danger'), 'Escape');
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="confirm"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="finish-button"]'));
      expect(client.received('session.finish')).to.have.length(0);
    });
  });

  describe('i18n', () => {
    it('speaks English and Spanish through lang', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()), 'session-4', 'en');
      expect(text($(el, '[part="send-button"]'))).to.equal('Send');
      expect(text($(el, '[part="status"]'))).to.equal('In service');
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '[part="send-button"]'))).to.equal('Enviar');
      expect(text($(el, '[part="finish-button"]'))).to.equal('Finalizar');
      expect(text($(el, '.protocol'))).to.equal('Protocolo 20261122-000004');
    });

    it("follows the page's lang", async () => {
      document.documentElement.lang = 'en';
      try {
        const el = await fixture<ConectaSession>(
          html`<conecta-session .client=${createMockClient(conversationFixture())} session-id="session-4"></conecta-session>`,
        );
        await settle(el);
        expect(text($(el, '[part="send-button"]'))).to.equal('Send');
      } finally {
        document.documentElement.removeAttribute('lang');
      }
    });
  });
});
