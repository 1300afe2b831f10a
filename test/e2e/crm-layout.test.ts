import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { ANA, DEMO_PASSWORD, DEMO_TEAMS } from '../server/harness.js';
import { startEndToEnd, visitorWrites, type EndToEnd } from './support.js';

const SCREENSHOTS = 'test-results/layout';

/**
 * The mock CRM (demo/crm/: hostile global CSS, the elements scattered in its two-column layout) in a
 * 512 px wide browser: the session keeps most of its height for the transcript and its toolbar on one
 * row, and nothing makes the page scroll sideways.
 */
describe('the mock CRM at 512 px, end to end', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  after(() => e2e?.close());

  it('gives the transcript most of the session and keeps the toolbar on one row', async () => {
    const { visitor } = await visitorWrites(e2e.server.url, 'Rita Campos', DEMO_TEAMS.suporte.id, 'Vocês entregam no sábado?');
    const context = await e2e.browser.newContext({ viewport: { width: 512, height: 900 }, locale: 'pt-BR' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
    await page.goto(`${e2e.server.url}/crm/`);
    const login = page.getByRole('form', { name: 'Entrar' });
    await login.getByLabel('E-mail').fill(ANA);
    await login.getByLabel('Senha').fill(DEMO_PASSWORD);
    await login.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('button', { name: 'Aceitar atendimento de Rita Campos' }).click();
    await page.getByRole('log', { name: 'Mensagens do atendimento' }).getByText('Vocês entregam no sábado?').waitFor();

    const layout = await page.evaluate(() => {
      const session = document.querySelector('conecta-session')!.shadowRoot!;
      const base = session.querySelector('[part="base"]')!.getBoundingClientRect();
      const log = session.querySelector('[role="log"]')!.getBoundingClientRect();
      const tools = [...session.querySelectorAll('[part="toolbar"] > button')].map((button) =>
        Math.round(button.getBoundingClientRect().top),
      );
      return { base: base.height, log: log.height, rows: new Set(tools).size, scroll: document.documentElement.scrollWidth };
    });
    await page.locator('conecta-session').screenshot({ path: `${SCREENSHOTS}/e2e-crm-512-session.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/e2e-crm-512-page.png`, fullPage: true });
    assert.ok(layout.log >= layout.base / 2, `the transcript has ${layout.log} px of the session's ${layout.base} px`);
    assert.equal(layout.rows, 1, 'the toolbar is one row');
    assert.ok(layout.scroll <= 512, `the page scrolls sideways (${layout.scroll} px)`);
    visitor.close();
    await context.close();
  });
});
