import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaState } from '../../src/client/state.js';
import { ConectaError, MAX_UPLOAD_BYTES, type Attachment, type Session, type SystemEvent } from '../../src/protocol/index.js';
import type { UploadOptions } from '../../src/client/upload.js';
import {
  aMessage,
  ana,
  bruno,
  contacts,
  conversationFixture,
  createMockClient,
  type MockClient,
  type MockClientOptions,
} from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

const HOUR = 60 * 60 * 1000;

async function sessionWith(client: MockClient, lang = 'pt-BR'): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(html`<conecta-session .client=${client} session-id="session-4" lang=${lang}></conecta-session>`);
  await settle(el);
  return el;
}

/** The conversation fixture with session-4 changed. */
function withSession(change: Partial<Session>, now = Date.now(), extra: Partial<ConectaState> = {}): ConectaState {
  const state = conversationFixture(now);
  const session = state.sessions['session-4'];
  return { ...state, sessions: { ...state.sessions, 'session-4': { ...session, ...change } }, ...extra };
}

function type(el: ConectaSession, value: string): HTMLTextAreaElement {
  const textarea = $(el, '#composer-input') as HTMLTextAreaElement;
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return textarea;
}

function chooseFiles(el: ConectaSession, files: File[]): void {
  const input = $(el, '#file-input') as HTMLInputElement;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const elisa = { authorKind: 'contact' as const, authorId: contacts.elisa.id, authorName: contacts.elisa.name };

describe('<conecta-session> conversation', () => {
  describe('header', () => {
    it('shows the phone, the time since the session began and since the last message, ticking', async () => {
      const now = Date.now();
      const state = withSession({ acceptedAt: now - 30_000, lastInboundAt: now - 10_000 }, now);
      state.contacts = { ...state.contacts, [contacts.elisa.id]: { ...contacts.elisa, phone: '+5511912345678' } };
      const el = await sessionWith(createMockClient(state));
      expect(text($(el, '.phone'))).to.equal('+5511912345678');
      const before = text($(el, '.started'));
      expect(before).to.match(/^Iniciado há 3\d s$/);
      expect(text($(el, '.last-inbound'))).to.match(/^Última mensagem do contato há 1\d s$/);
      expect(el.shadowRoot!.querySelector('[part="window"]')).to.equal(null); // webchat has no window
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await el.updateComplete;
      expect(text($(el, '.started'))).not.to.equal(before);
    });

    it("counts down the WhatsApp window from the contact's last message", async () => {
      const now = Date.now();
      // 22 h 00 min 30 s ago: 1 h 59 min 30 s left, whichever millisecond the element renders in.
      const el = await sessionWith(createMockClient(withSession({ channel: 'whatsapp', lastInboundAt: now - 22 * HOUR - 30_000 }, now)));
      expect(text($(el, '[part="window"]'))).to.match(/^Janela de 24 h: 1 h 59 min restantes$/);
      expect($(el, '#composer-input')).to.exist;
    });
  });

  describe('window closed', () => {
    it('replaces the composer with the reason and a template picker that needs every variable', async () => {
      const now = Date.now();
      const client = createMockClient(withSession({ channel: 'whatsapp', lastInboundAt: now - 25 * HOUR }, now));
      const el = await sessionWith(client);
      expect(el.shadowRoot!.querySelector('#composer-input')).to.equal(null);
      expect(text($(el, '[part="window"]'))).to.equal('Janela de 24 h fechada');
      expect(text($(el, '[part="window-closed"] p'))).to.contain('A janela de 24 horas está fechada');
      const opener = $(el, '[part="template-button"]');
      opener.click();
      await settle(el);
      const dialog = $(el, 'dialog[part~="template-dialog"]') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      await expect(el).to.be.accessible();
      ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(client.received('message.sendTemplate')).to.have.length(0);
      expect(text($(el, '#error-nome'))).to.equal('Preencha este campo.');
      expect(el.shadowRoot!.activeElement === $(el, '#field-nome'), 'focus').to.equal(true);
      const fill = (name: string, value: string) => {
        const input = $(el, `#field-${name}`) as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      };
      fill('nome', 'Elisa');
      await el.updateComplete;
      expect(text($(el, '[part="template-preview"]'))).to.equal(
        'Olá Elisa, aqui é {{agente}} da Conecta. Podemos continuar seu atendimento?',
      );
      fill('agente', 'Ana');
      await el.updateComplete;
      expect(text($(el, '[part="template-preview"]'))).to.equal('Olá Elisa, aqui é Ana da Conecta. Podemos continuar seu atendimento?');
      ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
      await settle(el, 5);
      expect(client.received('message.sendTemplate')[0]).to.deep.include({
        sessionId: 'session-4',
        templateId: 'tpl-retomar',
        variables: { nome: 'Elisa', agente: 'Ana' },
      });
      expect(text($$(el, '[part~="message"]').at(-1))).to.contain('aqui é Ana da Conecta');
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
      expect(el.shadowRoot!.activeElement === $(el, '[part="template-button"]'), 'focus').to.equal(true);
    });

    it("shows the server's field errors in the template picker", async () => {
      const now = Date.now();
      const client = createMockClient(withSession({ channel: 'whatsapp', lastInboundAt: null }, now)).failWith(
        'message.sendTemplate',
        'INVALID_PAYLOAD',
        'Bad.',
        { 'variables.agente': 'is too long' },
      );
      const el = await sessionWith(client);
      $(el, '[part="template-button"]').click();
      await settle(el);
      for (const name of ['nome', 'agente']) {
        const input = $(el, `#field-${name}`) as HTMLInputElement;
        input.value = 'x';
        input.dispatchEvent(new Event('input'));
      }
      ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(text($(el, '#error-agente'))).to.equal('is too long');
      expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(true);
    });
  });

  describe('transcript', () => {
    it('loads older messages when scrolled to the top and keeps the reading position', async () => {
      const now = Date.now();
      const state = conversationFixture(now);
      const messages = Array.from({ length: 300 }, (_, i) =>
        aMessage({
          id: `m-${i + 1}`,
          sessionId: 'session-4',
          seq: i + 1,
          ...elisa,
          text: `Mensagem ${i + 1}`,
          createdAt: now - (300 - i) * 1000,
        }),
      );
      const server = { ...state, messages: { 'session-4': messages } };
      const client = createMockClient(server, { store: { ...state, messages: {} } });
      const el = await sessionWith(client);
      const log = $(el, '[role="log"]');
      expect($$(el, '[part~="message"]')).to.have.length(200);
      expect(log.scrollTop).to.be.greaterThan(0);
      const first = $(el, '[data-message-id="m-101"]');
      log.scrollTop = 0;
      const offset = first.getBoundingClientRect().top - log.getBoundingClientRect().top;
      log.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      expect(text($(el, '[role="log"] [role="status"]'))).to.equal('Carregando mensagens anteriores…');
      await settle(el);
      expect(client.calls.filter((c) => c.method === 'loadOlder')).to.have.length(1);
      expect($$(el, '[part~="message"]')).to.have.length(300);
      const offsetAfter = first.getBoundingClientRect().top - log.getBoundingClientRect().top;
      expect(Math.abs(offsetAfter - offset)).to.be.lessThan(2);
      log.scrollTop = 0;
      log.dispatchEvent(new Event('scroll'));
      await settle(el);
      expect(client.calls.filter((c) => c.method === 'loadOlder')).to.have.length(1); // nothing older
      expect(text($(el, '.older'))).to.equal('Início da conversa');
    });

    it('separates days: a date, Ontem, Hoje', async () => {
      const now = new Date();
      now.setHours(12, 0, 0, 0);
      const at = now.getTime();
      const state = conversationFixture(at);
      state.messages = {
        'session-4': [
          aMessage({ id: 'd1', sessionId: 'session-4', seq: 1, ...elisa, text: 'a', createdAt: at - 3 * 24 * HOUR }),
          aMessage({ id: 'd2', sessionId: 'session-4', seq: 2, ...elisa, text: 'b', createdAt: at - 24 * HOUR }),
          aMessage({ id: 'd3', sessionId: 'session-4', seq: 3, ...elisa, text: 'c', createdAt: at - HOUR }),
          aMessage({ id: 'd4', sessionId: 'session-4', seq: 4, ...elisa, text: 'd', createdAt: at }),
        ],
      };
      const el = await sessionWith(createMockClient(state));
      const days = $$(el, '[part="day-separator"]').map(text);
      expect(days).to.have.length(3);
      expect(days[0]).to.equal(new Intl.DateTimeFormat('pt-BR', { dateStyle: 'long' }).format(at - 3 * 24 * HOUR));
      expect(days.slice(1)).to.deep.equal(Date.now() - at < 12 * HOUR ? ['Ontem', 'Hoje'] : days.slice(1));
    });

    it("words system messages in the reader's language: a transfer with a note, an invitation", async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      const system = (id: string, seq: number, event: SystemEvent) =>
        aMessage({ id, sessionId: 'session-4', seq, authorKind: 'system', text: '', system: event, createdAt: Date.now() });
      client.push({
        message: system('s1', 5, {
          type: 'transferred',
          byAgentId: ana.id,
          byAgentName: ana.name,
          toTeamId: 'vendas',
          toTeamName: 'Vendas',
          toAgentId: bruno.id,
          toAgentName: bruno.name,
          note: 'cliente quer desconto',
        }),
      });
      client.push({
        message: system('s2', 6, { type: 'invited', byAgentId: ana.id, byAgentName: ana.name, agentId: bruno.id, agentName: bruno.name }),
      });
      await el.updateComplete;
      expect(text($(el, '[data-message-id="s1"] .text'))).to.equal('Ana Souza transferiu para Vendas (Bruno Lima): cliente quer desconto');
      expect(text($(el, '[data-message-id="s2"] .text'))).to.equal('Ana Souza convidou Bruno Lima para o atendimento');
      expect($(el, '[data-message-id="s2"]').getAttribute('part')).to.equal('message system');
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '[data-message-id="s1"] .text'))).to.equal('Ana Souza transfirió a Vendas (Bruno Lima): cliente quer desconto');
      el.lang = 'en';
      await el.updateComplete;
      expect(text($(el, '[data-message-id="s2"] .text'))).to.equal('Ana Souza invited Bruno Lima to the session');
    });

    it('shows delivered and read on own messages', async () => {
      const state = conversationFixture();
      const own = { authorKind: 'agent' as const, authorId: ana.id, authorName: ana.name };
      state.messages = {
        'session-4': [
          aMessage({ id: 'o1', sessionId: 'session-4', seq: 1, ...own, text: 'um', status: 'delivered', deliveredAt: 1 }),
          aMessage({ id: 'o2', sessionId: 'session-4', seq: 2, ...own, text: 'dois', status: 'read', deliveredAt: 1, readAt: 2 }),
        ],
      };
      const el = await sessionWith(createMockClient(state));
      expect(text($(el, '[data-message-id="o1"] [part="message-status"]'))).to.equal('Entregue');
      expect(text($(el, '[data-message-id="o2"] [part="message-status"]'))).to.equal('Lida');
    });

    it('signs every agent message once another agent took part', async () => {
      const state = withSession({ invitedAgentIds: [bruno.id] });
      state.messages = {
        'session-4': [
          aMessage({ id: 'a1', sessionId: 'session-4', seq: 1, authorKind: 'agent', authorId: ana.id, authorName: ana.name, text: 'oi' }),
          aMessage({
            id: 'b1',
            sessionId: 'session-4',
            seq: 2,
            authorKind: 'agent',
            authorId: bruno.id,
            authorName: bruno.name,
            text: 'olá',
          }),
        ],
      };
      const el = await sessionWith(createMockClient(state));
      expect(text($(el, '[data-message-id="a1"] .author'))).to.equal(ana.name);
      expect(text($(el, '[data-message-id="b1"] .author'))).to.equal(bruno.name);
      expect($(el, '[data-message-id="b1"]').getAttribute('part')).to.equal('message other');
    });

    it('shows images inline (opening in a new tab), audio with controls, and files with name and size', async () => {
      const state = conversationFixture();
      const file = (kind: Attachment['kind'], name: string, size: number, mime: string): Attachment => ({
        id: name,
        name,
        size,
        mime,
        kind,
        url: `/api/files/${name}?sig=1`,
      });
      state.messages = {
        'session-4': [
          aMessage({
            id: 'f1',
            sessionId: 'session-4',
            seq: 1,
            ...elisa,
            text: '',
            attachments: [
              file('image', 'foto.jpg', 20_000, 'image/jpeg'),
              file('audio', 'audio.ogg', 5000, 'audio/ogg'),
              file('file', 'contrato.pdf', 2_500_000, 'application/pdf'),
            ],
          }),
        ],
      };
      const el = await sessionWith(createMockClient(state));
      const img = $(el, '[data-message-id="f1"] img') as HTMLImageElement;
      expect(img.alt).to.equal('foto.jpg');
      expect(img.getAttribute('src')).to.equal('https://conecta.test/api/files/foto.jpg?sig=1');
      expect((img.closest('a') as HTMLAnchorElement).target).to.equal('_blank');
      expect(($(el, '[data-message-id="f1"] audio') as HTMLAudioElement).controls).to.equal(true);
      const link = $(el, '[data-message-id="f1"] [part~="file"]') as HTMLAnchorElement;
      expect(text(link)).to.equal('contrato.pdf (2,4 MB)');
      expect(link.href).to.equal('https://conecta.test/api/files/contrato.pdf?sig=1');
    });

    it("marks the contact's messages read while the transcript is visible", async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      expect(client.calls.filter((c) => c.method === 'markRead').map((c) => c.args[0])).to.deep.equal(['session-4']);
      client.push({ message: aMessage({ id: 'new', sessionId: 'session-4', seq: 5, ...elisa, text: 'mais uma', createdAt: Date.now() }) });
      await settle(el);
      expect(client.calls.filter((c) => c.method === 'markRead')).to.have.length(2);
    });
  });

  describe('composer', () => {
    function slowUpload() {
      const pending: Array<{ options: UploadOptions; resolve: (a: Attachment) => void; reject: (e: unknown) => void; file: File }> = [];
      const upload: MockClientOptions['upload'] = (file, options) =>
        new Promise((resolve, reject) => {
          pending.push({ options, resolve, reject, file: file as File });
          options.onProgress?.(0.3);
          options.signal?.addEventListener('abort', () => reject(new ConectaError({ code: 'DISCONNECTED', message: 'cancelled' })));
        });
      return { pending, upload };
    }

    it('uploads a chosen file with progress, can cancel it, and sends text and files together', async () => {
      const { pending, upload } = slowUpload();
      const client = createMockClient(conversationFixture(), { upload });
      const el = await sessionWith(client);
      chooseFiles(el, [new File(['abc'], 'a.txt', { type: 'text/plain' }), new File(['de'], 'b.png', { type: 'image/png' })]);
      await settle(el);
      const progress = $$(el, '[part="upload"] progress') as HTMLProgressElement[];
      expect(progress.map((p) => p.value)).to.deep.equal([0.3, 0.3]);
      expect(progress[0].getAttribute('aria-label')).to.equal('Envio de a.txt');
      $$(el, '[part="remove-upload"]')[0].click();
      await settle(el);
      expect(pending[0].options.signal?.aborted).to.equal(true);
      expect($$(el, '[part="upload"]')).to.have.length(1);
      type(el, 'Segue a foto');
      press($(el, '#composer-input'), 'Enter');
      await el.updateComplete;
      expect(text($(el, '[part="upload-error"]'))).to.equal('Aguarde os arquivos terminarem de enviar.');
      const attachment: Attachment = { id: 'file-b', name: 'b.png', size: 2, mime: 'image/png', kind: 'image', url: '/api/files/file-b' };
      pending[1].resolve(attachment);
      await settle(el);
      expect($(el, '[part="upload"]').dataset.done).to.equal('true');
      press($(el, '#composer-input'), 'Enter');
      await settle(el);
      const sent = client.calls.filter((c) => c.method === 'sendMessage').map((c) => c.args);
      expect(sent).to.deep.equal([['session-4', 'Segue a foto', [attachment]]]);
      expect(($(el, '#composer-input') as HTMLTextAreaElement).value).to.equal('');
      expect(el.shadowRoot!.querySelector('[part="upload"]')).to.equal(null);
    });

    it('refuses a file over 10 MB before uploading and keeps what was typed', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      const textarea = type(el, 'Veja o anexo');
      chooseFiles(el, [new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'grande.mp4', { type: 'video/mp4' })]);
      await settle(el);
      expect(client.calls.filter((c) => c.method === 'uploadFile')).to.have.length(0);
      expect(text($(el, '[part="upload-error"]'))).to.equal('grande.mp4 passa do limite de 10 MB.');
      expect(textarea.value).to.equal('Veja o anexo');
    });

    it("says when the server refuses a file's type and keeps the text", async () => {
      const upload: MockClientOptions['upload'] = () => Promise.reject(new ConectaError({ code: 'UNSUPPORTED_TYPE', message: 'nope' }));
      const el = await sessionWith(createMockClient(conversationFixture(), { upload }));
      const textarea = type(el, 'texto');
      const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
      drop.dataTransfer!.items.add(new File(['x'], 'virus.exe'));
      $(el, '[part="composer"]').dispatchEvent(drop);
      await settle(el);
      expect(text($(el, '[part="upload-error"]'))).to.equal('virus.exe: este tipo de arquivo não é aceito.');
      expect(textarea.value).to.equal('texto');
    });

    it('opens canned responses with / and picks one with the keyboard', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      const textarea = type(el, '/');
      await el.updateComplete;
      const options = () => $$(el, '[part="canned-option"]');
      expect(options().map((o) => o.id)).to.deep.equal(['canned-cr-ola', 'canned-cr-horario']);
      expect(textarea.getAttribute('aria-activedescendant')).to.equal('canned-cr-ola');
      await expect(el).to.be.accessible();
      press(textarea, 'ArrowDown');
      await el.updateComplete;
      expect(textarea.getAttribute('aria-activedescendant')).to.equal('canned-cr-horario');
      expect(options()[1].getAttribute('aria-selected')).to.equal('true');
      press(textarea, 'Enter');
      await el.updateComplete;
      expect(textarea.value).to.equal('Atendemos de segunda a sexta, das 8h às 18h.');
      expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
      expect(client.calls.filter((c) => c.method === 'sendMessage')).to.have.length(0);
      type(el, '/sauda');
      await el.updateComplete;
      expect(options().map((o) => o.id)).to.deep.equal(['canned-cr-ola']);
      press(textarea, 'Escape');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
    });

    it('sends typing at most every 3 s and stops it on send; shows the contact typing', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      type(el, 'O');
      type(el, 'Ol');
      type(el, 'Olá');
      const typing = () => client.calls.filter((c) => c.method === 'sendTyping').map((c) => c.args);
      expect(typing()).to.deep.equal([['session-4', true]]);
      press($(el, '#composer-input'), 'Enter');
      expect(typing()).to.deep.equal([
        ['session-4', true],
        ['session-4', false],
      ]);
      client.store.update((s) => ({
        ...s,
        typing: { 'session-4': [{ authorKind: 'contact', authorId: contacts.elisa.id, authorName: contacts.elisa.name }] },
      }));
      await el.updateComplete;
      expect(text($(el, '[part="typing"]'))).to.equal('Elisa Prado está digitando…');
    });
  });
});
