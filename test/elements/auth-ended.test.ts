import { expect, fixture, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ConectaClient } from '../../src/client/client.js';
import type { AuthEnded } from '../../src/client/state.js';
import '../../src/context/conecta-provider.js';
import type { ConectaProvider } from '../../src/context/conecta-provider.js';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import '../../src/elements/conecta-queue/conecta-queue.js';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaAgentElement } from '../../src/elements/conecta-agent-element.js';
import type { AuthEndedEvent } from '../../src/elements/auth-ended-event.js';
import { createMockClient, queueFixture, type MockClient } from '../fixtures/index.js';
import { $, settle, text } from './helpers.js';

const agentElements = [
  { tag: 'conecta-queue', attrs: '' },
  { tag: 'conecta-session', attrs: 'session-id="session-4"' },
  { tag: 'conecta-contact-form', attrs: '' },
];

/** What the client does when the sign-in ends for good: says why, and closes. */
const endSignIn = (client: MockClient, reason: AuthEnded) =>
  client.store.update((state) => ({ ...state, authEnded: reason, connection: 'disconnected' }));

describe('every agent element, when the agent sign-in ends', () => {
  for (const { tag, attrs } of agentElements) {
    const place = async (client: MockClient, lang = 'pt-BR') => {
      const el = await fixture<ConectaAgentElement>(
        staticHtml`<${unsafeStatic(tag)} ${unsafeStatic(attrs)} lang=${lang} .client=${client}></${unsafeStatic(tag)}>`,
      );
      await settle(el);
      return el;
    };

    it(`<${tag}> shows why in an alert, instead of the connection notice, and stays accessible`, async () => {
      const client = createMockClient(queueFixture());
      const el = await place(client);
      expect(el.shadowRoot!.querySelector('[part="auth-ended"]')).to.equal(null);
      endSignIn(client, 'revoked');
      await settle(el);
      const notice = $(el, '[part="auth-ended"]');
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(text(notice)).to.equal('Seu acesso ao Conecta foi encerrado. Entre novamente para continuar atendendo.');
      expect(el.shadowRoot!.querySelector('[part="connection"]')).to.equal(null);
      expect(el.matches(':state(auth-ended)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it(`<${tag}> fires conecta-auth-ended once, composed, with the reason`, async () => {
      const client = createMockClient(queueFixture());
      const el = await place(client);
      const heard: AuthEndedEvent[] = [];
      const hear = (event: AuthEndedEvent) => heard.push(event);
      document.addEventListener('conecta-auth-ended', hear);
      endSignIn(client, 'expired');
      await settle(el);
      el.requestUpdate();
      await settle(el);
      expect(heard.map((event) => event.detail.reason)).to.deep.equal(['expired']);
      expect(heard[0]!.composed && heard[0]!.bubbles).to.equal(true);
      document.removeEventListener('conecta-auth-ended', hear);
    });

    it(`<${tag}> says it in English and Spanish, for each reason`, async () => {
      const english = createMockClient(queueFixture());
      const en = await place(english, 'en');
      endSignIn(english, 'deactivated');
      await settle(en);
      expect(text($(en, '[part="auth-ended"]'))).to.equal('Your Conecta account was deactivated. Contact your administrator.');
      const spanish = createMockClient(queueFixture());
      const es = await place(spanish, 'es');
      endSignIn(spanish, 'refused');
      await settle(es);
      expect(text($(es, '[part="auth-ended"]'))).to.equal('No fue posible entrar en Conecta. Recarga la página o inicia sesión de nuevo.');
    });
  }
});

describe('<conecta-provider> with getToken', () => {
  it('provides the page client for server + getToken: the one ConectaClient.shared gives for that server and any getToken', async () => {
    const server = `https://crm-${crypto.randomUUID()}.conecta.test`;
    // Nothing listens there (the sign-on itself is tested against a real server in test/client and test/e2e).
    const getToken = async () => ({ token: 'agent-token', expiresAt: Date.now() + 600_000 });
    const el = await fixture<ConectaProvider>(
      html`<conecta-provider server=${server} .getToken=${getToken}><conecta-queue></conecta-queue></conecta-provider>`,
    );
    const queue = el.querySelector('conecta-queue')!;
    await settle(queue);
    const client = el.client as ConectaClient;
    expect(client).to.be.instanceOf(ConectaClient);
    expect(queue.client).to.equal(client);
    expect(ConectaClient.shared({ server, getToken: async () => ({ token: 'other', expiresAt: 0 }) })).to.equal(client);
    client.close();
  });

  it('prefers getToken over token', async () => {
    const server = `https://crm-${crypto.randomUUID()}.conecta.test`;
    const getToken = async () => ({ token: 'from-getToken', expiresAt: Date.now() + 600_000 });
    const el = await fixture<ConectaProvider>(
      html`<conecta-provider server=${server} token="static" .getToken=${getToken}></conecta-provider>`,
    );
    expect(el.client).to.equal(ConectaClient.shared({ server, getToken }));
    expect(el.client).not.to.equal(ConectaClient.shared({ server, token: 'static' }));
    (el.client as ConectaClient).close();
    ConectaClient.shared({ server, token: 'static' }).close();
  });
});
