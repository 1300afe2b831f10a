import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { ANA } from '../server/harness.js';
import { openAgentDesk, restartServer, startEndToEnd, type EndToEnd } from './support.js';

const t = ptBR.agentBar;

/** Ana signed in at the demo CRM, whose header holds `<conecta-agent-bar>`. */
async function crmAsAna(e2e: EndToEnd): Promise<Page> {
  const page = await openAgentDesk(e2e, ANA, '/crm/');
  await page.locator('conecta-agent-bar').getByText('Ana Souza').waitFor();
  return page;
}

const indicator = (page: Page) => page.locator('conecta-agent-bar [part=indicator]');

/** The agent bar against a real server: its connection indicator follows the server going away and coming back. */
describe('<conecta-agent-bar> in the demo CRM', () => {
  let e2e: EndToEnd;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-e2e-bar-'));
    e2e = await startEndToEnd({ dataDir });
  });
  after(async () => {
    await e2e?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('turns red when the server stops and green when it returns, saying what to check', async () => {
    const page = await crmAsAna(e2e);
    await page.locator('conecta-agent-bar [part=indicator][data-indicator=connected]').waitFor();
    assert.ok((await indicator(page).textContent())!.includes(t.connection.connected));

    await e2e.server.close();
    await page.locator('conecta-agent-bar [part=indicator][data-indicator=offline]').waitFor({ timeout: 15_000 });
    await indicator(page).focus();
    await page.getByRole('tooltip').getByText(t.connection.offlineHint).waitFor();

    e2e = await restartServer(e2e);
    await page.locator('conecta-agent-bar [part=indicator][data-indicator=connected]').waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('logs out from the bar: the login is back and the token no longer works', async () => {
    const page = await crmAsAna(e2e);
    const token = await page.evaluate(() => sessionStorage.getItem('conecta-demo:agent-token'));
    await page.locator('conecta-agent-bar').getByRole('button', { name: t.logout }).click();
    await page.getByRole('form', { name: 'Entrar' }).waitFor();
    const response = await fetch(`${e2e.server.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 401);
    await page.context().close();
  });

  it('pauses with a company pause type and ends it, shows the counters, and takes a photo through the upload route', async () => {
    await e2e.server.server.repo.admin.pauseTypes.put({ id: 'pt-cafe', name: 'Café', timeLimitMs: 15 * 60_000 });
    const page = await crmAsAna(e2e);
    const bar = page.locator('conecta-agent-bar');
    await bar.getByRole('combobox', { name: t.pause.choose }).selectOption('pt-cafe');
    await bar.getByRole('button', { name: t.pause.start }).click();
    await bar.getByText(t.pause.paused('Café')).waitFor();
    await bar
      .locator('[part=pause-time]')
      .getByText(/^Restam 1[45]:\d\d$/)
      .waitFor();
    await bar.getByRole('button', { name: t.pause.end }).click();
    await bar.getByRole('button', { name: t.pause.start }).waitFor();

    await bar.locator('[part=stats]').getByText(t.stats.finishedToday).waitFor();

    await bar.getByRole('button', { name: t.profile.open }).click();
    const dialog = bar.getByRole('dialog', { name: t.profile.title });
    // A 1×1 PNG: the server sniffs the type, so it must be a real image.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await dialog.getByLabel(t.profile.photo).setInputFiles({ name: 'ana.png', mimeType: 'image/png', buffer: png });
    await dialog.getByText(t.profile.saved).waitFor();
    const src = await bar.locator('[part=identity] img[part=photo]').getAttribute('src');
    assert.ok(src, 'the photo replaces the initials');
    assert.equal((await fetch(new URL(src, e2e.server.url))).status, 200, 'its signed url serves it');
    await page.context().close();
  });
});
