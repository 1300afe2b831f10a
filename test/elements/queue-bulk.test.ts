// <conecta-queue>: selecting pending sessions and rescuing or finishing them in bulk.
import { expect, waitUntil } from '@open-wc/testing';
import { createMockClient } from '../fixtures/index.js';
import { queueWith, ids, row, manyPending } from './queue-helpers.js';
import { $, $$, press, settle, text } from './helpers.js';

describe('<conecta-queue>', () => {
  describe('pending', () => {
    it('selects with Space on the focused item', async () => {
      const el = await queueWith(createMockClient(manyPending(2)), { phase: 'pending' });
      const main = row(el, 'session-p1').querySelector<HTMLElement>('.main')!;
      main.focus();
      press(main, ' ');
      await el.updateComplete;
      expect(row(el, 'session-p1').getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'session-p1').querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(true);
      expect(text($(el, '.selected-count'))).to.equal('1 selecionado');
      press(main, ' ');
      await el.updateComplete;
      expect(row(el, 'session-p1').getAttribute('aria-selected')).to.equal('false');
    });

    it('offers no selection or bulk actions to an agent without the permission; one rescue still works', async () => {
      const state = manyPending(2);
      state.me = { ...state.me!, permissions: { ...state.me!.permissions, bulkActions: false } };
      const client = createMockClient(state);
      const el = await queueWith(client, { phase: 'pending' });
      expect(el.shadowRoot!.querySelector('[part="bulk-bar"]')).to.equal(null);
      expect(row(el, 'session-p1').querySelector('input[type="checkbox"]')).to.equal(null);
      expect(row(el, 'session-p1').hasAttribute('aria-selected')).to.equal(false);
      const main = row(el, 'session-p1').querySelector<HTMLElement>('.main')!;
      main.focus();
      press(main, ' ');
      await el.updateComplete;
      expect(row(el, 'session-p1').hasAttribute('aria-selected')).to.equal(false);
      await el.rescueSession('session-p1');
      await waitUntil(() => client.serverState.sessions['session-p1']!.status === 'active');
      await expect(el).to.be.accessible();
    });

    it('rescues the selected sessions in one command, showing progress', async () => {
      const client = createMockClient(manyPending(3), { latency: 30 });
      const el = await queueWith(client, { phase: 'pending' });
      await waitUntil(() => ids(el, 'pending').length === 4);
      for (const id of ['session-p0', 'session-p2']) row(el, id).querySelector<HTMLInputElement>('input')!.click();
      await el.updateComplete;
      ($(el, '.bulk-rescue') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(text($(el, '.bulk-status'))).to.equal('Resgatando 2 atendimentos…');
      await waitUntil(() => text($(el, '.bulk-status')) === '2 atendimentos resgatados.');
      expect(client.received('session.rescue')).to.deep.equal([{ sessionIds: ['session-p0', 'session-p2'] }]);
      expect(ids(el, 'pending')).to.deep.equal(['session-p1', 'session-5']);
    });

    it('finishes the selected sessions after a confirmation that says no survey is sent', async () => {
      const client = createMockClient(manyPending(2));
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await el.updateComplete;
      ($(el, '.bulk-finish') as HTMLButtonElement).click();
      await settle(el);
      const confirm = $(el, '[role="alertdialog"]');
      expect(text(confirm)).to.contain('Finalizar 3 atendimentos?').and.contain('não recebem a pesquisa de satisfação');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.finish-confirm'));
      expect(client.received('session.finishMany')).to.have.length(0);
      await expect(el).to.be.accessible();
      $(el, '.finish-confirm').click();
      await settle(el);
      expect(client.received('session.finishMany')).to.deep.equal([{ sessionIds: ['session-p0', 'session-p1', 'session-5'] }]);
      expect(text($(el, '.bulk-status'))).to.equal('3 atendimentos finalizados.');
      expect(text($(el, '.pending-count'))).to.equal('0');
    });

    it('cancels the bulk finish with Escape: nothing is finished and focus returns to Finish', async () => {
      const client = createMockClient(manyPending(2));
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await el.updateComplete;
      $(el, '.bulk-finish').click();
      await settle(el);
      press($(el, '.finish-confirm'), 'Escape');
      await settle(el);
      expect(el.shadowRoot!.querySelector('[role="alertdialog"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement?.className).to.equal('bulk-finish danger');
      expect(client.received('session.finishMany')).to.have.length(0);
      expect(text($(el, '.selected-count'))).to.equal('3 selecionados');
    });

    it('never selects more than 50: further selection is disabled with a message', async () => {
      const client = createMockClient(manyPending(60));
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await settle(el);
      expect(text($(el, '.selected-count'))).to.equal('50 selecionados');
      expect(text($(el, '#selection-limit'))).to.equal('Você pode selecionar até 50 atendimentos por vez.');
      const unchecked = $$(el, '[part~="pending"] input[type="checkbox"]').filter(
        (box) => !(box as HTMLInputElement).checked,
      ) as HTMLInputElement[];
      expect(unchecked.length).to.be.greaterThan(0);
      expect(unchecked.every((box) => box.disabled && box.getAttribute('aria-describedby') === 'selection-limit')).to.equal(true);
      $(el, '.bulk-rescue').click();
      await settle(el);
      expect(client.received('session.rescue')[0]!.sessionIds).to.have.length(50);
    });

    it("shows the server's clear message when it refuses a bulk action", async () => {
      const client = createMockClient(manyPending(1)).failWith('session.rescue', 'INVALID_PAYLOAD', 'Too many.', {
        sessionIds: 'lists more than 50 sessions',
      });
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await el.updateComplete;
      $(el, '.bulk-rescue').click();
      await settle(el);
      expect(text($(el, '.bulk-status[role="alert"]'))).to.equal('Selecione no máximo 50 atendimentos por vez.');
    });
  });
});
