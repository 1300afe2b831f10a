import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import { conversationFixture, createMockClient } from '../fixtures/index.js';
import { $, $$, settle, text } from './helpers.js';

async function sessionOf(client: ReturnType<typeof createMockClient>, lang = 'pt-BR'): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(html`<conecta-session .client=${client} session-id="session-4" lang=${lang}></conecta-session>`);
  await settle(el);
  return el;
}

/** The contact rates session-4 after it finished: the `session.updated` event the agent receives. */
function rate(client: ReturnType<typeof createMockClient>, rating: number, ratingComment: string | null): void {
  const session = client.serverState.sessions['session-4']!;
  client.push({ session: { ...session, rating, ratingComment, version: session.version + 1 } });
}

describe('<conecta-session> the contact’s rating', () => {
  it('shows nothing of a rating before one is given', async () => {
    const client = createMockClient(conversationFixture());
    const el = await sessionOf(client);
    client.pushFinished('session-4');
    await settle(el);
    expect($$(el, '[part="rating"]')).to.have.length(0);
  });

  it('shows the stars (one image, "4 de 5 estrelas") and the comment once the contact rates the finished session', async () => {
    const client = createMockClient(conversationFixture());
    const el = await sessionOf(client);
    client.pushFinished('session-4');
    rate(client, 4, 'Resolveu rápido, obrigada!');
    await settle(el);
    const stars = $(el, '[part="stars"]');
    expect(stars.getAttribute('role')).to.equal('img');
    expect(stars.getAttribute('aria-label')).to.equal('4 de 5 estrelas');
    expect($$(el, '[part~="star"]')).to.have.length(5);
    expect($$(el, '[part~="star"][part~="on"]')).to.have.length(4);
    expect(text($(el, '[part="rating-comment"]'))).to.equal('Resolveu rápido, obrigada!');
    expect(text($(el, '[part="rating"]'))).to.contain('Avaliação do contato');
    await expect(el).to.be.accessible();
  });

  it('shows a rating without a comment, and words it in the element’s language', async () => {
    const client = createMockClient(conversationFixture());
    const el = await sessionOf(client, 'en');
    client.pushFinished('session-4');
    rate(client, 1, null);
    await settle(el);
    expect($(el, '[part="stars"]').getAttribute('aria-label')).to.equal('1 of 5 stars');
    expect($$(el, '[part="rating-comment"]')).to.have.length(0);
    el.lang = 'es';
    await settle(el);
    expect($(el, '[part="stars"]').getAttribute('aria-label')).to.equal('1 de 5 estrellas');
  });
});
