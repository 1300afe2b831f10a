import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import { WebchatEnding } from '../../src/elements/conecta-webchat/webchat-ending.js';
import { createMockClient, webchatActiveFixture, webchatFinishedFixture, type MockClient } from '../fixtures/index.js';
import { $, forgetConectaStorage, settle, text } from './helpers.js';

// The rating stage is a chunk of its own, fetched at idle once the chat is ready: it may arrive
// late (a slow network) or not at all (offline), and the panel must never be left broken.

const realLoad = WebchatEnding.load;

/** The chunk's fetch, held until `release()` (then the real module), or failing while `offline`. */
function controlledChunk() {
  const chunk = { fetches: 0, offline: false, release: () => {} };
  const released = new Promise<void>((resolve) => (chunk.release = resolve));
  WebchatEnding.stage = null;
  WebchatEnding.load = async () => {
    chunk.fetches++;
    if (chunk.offline) throw new TypeError('Failed to fetch dynamically imported module');
    await released;
    return realLoad();
  };
  return chunk;
}

async function opened(client: MockClient): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server="https://conecta.test" channel="demo" lang="pt-BR"></conecta-webchat>`,
  );
  await settle(el);
  await el.show();
  await settle(el);
  return el;
}

const focused = (el: ConectaWebchat) => el.shadowRoot!.activeElement;

describe('<conecta-webchat> rating stage, loaded on demand', () => {
  beforeEach(() => forgetConectaStorage());
  afterEach(() => {
    WebchatEnding.load = realLoad;
    // The conversations opened here are remembered (engaged): the next test file starts clean.
    forgetConectaStorage();
  });

  it('shows a status while the chunk arrives late, then the rating form with focus on the first star', async () => {
    const chunk = controlledChunk();
    const el = await opened(createMockClient(webchatFinishedFixture()));
    expect(text($(el, '.stage [role="status"]'))).to.equal('Carregando…');
    expect(el.shadowRoot!.querySelector('[part="rating"]')).to.equal(null);
    chunk.release();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="rating"]'), 'the rating form once the chunk arrived');
    await settle(el);
    expect(text($(el, '[part="rating"] legend'))).to.equal('Como foi o atendimento?');
    expect(focused(el)).to.equal($(el, '#webchat-star-1'));
    expect(chunk.fetches).to.equal(1);
  });

  it('says it could not load when offline, and a retry brings the rating form', async () => {
    const chunk = controlledChunk();
    chunk.offline = true;
    const el = await opened(createMockClient(webchatFinishedFixture()));
    await waitUntil(() => el.shadowRoot!.querySelector('#webchat-ending-retry'), 'a retry once the fetch failed');
    expect(text($(el, '.stage [role="alert"]'))).to.equal('Algo deu errado. Tente novamente.');
    expect(focused(el), 'focus waits on the retry').to.equal($(el, '#webchat-ending-retry'));
    chunk.offline = false;
    chunk.release();
    $(el, '#webchat-ending-retry').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="rating"]'), 'the rating form after the retry');
    await settle(el);
    expect(focused(el)).to.equal($(el, '#webchat-star-1'));
  });

  it('asks to confirm the end once the chunk arrives, after a retry when it could not be fetched', async () => {
    const chunk = controlledChunk();
    chunk.offline = true;
    const client = createMockClient(webchatActiveFixture());
    const el = await opened(client);
    $(el, '[part="end-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#webchat-ending-retry'), 'a retry once the fetch failed');
    expect(focused(el), 'focus waits on the retry').to.equal($(el, '#webchat-ending-retry'));
    chunk.offline = false;
    chunk.release();
    $(el, '#webchat-ending-retry').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="confirm"]'), 'the confirmation after the retry');
    await settle(el);
    expect(text($(el, '#webchat-end-question'))).to.equal('Encerrar esta conversa?');
    expect(focused(el)).to.equal($(el, '[part="end-cancel-button"]'));
  });

  it('is fetched at idle once the chat is ready, so the rating shows at once when the conversation ends', async () => {
    const chunk = controlledChunk();
    const client = createMockClient(webchatActiveFixture());
    const el = await opened(client);
    expect($(el, '#webchat-input')).to.exist;
    await waitUntil(() => chunk.fetches === 1, 'fetched while the conversation goes on');
    chunk.release();
    await waitUntil(() => WebchatEnding.stage !== null, 'the chunk arrived');
    client.pushFinished('session-1');
    await settle(el);
    expect(text($(el, '[part="rating"] legend'))).to.equal('Como foi o atendimento?');
    expect(chunk.fetches).to.equal(1);
  });

  it('styles the stars with what the chunk brings, in every webchat of the page', async () => {
    const chunk = controlledChunk();
    chunk.release();
    const first = await opened(createMockClient(webchatFinishedFixture()));
    await waitUntil(() => first.shadowRoot!.querySelector('[part="rating"]'), 'the rating form');
    // A second webchat finds the chunk already there: its panel needs the styles all the same.
    const second = await opened(createMockClient(webchatFinishedFixture()));
    for (const el of [first, second]) {
      await waitUntil(() => el.shadowRoot!.querySelector('[part="rating"]'), 'the rating form');
      expect(getComputedStyle($(el, '[part~="star"] svg')).inlineSize, 'a star is 2rem wide').to.equal('32px');
      $(el, '#webchat-star-4').click();
      await settle(el);
      expect(getComputedStyle($(el, 'label[for="webchat-star-4"]')).color, 'a chosen star is amber').to.equal('rgb(178, 107, 0)');
      expect(getComputedStyle($(el, 'label[for="webchat-star-5"]')).color, 'the others are not').not.to.equal('rgb(178, 107, 0)');
    }
  });
});
