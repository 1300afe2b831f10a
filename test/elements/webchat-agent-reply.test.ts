import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import { webchatTranslations } from '../../src/i18n/webchat/index.js';
import { createMockClient, webchatActiveFixture } from '../fixtures/index.js';
import { $, forgetConectaStorage, settle, text } from './helpers.js';

// The point of a webchat: the visitor sees what the agent answers, in the conversation's log.

const t = webchatTranslations['pt-BR'];

/** The transcript's messages as a reader meets them: author and text. */
function transcript(el: ConectaWebchat): { author: string; text: string }[] {
  const log = $(el, `[role="log"][aria-label="${t.transcript}"]`);
  return [...log.querySelectorAll('[part~="message"]:not([part~="system"])')].map((message) => ({
    author: text(message.querySelector('.author')),
    text: text(message.querySelector('.text')),
  }));
}

describe('<conecta-webchat> the agent’s reply', () => {
  afterEach(forgetConectaStorage);

  it('shows the agent’s messages in the conversation, with the agent’s name, and each new reply as it arrives', async () => {
    const client = createMockClient(webchatActiveFixture());
    const el = await fixture<ConectaWebchat>(
      html`<conecta-webchat .client=${client} server="https://conecta.test" channel="demo" lang="pt-BR"></conecta-webchat>`,
    );
    await settle(el);
    await el.show();
    await settle(el);
    expect(transcript(el)).to.deep.equal([
      { author: t.common.you, text: 'Olá, meu pedido não chegou.' },
      { author: 'Ana', text: 'Oi, Carla! Sou a Ana. 😊' },
      { author: 'Ana', text: 'Pode me passar o número do pedido?' },
    ]);

    client.pushAgentMessage('session-1', 'Encontrei: chega amanhã.');
    await settle(el);
    expect(transcript(el).at(-1)).to.deep.equal({ author: 'Ana', text: 'Encontrei: chega amanhã.' });
    expect(transcript(el)).to.have.length(4);
  });
});
