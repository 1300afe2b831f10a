import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { newPage, openWebchat, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';
import { verifiedUser } from '../server/harness.js';

/**
 * Identity verification: a site vouches for its logged-in user with an HMAC of the user's id. The
 * server refuses a wrong hash; a right one gives the user the same conversations on every device.
 */
describe('webchat identity verification', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
  });

  after(() => e2e?.close());

  /** What `conecta.webchat.setUser()` did on the page: `ok`, or the error's code. */
  const setUser = (page: Page, user: object) =>
    page.evaluate(async (user) => {
      const api = (window as unknown as { conecta: { webchats: Record<string, { setUser(user: object): Promise<void> }> } }).conecta
        .webchats.demo!;
      try {
        await api.setUser(user);
        return 'ok';
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      }
    }, user);

  it('a wrong hash is refused and the visitor stays anonymous; the site login links the user across devices', async () => {
    // A forged identity is refused, and the widget keeps working for the anonymous visitor.
    const laptop = await newPage(e2e);
    await laptop.goto(`${e2e.server.url}/site/`);
    await laptop.waitForFunction(() => 'conecta' in window);
    const forged = { ...verifiedUser('maria-1001', { name: 'Maria Souza' }), hash: 'f'.repeat(64) };
    assert.equal(await setUser(laptop, forged), 'IDENTITY_REJECTED');
    await startWebchat(laptop, { name: 'Anônima', option: 'Suporte' });
    await visitorSays(laptop, 'Ainda funciono sem login.');

    // The site's login (its server computes the hash) vouches for Maria; her details fill the form.
    const phone = await newPage(e2e);
    await phone.goto(`${e2e.server.url}/site/`);
    await phone.getByRole('button', { name: 'Entrar como Maria' }).click();
    await phone.getByText('Olá, Maria Souza!').waitFor();
    await openWebchat(phone);
    const phoneWidget = phone.locator('conecta-webchat');
    await phoneWidget.getByRole('button', { name: 'Começar' }).waitFor();
    assert.equal(await phoneWidget.getByLabel('Nome', { exact: true }).inputValue(), 'Maria Souza');
    await phoneWidget.getByRole('button', { name: 'Começar' }).click();
    await phoneWidget.getByRole('button', { name: /^\d+\. Suporte$/ }).click();
    await visitorSays(phone, 'Escrevo pelo celular.');

    // On another device, the same login finds the same conversation.
    const desktop = await newPage(e2e);
    await desktop.goto(`${e2e.server.url}/site/`);
    await desktop.getByRole('button', { name: 'Entrar como Maria' }).click();
    await desktop.getByText('Olá, Maria Souza!').waitFor();
    await openWebchat(desktop);
    await desktop.locator('conecta-webchat').getByRole('log').getByText('Escrevo pelo celular.').waitFor();
    // …and the anonymous laptop never sees Maria's conversation.
    assert.equal(await laptop.locator('conecta-webchat').getByText('Escrevo pelo celular.').count(), 0);

    // Logging out of the site forgets the visitor: the chat starts clean.
    await desktop.getByRole('button', { name: 'Sair' }).click();
    await openWebchat(desktop);
    await desktop.locator('conecta-webchat').getByRole('button', { name: 'Começar' }).waitFor();
    assert.equal(await desktop.locator('conecta-webchat').getByText('Escrevo pelo celular.').count(), 0);
  });
});
