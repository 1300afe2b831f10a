// <conecta-queue>: accepting a waiting session and rescuing a pending one.
import { expect, oneEvent } from '@open-wc/testing';
import { ana, bruno, contacts, createMockClient, queueFixture } from '../fixtures/index.js';
import { queueWith, ids, row } from './queue-helpers.js';
import { $, $$, settle, text } from './helpers.js';

describe('<conecta-queue>', () => {
  describe('accept', () => {
    it('accepts a waiting session and dispatches conecta-session-accepted', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const button = row(el, 'session-1').querySelector<HTMLButtonElement>('[part="accept-button"]')!;
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
      await settle(el);
      expect(ids(el, 'waiting')).to.deep.equal(['session-2']);
    });

    it('loses a race: says another agent accepted it, then the item goes when the update arrives', async () => {
      const client = createMockClient(queueFixture()).failWith('session.accept', 'ALREADY_ACCEPTED', 'Already accepted.');
      const el = await queueWith(client);
      let accepted = false;
      el.addEventListener('conecta-session-accepted', () => (accepted = true));
      row(el, 'session-1').querySelector<HTMLButtonElement>('[part="accept-button"]')!.click();
      await settle(el);
      const alert = row(el, 'session-1').querySelector('[role="alert"]')!;
      expect(text(alert)).to.equal('Este atendimento já foi aceito por outro agente.');
      expect(row(el, 'session-1').querySelector('[part="accept-button"]')!.getAttribute('aria-describedby')).to.equal(alert.id);
      expect(accepted).to.equal(false);
      const won = client.serverState.sessions['session-1']!;
      client.push({ session: { ...won, status: 'active', agentId: bruno.id, version: won.version + 1 } });
      await settle(el);
      expect(ids(el, 'waiting')).to.deep.equal(['session-2']);
      // The row is gone, but the agent is still told why, until it dismisses the notice.
      const notice = $(el, '[part="notice"]');
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(text(notice)).to.contain('Carla Mendes: Este atendimento já foi aceito por outro agente.');
      (notice.querySelector('button') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    });

    it('disables every action while not connected, saying why', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      client.setConnection('disconnected');
      await el.updateComplete;
      const buttons = $$(el, '[part="accept-button"], [part="preview-button"]') as HTMLButtonElement[];
      expect(buttons.every((b) => b.disabled && b.getAttribute('aria-describedby')?.includes('connection-notice'))).to.equal(true);
      expect(text($(el, '#connection-notice'))).to.equal('Sem conexão com o servidor');
      el.phase = 'pending';
      await el.updateComplete;
      expect(($(el, '[part="rescue-button"]') as HTMLButtonElement).disabled).to.equal(true);
      await expect(el).to.be.accessible();
      client.setConnection('connected');
      await el.updateComplete;
      expect(($(el, '[part="rescue-button"]') as HTMLButtonElement).disabled).to.equal(false);
    });
  });

  describe('pending', () => {
    it('rescues one pending session', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client, { phase: 'pending' });
      ($(el, '[data-session-id="session-5"] [part="rescue-button"]') as HTMLButtonElement).click();
      await settle(el);
      expect(client.received('session.rescue')).to.deep.equal([{ sessionIds: ['session-5'] }]);
      expect(ids(el, 'pending')).to.deep.equal([]);
      expect(text($(el, '.active-count'))).to.equal('2');
    });
  });
});
