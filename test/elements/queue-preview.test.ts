// <conecta-queue>: the read-only preview of a waiting session.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { aMessage, contacts, createMockClient, queueFixture } from '../fixtures/index.js';
import { queueWith, row } from './queue-helpers.js';
import { $, press, settle, text } from './helpers.js';

describe('<conecta-queue>', () => {
  describe('preview', () => {
    it('opens a read-only preview of a waiting session without accepting it; Escape closes and focus returns', async () => {
      const now = Date.now();
      const state = queueFixture(now);
      const client = createMockClient(
        {
          ...state,
          messages: {
            'session-1': [
              aMessage({
                id: 'm-1',
                sessionId: 'session-1',
                seq: 1,
                text: 'Olá, meu pedido não chegou.',
                authorKind: 'contact',
                createdAt: now,
              }),
            ],
          },
        },
        { store: { ...state } },
      );
      const el = await queueWith(client);
      const button = row(el, 'session-1').querySelector<HTMLButtonElement>('[part="preview-button"]')!;
      button.focus();
      button.click();
      await settle(el);
      const dialog = $(el, 'dialog[part="preview"]') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(client.calls.some((c) => c.method === 'openSession' && c.args[0] === 'session-1')).to.equal(true);
      expect(text($(el, '#preview-title'))).to.equal(`Conversa de ${contacts.carla.name}`);
      expect(text(dialog.querySelector('[role="log"]'))).to.contain('Olá, meu pedido não chegou.');
      expect(client.received('session.accept')).to.have.length(0);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(client.serverState.sessions['session-1']!.status).to.equal('waiting');
    });

    it('opens the preview with Enter on a waiting item', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      const main = row(el, 'session-2').querySelector<HTMLElement>('.main')!;
      main.focus();
      press(main, 'Enter');
      await settle(el);
      expect(($(el, 'dialog[part="preview"]') as HTMLDialogElement).open).to.equal(true);
      el.closePreview();
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(main);
    });
  });
});
