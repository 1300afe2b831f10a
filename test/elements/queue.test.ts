import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-queue/conecta-queue.js';
import type { ConectaQueue } from '../../src/elements/conecta-queue/conecta-queue.js';
import { ana, contacts, createMockClient, emptyFixture, queueFixture, sessionsFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, settle, text } from './helpers.js';

async function queueWith(client: MockClient, attrs: { lang?: string; team?: string } = {}): Promise<ConectaQueue> {
  const el = await fixture<ConectaQueue>(
    html`<conecta-queue .client=${client} lang=${attrs.lang ?? 'pt-BR'} team=${attrs.team ?? ''}></conecta-queue>`,
  );
  await settle(el);
  return el;
}

describe('<conecta-queue>', () => {
  describe('accessibility', () => {
    it('is accessible with waiting and active sessions', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      await expect(el).to.be.accessible();
    });

    it('is accessible when empty and offline', async () => {
      const client = createMockClient({ ...emptyFixture(), connection: 'disconnected' });
      const el = await queueWith(client);
      await expect(el).to.be.accessible();
    });

    it("names each Accept button after the contact", async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      const labels = $$(el, '[part="accept-button"]').map((b) => b.getAttribute('aria-label'));
      expect(labels).to.deep.equal([`Aceitar atendimento de ${contacts.diego.name}`, `Aceitar atendimento de ${contacts.carla.name}`]);
    });
  });

  describe('properties', () => {
    it('filters by the team attribute', async () => {
      const el = await queueWith(createMockClient(queueFixture()), { team: 'vendas' });
      expect($$(el, '[part~="item"][part~="waiting"]').map((li) => li.dataset.sessionId)).to.deep.equal(['session-2']);
      el.team = '';
      await el.updateComplete;
      expect($$(el, '[part~="item"][part~="waiting"]')).to.have.length(2);
    });

    it('loads the queue once it gets its client', async () => {
      const client = createMockClient(queueFixture());
      await queueWith(client);
      expect(client.calls.filter((c) => c.method === 'loadQueue')).to.have.length(1);
    });
  });

  describe('rendering', () => {
    it("lists the waiting sessions of the agent's teams oldest first, and the active ones", async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      const waiting = $$(el, '[part~="waiting"]');
      expect(waiting.map((li) => li.dataset.sessionId)).to.deep.equal(['session-2', 'session-1']);
      expect(text(waiting[0])).to.contain(contacts.diego.name).and.contain('WhatsApp').and.contain('Vendas').and.contain('Quero um orçamento');
      expect(text($(el, '[part~="waiting"] [part="wait-time"]'))).to.equal('Aguardando há 1 h 05 min');
      expect($$(el, '[part~="active"]').map((b) => b.dataset.sessionId)).to.deep.equal(['session-4']);
      expect(text($(el, '.waiting-count'))).to.equal('2');
      expect(text($(el, '.active-count'))).to.equal('1');
    });

    it('shows empty states', async () => {
      const el = await queueWith(createMockClient(emptyFixture()));
      expect(text($(el, '[part="base"]'))).to.contain('Ninguém em espera.').and.contain('Você não tem atendimentos em andamento.');
    });

    it('shows the connection state quietly when not connected', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      expect(el.shadowRoot!.querySelector('[part="connection"]')).to.equal(null);
      client.setConnection('connecting');
      await el.updateComplete;
      expect($(el, '[part="connection"]').getAttribute('role')).to.equal('status');
      expect(text($(el, '[part="connection"]'))).to.equal('Conectando…');
      expect(el.matches(':state(connecting)')).to.equal(true);
    });

    it('ticks the wait time every second', async () => {
      const now = Date.now();
      const client = createMockClient({ ...emptyFixture(), contacts: { [contacts.carla.id]: contacts.carla } });
      const el = await queueWith(client);
      client.push({ session: { ...sessionsFixture(now).waitingCarla, createdAt: now - 5_000 } });
      await el.updateComplete;
      const first = text($(el, '[part="wait-time"]'));
      expect(first).to.match(/^Aguardando há \d s$/);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(text($(el, '[part="wait-time"]'))).to.not.equal(first);
    });
  });

  describe('store integration', () => {
    it('re-renders when a session starts waiting', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      client.push({ session: { ...sessionsFixture().waitingFinanceiro, id: 'session-9', teamId: 'suporte' } });
      expect(el.isUpdatePending).to.equal(true);
      await el.updateComplete;
      expect($$(el, '[part~="waiting"]')).to.have.length(3);
    });

    it('does not re-render for a session of a team the agent is not in', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const other = sessionsFixture().waitingFinanceiro;
      client.push({ session: { ...other, lastMessageText: 'Boleto?', version: other.version + 1 } });
      expect(el.isUpdatePending).to.equal(false);
    });
  });

  describe('events', () => {
    it('accepts a waiting session and dispatches conecta-session-accepted', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const button = $(el, '[data-session-id="session-1"] [part="accept-button"]') as HTMLButtonElement;
      const accepted = oneEvent(el, 'conecta-session-accepted');
      button.click();
      await el.updateComplete;
      expect(button.disabled).to.equal(true);
      expect(text(button)).to.equal('Aceitando…');
      const event = await accepted;
      expect(client.received('session.accept')).to.deep.equal([{ sessionId: 'session-1' }]);
      expect(event.detail.session).to.include({ id: 'session-1', status: 'active', agentId: ana.id });
      expect(event.detail.contact.id).to.equal(contacts.carla.id);
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect($$(el, '[part~="active"]').map((b) => b.dataset.sessionId)).to.include('session-1');
    });

    it('disables Accept while not connected, saying why, and enables it again on reconnect', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const buttons = () => $$(el, '[part="accept-button"]') as HTMLButtonElement[];
      expect(buttons().every((b) => !b.disabled && !b.hasAttribute('aria-describedby'))).to.equal(true);

      for (const status of ['disconnected', 'connecting'] as const) {
        client.setConnection(status);
        await el.updateComplete;
        expect(buttons().map((b) => b.disabled)).to.deep.equal([true, true]);
        for (const button of buttons()) {
          const reason = $(el, `#${button.getAttribute('aria-describedby')}`);
          expect(text(reason)).to.equal(status === 'connecting' ? 'Conectando…' : 'Sem conexão com o servidor');
        }
        buttons()[0].click();
        await settle(el);
        expect(client.received('session.accept')).to.have.length(0);
        await expect(el).to.be.accessible();
      }

      client.setConnection('connected');
      await el.updateComplete;
      expect(buttons().map((b) => b.disabled)).to.deep.equal([false, false]);
      expect(buttons().some((b) => b.hasAttribute('aria-describedby'))).to.equal(false);
      buttons()[0].click();
      await settle(el);
      expect(client.received('session.accept')).to.have.length(1);
    });

    it("shows the server's error when the session was already accepted", async () => {
      const client = createMockClient(queueFixture()).failWith('session.accept', 'ALREADY_ACCEPTED', 'Already accepted.');
      const el = await queueWith(client);
      let accepted = false;
      el.addEventListener('conecta-session-accepted', () => (accepted = true));
      ($(el, '[data-session-id="session-1"] [part="accept-button"]') as HTMLButtonElement).click();
      await settle(el);
      const alert = $(el, '[data-session-id="session-1"] [role="alert"]');
      expect(text(alert)).to.equal('Este atendimento já foi aceito por outro agente.');
      expect($(el, '[data-session-id="session-1"] [part="accept-button"]').getAttribute('aria-describedby')).to.equal(alert.id);
      expect(accepted).to.equal(false);
    });

    it('dispatches conecta-session-selected when an active session is clicked or chosen with Enter', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      const item = $(el, '[part~="active"]') as HTMLButtonElement;
      setTimeout(() => item.click());
      const event = await oneEvent(el, 'conecta-session-selected');
      expect(event.detail.session.id).to.equal('session-4');
      expect(event.detail.contact.name).to.equal(contacts.elisa.name);
      expect(event.composed).to.equal(true);
      await el.updateComplete;
      expect(item.getAttribute('aria-current')).to.equal('true');
      // A native <button>: Enter and Space activate it, so keyboard users select the same way.
      expect(item.localName).to.equal('button');
    });
  });

  describe('i18n', () => {
    it('speaks English and Spanish through lang', async () => {
      const el = await queueWith(createMockClient(queueFixture()), { lang: 'en' });
      expect(text($(el, '[part="accept-button"]'))).to.equal('Accept');
      expect(text($(el, '[part="wait-time"]'))).to.match(/^Waiting for 1 hr 05 min$/);
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '[part="accept-button"]'))).to.equal('Aceptar');
      expect($(el, '[part="accept-button"]').getAttribute('aria-label')).to.equal(`Aceptar atención de ${contacts.diego.name}`);
    });

    it("follows an ancestor's lang, and its changes", async () => {
      const client = createMockClient(queueFixture());
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-US"><conecta-queue .client=${client}></conecta-queue></div>`);
      const el = wrapper.querySelector('conecta-queue')!;
      await settle(el);
      expect(text($(el, 'h2'))).to.contain('Waiting');
      wrapper.lang = 'es-AR';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text($(el, 'h2'))).to.contain('En espera');
    });
  });
});
