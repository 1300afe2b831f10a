// <conecta-queue>: accessibility, the phase tabs with their counters, and language.
import { expect, fixture, html } from '@open-wc/testing';
import { contacts, createMockClient, emptyFixture, queueFixture, sessionsFixture } from '../fixtures/index.js';
import { queueWith, tab } from './queue-helpers.js';
import { $, $$, press, settle, text } from './helpers.js';

describe('<conecta-queue>', () => {
  describe('accessibility', () => {
    for (const phase of ['waiting', 'active', 'pending']) {
      it(`is accessible in the ${phase} phase`, async () => {
        const el = await queueWith(createMockClient(queueFixture()), { phase });
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible when empty and offline', async () => {
      const el = await queueWith(createMockClient({ ...emptyFixture(), connection: 'disconnected' }));
      await expect(el).to.be.accessible();
    });

    it('names each Accept and preview button after the contact', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      expect($$(el, '[part="accept-button"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        `Aceitar atendimento de ${contacts.diego.name}`,
        `Aceitar atendimento de ${contacts.carla.name}`,
      ]);
      expect($$(el, '[part="preview-button"]')[0]!.getAttribute('aria-label')).to.equal(`Ver conversa de ${contacts.diego.name}`);
    });

    it('announces the counters politely when they change', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const announcer = $(el, '.announcer');
      expect(announcer.getAttribute('role')).to.equal('status');
      expect(text(announcer)).to.equal('');
      client.push({ session: { ...sessionsFixture().waitingFinanceiro, id: 'session-9', teamId: 'suporte' } });
      await settle(el);
      expect(text(announcer)).to.equal('3 em espera');
    });
  });

  describe('phases and counters', () => {
    it('shows three tabs with live counters', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      expect($$(el, '[role="tab"]').map((t) => text(t))).to.deep.equal(['Em espera 2', 'Em atendimento 1', 'Pendentes 1']);
      expect(tab(el, 'waiting').getAttribute('aria-selected')).to.equal('true');
      await client.command('session.accept', { sessionId: 'session-1' });
      await settle(el);
      expect(text($(el, '.waiting-count'))).to.equal('1');
      expect(text($(el, '.active-count'))).to.equal('2');
    });

    it('moves between tabs with the arrow keys', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      tab(el, 'waiting').focus();
      press(tab(el, 'waiting'), 'ArrowRight');
      await settle(el);
      expect(el.phase).to.equal('active');
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-active');
      press(tab(el, 'active'), 'End');
      await settle(el);
      expect(el.getAttribute('phase')).to.equal('pending');
    });

    it('mirrors the arrow keys between tabs in right-to-left text', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      el.dir = 'rtl';
      await el.updateComplete;
      tab(el, 'waiting').focus();
      press(tab(el, 'waiting'), 'ArrowLeft');
      await settle(el);
      expect(el.phase).to.equal('active');
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-active');
      press(tab(el, 'active'), 'ArrowRight');
      press(tab(el, 'waiting'), 'ArrowRight');
      await settle(el);
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-pending');
    });
  });

  describe('i18n', () => {
    it('speaks English and Spanish through lang', async () => {
      const el = await queueWith(createMockClient(queueFixture()), { lang: 'en' });
      expect(text($(el, '[part="accept-button"]'))).to.equal('Accept');
      expect(text($(el, '[part="wait-time"]'))).to.equal('Waiting for 1 hr 05 min');
      expect($$(el, '[role="tab"]').map((t) => text(t))).to.deep.equal(['Waiting 2', 'In service 1', 'Pending 1']);
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '[part="accept-button"]'))).to.equal('Aceptar');
      expect($(el, '[part="accept-button"]').getAttribute('aria-label')).to.equal(`Aceptar atención de ${contacts.diego.name}`);
      el.phase = 'pending';
      await el.updateComplete;
      expect(text($(el, '.select-all'))).to.equal('Seleccionar todos los visibles');
      expect(text($(el, '[part="rescue-button"]'))).to.equal('Rescatar');
    });

    it("follows an ancestor's lang", async () => {
      const client = createMockClient(queueFixture());
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-US"><conecta-queue .client=${client}></conecta-queue></div>`);
      const el = wrapper.querySelector('conecta-queue')!;
      await settle(el);
      expect(text($(el, '#tab-waiting'))).to.contain('Waiting');
      wrapper.lang = 'es-AR';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text($(el, '#tab-waiting'))).to.contain('En espera');
    });
  });
});
