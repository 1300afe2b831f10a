import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/index.js';
import { conversationFixture, createMockClient, webchatActiveFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, download, forgetConectaStorage, settle, text } from './helpers.js';

// The message length limit in both composers (counter, refusal before sending), and what a message
// the server refused shows: its reason by error code, a retry only when one can succeed.

const calls = (client: MockClient, method: string) => client.calls.filter((call) => call.method === method);

async function webchat(client: MockClient, lang = 'pt-BR'): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server="https://conecta.test" channel="demo" lang=${lang}></conecta-webchat>`,
  );
  await settle(el);
  await el.show();
  await settle(el);
  return el;
}

async function session(client: MockClient, lang = 'pt-BR'): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(html`<conecta-session .client=${client} session-id="session-4" lang=${lang}></conecta-session>`);
  await settle(el);
  return el;
}

async function write(el: ConectaWebchat | ConectaSession, value: string): Promise<HTMLTextAreaElement> {
  const textarea = $(el, 'textarea[part="input"]') as HTMLTextAreaElement;
  textarea.value = value;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(el);
  return textarea;
}

async function submit(el: ConectaWebchat | ConectaSession): Promise<void> {
  ($(el, '[part="composer"]') as HTMLFormElement).requestSubmit();
  await settle(el);
}

const counter = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="character-count"]')!;
const announced = (el: Element) => text(el.shadowRoot!.querySelector('[part="composer"] [role="status"]'));

for (const [name, open] of [
  ['<conecta-webchat>', () => webchat(createMockClient(webchatActiveFixture()))],
  ['<conecta-session>', () => session(createMockClient(conversationFixture()))],
] as const) {
  describe(`${name} message length`, () => {
    beforeEach(forgetConectaStorage);

    it('shows no counter far from the limit, then counts near it, announcing once that the limit is near', async () => {
      const el = await open();
      await write(el, 'a'.repeat(100));
      expect(counter(el).hidden, 'no counter far from the limit').to.equal(true);
      expect(announced(el)).to.equal('');
      await write(el, 'a'.repeat(MAX_MESSAGE_LENGTH - 100));
      expect(counter(el).hidden).to.equal(false);
      expect(text(counter(el))).to.equal('3996/4096');
      const near = announced(el);
      expect(near).to.equal('Perto do limite de 4096 caracteres.');
      await write(el, 'a'.repeat(MAX_MESSAGE_LENGTH - 50));
      expect(text(counter(el))).to.equal('4046/4096');
      expect(announced(el), 'the live region does not change on every key').to.equal(near);
    });

    it('refuses an over-long message before sending, says why, and keeps the text', async () => {
      const el = await open();
      const client = (el as unknown as { client: MockClient }).client;
      const long = `${'a'.repeat(MAX_MESSAGE_LENGTH)} mais`;
      const textarea = await write(el, long);
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      expect(announced(el)).to.equal('Mensagem acima do limite de 4096 caracteres.');
      await submit(el);
      expect(calls(client, 'sendMessage')).to.have.length(0);
      expect($$(el, '[role="alert"]').map(text)).to.include('Mensagem acima do limite de 4096 caracteres.');
      expect(textarea.value).to.equal(long);
      // Shortened to the limit exactly, it goes.
      await write(el, 'a'.repeat(MAX_MESSAGE_LENGTH));
      expect(textarea.getAttribute('aria-invalid')).to.equal('false');
      await submit(el);
      expect(calls(client, 'sendMessage')).to.have.length(1);
    });

    it('words the announcement in the element’s language', async () => {
      const el =
        name === '<conecta-webchat>'
          ? await webchat(createMockClient(webchatActiveFixture()), 'en')
          : await session(createMockClient(conversationFixture()), 'en');
      await write(el, 'a'.repeat(MAX_MESSAGE_LENGTH + 1));
      expect(text(counter(el))).to.equal('4097/4096');
      expect(announced(el)).to.equal('Message over the limit of 4096 characters.');
    });
  });
}

describe('a message the server refused', () => {
  beforeEach(forgetConectaStorage);

  const failed = (el: Element) => $(el, '[part~="message"][data-status="failed"]');

  it('shows the webchat visitor why, by error code, and no retry for a message that cannot succeed', async () => {
    const client = createMockClient(webchatActiveFixture());
    client.failWith('message.send', 'INVALID_PAYLOAD', 'The payload is not valid.', { text: 'is too long' });
    const el = await webchat(client);
    await write(el, 'Olá?');
    await submit(el);
    expect(text(failed(el).querySelector('[part="failure-reason"]'))).to.equal('O servidor recusou esta mensagem.');
    expect(failed(el).querySelector('[part="retry-button"]') === null, 'no retry').to.equal(true);
  });

  it('offers the retry when the failure was the connection’s, with its reason', async () => {
    const client = createMockClient(webchatActiveFixture());
    client.failWith('message.send', 'TIMEOUT', 'The server did not answer in time.');
    const el = await webchat(client);
    await write(el, 'Olá?');
    await submit(el);
    expect(text(failed(el).querySelector('[part="failure-reason"]'))).to.equal('O servidor demorou a responder. Tente de novo.');
    expect(failed(el).querySelector('[part="retry-button"]')).to.exist;
  });

  it('shows the agent why, localized, with no retry for a finished session', async () => {
    const client = createMockClient(conversationFixture());
    client.failWith('message.send', 'SESSION_FINISHED', 'Session 20261122-000004 is already finished.');
    const el = await session(client, 'es');
    await write(el, 'Hola');
    await submit(el);
    expect(text(failed(el).querySelector('[part="failure-reason"]'))).to.equal('Esta atención ya fue finalizada.');
    expect(failed(el).querySelector('[part="retry-button"]') === null, 'no retry').to.equal(true);
  });

  it('is left out of the visitor’s downloaded transcript', async () => {
    const client = createMockClient(webchatActiveFixture());
    client.failWith('message.send', 'INVALID_PAYLOAD', 'The payload is not valid.');
    const el = await webchat(client);
    await write(el, 'Esta não foi enviada');
    await submit(el);
    expect(failed(el)).to.exist;
    // The agent ends the conversation; the visitor skips the rating and downloads the transcript.
    client.pushFinished('session-1');
    await settle(el);
    $(el, '[part="skip-button"]').click();
    await settle(el);
    const { text: saved } = await download(el, '[part="download-button"]');
    expect(saved).to.contain('Pode me passar o número do pedido?');
    expect(saved).not.to.contain('Esta não foi enviada');
  });
});
