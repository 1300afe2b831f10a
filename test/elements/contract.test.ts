import { expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../../src/elements/conecta-agents/conecta-agents.js';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import '../../src/elements/conecta-contact-history/conecta-contact-history.js';
import '../../src/elements/conecta-contacts/conecta-contacts.js';
import '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import '../../src/elements/conecta-queue/conecta-queue.js';
import '../../src/elements/conecta-session/conecta-session.js';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaAgentElement } from '../../src/elements/conecta-agent-element.js';
import { createMockClient, offlineFixture } from '../fixtures/index.js';
import { $, settle, text } from './helpers.js';

// What every element promises, whatever it shows: a quiet connection notice and a custom state.
const elements = [
  { tag: 'conecta-queue', attrs: '' },
  { tag: 'conecta-session', attrs: 'session-id="session-4"' },
  { tag: 'conecta-contact-form', attrs: '' },
  { tag: 'conecta-webchat', attrs: 'open lang="pt-BR"' },
  { tag: 'conecta-agents', attrs: '' },
  { tag: 'conecta-internal-chat', attrs: 'with-agent="agent-bruno"' },
  { tag: 'conecta-contacts', attrs: '' },
  { tag: 'conecta-contact-history', attrs: 'contact-id="contact-elisa"' },
  { tag: 'conecta-start-conversation', attrs: 'contact-id="contact-carla"' },
];

describe('every element', () => {
  afterEach(() => sessionStorage.clear());

  for (const { tag, attrs } of elements) {
    it(`<${tag}> shows quietly that it is offline, and again when it reconnects`, async () => {
      const client = createMockClient(offlineFixture());
      const el = await fixture<ConectaAgentElement>(
        staticHtml`<${unsafeStatic(tag)} ${unsafeStatic(attrs)} .client=${client}></${unsafeStatic(tag)}>`,
      );
      await settle(el);
      const notice = $(el, '[part="connection"]');
      expect(notice.getAttribute('role')).to.equal('status');
      expect(text(notice)).to.equal('Sem conexão com o servidor');
      expect(el.matches(':state(offline)')).to.equal(true);
      client.setConnection('connected');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="connection"]')).to.equal(null);
      expect(el.matches(':state(offline)')).to.equal(false);
    });
  }
});
