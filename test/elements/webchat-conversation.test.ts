import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import { ConectaError, MAX_UPLOAD_BYTES } from '../../src/protocol/index.js';
import {
  createMockClient,
  webchatActiveFixture,
  webchatFinishedFixture,
  webchatReturningFixture,
  type MockClient,
  type MockClientOptions,
} from '../fixtures/index.js';
import { $, $$, download, settle, text, forgetConectaStorage } from './helpers.js';

// The conversation itself: agent, queue, typing, receipts, files, links; then its end and rating.

const SERVER = 'https://conecta.test';

async function opened(client: MockClient): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server=${SERVER} channel="demo" lang="pt-BR"></conecta-webchat>`,
  );
  await settle(el);
  await el.show();
  await settle(el);
  return el;
}

const active = (options: MockClientOptions = {}) => createMockClient(webchatActiveFixture(), options);
const waiting = () => createMockClient(webchatReturningFixture());
const calls = (client: MockClient, method: string) => client.calls.filter((call) => call.method === method).map((call) => call.args);
const focused = (el: ConectaWebchat) => el.shadowRoot!.activeElement;

function write(el: ConectaWebchat, value: string): HTMLTextAreaElement {
  const textarea = $(el, '#webchat-input') as HTMLTextAreaElement;
  textarea.value = value;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return textarea;
}

async function send(el: ConectaWebchat, value: string): Promise<void> {
  write(el, value);
  ($(el, '[part="composer"]') as HTMLFormElement).requestSubmit();
  await settle(el);
}

function filesOf(...files: File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

async function drop(el: ConectaWebchat, ...files: File[]): Promise<void> {
  $(el, '.conversation').dispatchEvent(new DragEvent('drop', { dataTransfer: filesOf(...files), bubbles: true, cancelable: true }));
  await settle(el);
}

/** Pretend the visitor switched to another tab (or back). */
function setPageHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<conecta-webchat> conversation', () => {
  afterEach(() => {
    forgetConectaStorage();
    delete (document as { visibilityState?: string }).visibilityState;
  });

  describe('while waiting', () => {
    it('shows the place in the queue and the estimated wait, updated live', async () => {
      const client = waiting();
      const el = await opened(client);
      expect(text($(el, '[part="queue-status"]'))).to.equal('Você é o 2º da fila · cerca de 4 min');
      client.pushQueue({ sessionId: 'session-1', position: 1, etaMs: 20_000 });
      await settle(el);
      expect(text($(el, '[part="queue-status"]'))).to.equal('Você é o 1º da fila · cerca de 1 min');
      const region = document.body.querySelector('[data-conecta-announcer]');
      expect(text(region?.lastElementChild), 'said to screen readers too').to.equal('Você é o 1º da fila · cerca de 1 min');
      client.pushQueue({ sessionId: 'session-1', position: 1, etaMs: null });
      await settle(el);
      expect(text($(el, '[part="queue-status"]'))).to.equal('Você é o 1º da fila');
    });

    it("shows the agent's name and initials once accepted, and no more queue", async () => {
      const client = waiting();
      const el = await opened(client);
      expect(text($(el, '#webchat-title'))).to.equal('Fale conosco');
      client.pushAccepted('session-1', { id: 'agent-ana', name: 'Ana Souza' });
      await settle(el);
      expect(text($(el, '#webchat-title'))).to.equal('Ana Souza Atendente');
      expect(text($(el, '[part="avatar"]'))).to.equal('AS');
      expect($(el, '[part="avatar"]').getAttribute('aria-hidden')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part="queue-status"]')).to.equal(null);
      expect(text($(el, '[part~="system"] .text'))).to.equal('Ana Souza entrou na conversa');
    });
  });

  describe('typing', () => {
    it('shows when the agent is typing, until their message arrives', async () => {
      const client = active();
      const el = await opened(client);
      client.pushTyping('session-1', true);
      await settle(el);
      expect(text($(el, '[part="typing"]'))).to.equal('Ana está digitando');
      client.pushAgentMessage('session-1', 'Achei seu pedido.');
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="typing"]')).to.equal(null);
    });

    it('tells the agent the visitor is typing, throttled, and that they stopped on send', async () => {
      const client = active();
      const el = await opened(client);
      write(el, 'O');
      write(el, 'Oi');
      write(el, 'Oi!');
      expect(calls(client, 'sendTyping')).to.deep.equal([['session-1', true]]);
      await send(el, 'Oi!');
      expect(calls(client, 'sendTyping')).to.deep.equal([
        ['session-1', true],
        ['session-1', false],
      ]);
    });
  });

  describe('read receipts', () => {
    it("shows whether the visitor's messages were sent, delivered and read", async () => {
      const client = active();
      const el = await opened(client);
      await send(el, 'É o 4521');
      const own = () => $$(el, '[part~="own"]').at(-1)!;
      expect(text(own().querySelector('[part="message-status"]'))).to.equal('Enviada');
      client.pushMessageStatus('session-1', 'delivered');
      await settle(el);
      expect(text(own().querySelector('[part="message-status"]'))).to.equal('Entregue');
      client.pushMessageStatus('session-1', 'read');
      await settle(el);
      expect(text(own().querySelector('[part="message-status"]'))).to.equal('Lida');
    });

    it("marks the agent's messages read only while the panel is open and the page visible", async () => {
      const client = active();
      const el = await opened(client);
      expect(calls(client, 'markRead')).to.deep.equal([['session-1']]);
      client.pushMessageStatus('session-1', 'read', { authorKinds: ['agent'] });
      await settle(el);
      client.calls.length = 0;
      setPageHidden(true);
      client.pushAgentMessage('session-1', 'Ainda está aí?');
      await settle(el);
      expect(calls(client, 'markRead'), 'hidden page').to.deep.equal([]);
      setPageHidden(false);
      await settle(el);
      expect(calls(client, 'markRead')).to.deep.equal([['session-1']]);
      client.calls.length = 0;
      await el.hide();
      client.pushAgentMessage('session-1', 'Vou encerrar em breve.');
      await settle(el);
      expect(calls(client, 'markRead'), 'closed panel').to.deep.equal([]);
    });
  });

  describe('files', () => {
    it('uploads dropped and pasted files with progress, and sends them with the message', async () => {
      let finish: () => void = () => {};
      const client = active({
        upload: (file, { onProgress }) =>
          new Promise((resolve) => {
            onProgress?.(0.4);
            finish = () =>
              resolve({
                id: `id-${file.name}`,
                name: file.name ?? '',
                size: file.size,
                mime: 'application/pdf',
                kind: 'file',
                url: `/api/files/${file.name}`,
              });
          }),
      });
      const el = await opened(client);
      await drop(el, new File(['%PDF-1.4'], 'nota.pdf', { type: 'application/pdf' }));
      const progress = $(el, '[part="upload"] progress') as HTMLProgressElement;
      expect(progress.getAttribute('aria-label')).to.equal('Enviando nota.pdf');
      expect(progress.value).to.equal(0.4);
      await send(el, 'Segue a nota');
      expect(text($(el, '[part="composer"] [role="alert"]'))).to.equal('Aguarde os arquivos terminarem de enviar.');
      expect(calls(client, 'sendMessage')).to.have.length(0);
      finish();
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="upload"] progress')).to.equal(null);
      const paste = new ClipboardEvent('paste', {
        clipboardData: filesOf(new File(['x'], 'print.png', { type: 'image/png' })),
        bubbles: true,
        cancelable: true,
      });
      $(el, '#webchat-input').dispatchEvent(paste);
      expect(paste.defaultPrevented).to.equal(true);
      await settle(el);
      finish();
      await settle(el);
      await send(el, 'Segue a nota');
      const [[sessionId, textSent, attachments]] = calls(client, 'sendMessage') as [[string, string, Array<{ name: string }>]];
      expect([sessionId, textSent, attachments.map((a) => a.name)]).to.deep.equal(['session-1', 'Segue a nota', ['nota.pdf', 'print.png']]);
      expect(el.shadowRoot!.querySelector('[part="uploads"]')).to.equal(null);
      expect(text($$(el, '[part~="own"]').at(-1))).to.contain('nota.pdf');
    });

    it('opens the file picker from the attach button', async () => {
      const el = await opened(active());
      let picked = false;
      $(el, '#webchat-file').addEventListener('click', (event) => {
        picked = true;
        event.preventDefault();
      });
      expect($(el, '[part="attach-button"]').getAttribute('aria-label')).to.equal('Anexar arquivo');
      $(el, '[part="attach-button"]').click();
      expect(picked).to.equal(true);
    });

    it('refuses a file over 10 MB before uploading it, and says so', async () => {
      const client = active();
      const el = await opened(client);
      await drop(el, new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'video.mp4', { type: 'video/mp4' }));
      expect(calls(client, 'uploadFile')).to.have.length(0);
      expect(text($(el, '[part="composer"] [role="alert"]'))).to.equal('video.mp4 passa do limite de 10 MB.');
    });

    it("shows the server's refusal of an upload", async () => {
      const client = active({ upload: () => Promise.reject(new ConectaError({ code: 'UNSUPPORTED_TYPE', message: 'Not accepted.' })) });
      const el = await opened(client);
      await drop(el, new File(['MZ'], 'setup.exe'));
      expect(text($(el, '[part="composer"] [role="alert"]'))).to.equal('setup.exe não foi enviado: Este tipo de arquivo não é aceito.');
      expect(el.shadowRoot!.querySelector('[part="upload"]')).to.equal(null);
    });
  });

  describe('messages', () => {
    it('makes links clickable safely and keeps emoji and markup as text', async () => {
      const client = active();
      const el = await opened(client);
      client.pushAgentMessage('session-1', 'Veja https://example.com/rastreio, ou <img src=x onerror=alert(1)> javascript:alert(1) 🚚👍🏽');
      await settle(el);
      const message = $$(el, '[part~="other"]').at(-1)!;
      const links = [...message.querySelectorAll('a')];
      expect(links.map((a) => [a.href, a.target, a.rel])).to.deep.equal([
        ['https://example.com/rastreio', '_blank', 'noopener noreferrer nofollow'],
      ]);
      expect(message.querySelector('img')).to.equal(null);
      expect(text(message)).to.contain('<img src=x onerror=alert(1)> javascript:alert(1) 🚚👍🏽');
    });

    it('sends on Enter, not on Shift+Enter', async () => {
      const client = active();
      const el = await opened(client);
      const textarea = write(el, 'Linha 1');
      textarea.focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      expect(calls(client, 'sendMessage')).to.have.length(0);
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(calls(client, 'sendMessage')).to.have.length(1);
      expect(textarea.value).to.equal('');
    });
  });

  describe('ending', () => {
    it('ends the conversation after a confirmation that Escape cancels', async () => {
      const client = active();
      const el = await opened(client);
      $(el, '[part="end-button"]').focus();
      $(el, '[part="end-button"]').click();
      await settle(el);
      expect(text($(el, '#webchat-end-question'))).to.equal('Encerrar esta conversa?');
      expect(focused(el)).to.equal($(el, '[part="end-cancel-button"]'));
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="confirm"]')).to.equal(null);
      expect(el.open, 'Escape in the confirmation only cancels it').to.equal(true);
      expect(focused(el)).to.equal($(el, '[part="end-button"]'));
      expect(calls(client, 'finishWebchat')).to.have.length(0);
      $(el, '[part="end-button"]').click();
      await settle(el);
      $(el, '[part="end-confirm-button"]').click();
      await settle(el);
      expect(calls(client, 'finishWebchat')).to.deep.equal([['session-1']]);
      expect(text($(el, '[part="rating"] legend'))).to.equal('Como foi o atendimento?');
      expect(focused(el)).to.equal($(el, '#webchat-star-1'));
    });

    it('says why the conversation could not be ended', async () => {
      const client = active();
      client.failWith('webchat.finish', 'TIMEOUT', 'Timed out.');
      const el = await opened(client);
      $(el, '[part="end-button"]').click();
      await settle(el);
      $(el, '[part="end-confirm-button"]').click();
      await settle(el);
      expect(text($(el, '[part="confirm"] [role="alert"]'))).to.equal('O servidor demorou a responder. Tente de novo.');
    });

    it('rates 1–5 stars by keyboard with a comment, then thanks', async () => {
      const client = createMockClient(webchatFinishedFixture());
      const el = await opened(client);
      expect(focused(el)).to.equal($(el, '#webchat-star-1'));
      expect($(el, 'label[for="webchat-star-4"]').title).to.equal('4 estrelas');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(($(el, '#webchat-star-4') as HTMLInputElement).checked).to.equal(true);
      expect($$(el, '[part~="star"][part~="on"]')).to.have.length(4);
      ($(el, '#webchat-comment') as HTMLTextAreaElement).value = 'Muito bom, obrigada!';
      $(el, '[part="rate-button"]').click();
      await settle(el);
      expect(calls(client, 'rateSession')).to.deep.equal([['session-1', 4, 'Muito bom, obrigada!']]);
      expect(text($(el, '[part="thanks"] p'))).to.equal('Obrigado pela avaliação!');
      expect(focused(el)).to.equal($(el, '[part="new-conversation-button"]'));
    });

    it('asks for a score before sending, and shows a refused rating', async () => {
      const client = createMockClient(webchatFinishedFixture());
      client.failWith('webchat.rate', 'CONFLICT', 'This conversation was already rated.');
      const el = await opened(client);
      $(el, '[part="rate-button"]').click();
      await settle(el);
      expect(text($(el, '#webchat-rate-error'))).to.equal('Escolha de 1 a 5 estrelas.');
      expect(calls(client, 'rateSession')).to.have.length(0);
      $(el, 'label[for="webchat-star-5"]').click();
      await settle(el);
      $(el, '[part="rate-button"]').click();
      await settle(el);
      expect(text($(el, '[part="rating"] [role="alert"]'))).to.equal('This conversation was already rated.');
    });

    it('asks for the rating when the agent ends the conversation, and can be skipped', async () => {
      const client = active();
      const el = await opened(client);
      client.pushFinished('session-1');
      await settle(el);
      expect($(el, '[part="rating"]')).to.exist;
      $(el, '[part="skip-button"]').click();
      await settle(el);
      expect(text($(el, '[part="thanks"] p'))).to.equal('Obrigado pelo contato!');
      expect(calls(client, 'rateSession')).to.have.length(0);
      $(el, '[part="new-conversation-button"]').click();
      await settle(el);
      expect($(el, '#webchat-name')).to.exist;
      expect(focused(el)).to.equal($(el, '#webchat-name'));
    });

    it('offers no rating after a bulk finish or the waiting timeout: it thanks, and offers a new conversation', async () => {
      for (const [client, close] of [
        [active(), (c: MockClient) => c.pushFinished('session-1', { bulk: true })],
        [waiting(), (c: MockClient) => c.pushExpired('session-1')],
      ] as const) {
        const el = await opened(client);
        close(client);
        await settle(el);
        expect(el.shadowRoot!.querySelector('[part="rating"]') === null, 'no rating form').to.equal(true);
        expect($$(el, '[part="thanks"] p').map(text)).to.deep.equal(['Obrigado pelo contato!']);
        expect($(el, '[part="new-conversation-button"]')).to.exist;
      }
    });

    it('downloads the transcript as a text file built from the messages', async () => {
      const el = await opened(createMockClient(webchatFinishedFixture()));
      const { name, text: saved } = await download(el, '[part="download-button"]');
      expect(name).to.equal('Conversa-20261122-000001.txt');
      const lines = saved.trim().split('\n');
      expect(lines[0]).to.equal('Loja Demo');
      expect(lines[1]).to.equal('Conversa — protocolo 20261122-000001');
      expect(lines.slice(4).map((line) => line.replace(/^\[[^\]]+\] /, ''))).to.deep.equal([
        'Você: Olá, meu pedido não chegou.',
        'Ana entrou na conversa',
        'Ana: Oi, Carla! Sou a Ana. 😊',
        'Ana: Pode me passar o número do pedido?',
      ]);
    });
  });
});
