import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, BRUNO, DEMO_TEAMS, setWorkingHours } from '../server/harness.js';
import { newPage, openAgentDesk, openWebchat, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';

/** The widget on hostile pages: a strict Content-Security-Policy, and two channels' widgets on one page. */
describe('webchat embedding', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
    // Vendas keeps office hours; these tests run at any hour.
    await setWorkingHours(e2e.server, DEMO_TEAMS.vendas.id, null);
  });

  after(() => e2e?.close());

  it('works under a strict CSP (no inline script or style, no eval) without a single violation', async () => {
    const page = await newPage(e2e);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${e2e.server.url}/site/strict-csp.html`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/);
    await startWebchat(page, { name: 'Rita Prado', option: 'Suporte' });
    await visitorSays(page, 'Mensagem sob CSP estrita.');
    // The page lists every securitypolicyviolation event it heard.
    assert.equal(await page.locator('#csp-violations li').count(), 0, await page.locator('#csp-violations').innerText());
    assert.deepEqual(violations, []);
  });

  it('with data-load="interaction", downloads nothing beyond the loader until the visitor reaches for the launcher', async () => {
    const page = await newPage(e2e);
    // The demo site as it is, but its loader tag asking to load on interaction.
    await page.route('**/site/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('data-channel="demo" async', 'data-channel="demo" data-load="interaction" async');
      assert.match(html, /data-load="interaction"/);
      await route.fulfill({ response, body: html });
    });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${e2e.server.url}/site/`, { waitUntil: 'load' });
    const placeholder = page.locator('conecta-webchat-placeholder button');
    await placeholder.waitFor();
    // Well past the moment the browser is idle, when the default would have loaded the widget.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 1500))));
    assert.deepEqual(
      requested.filter((path) => path.startsWith('/dist/cdn/')),
      ['/dist/cdn/conecta-webchat.js'],
      'only the loader before any interest',
    );
    assert.equal(await page.evaluate(() => !!customElements.get('conecta-webchat')), false);

    await placeholder.click(); // the pointer reaches it first, then the click opens the panel once loaded
    const widget = page.locator('conecta-webchat[channel="demo"]');
    await widget.locator('[part="panel"]').waitFor();
    assert.ok(requested.includes('/dist/cdn/conecta-webchat-widget.js'), 'the widget, once interest was shown');
  });

  it('two widgets for two channels on one page keep their own conversations', async () => {
    const page = await newPage(e2e);
    await page.goto(`${e2e.server.url}/site/two-widgets.html`);
    await startWebchat(page, { name: 'Caio Reis', option: 'Suporte' }, 'demo');
    await visitorSays(page, 'Pergunta para o suporte.', 'demo');

    const vendas = page.locator('conecta-webchat[channel="demo-vendas"]');
    await openWebchat(page, 'demo-vendas');
    await vendas.getByLabel(/^Nome/).fill('Caio Reis');
    await vendas.getByLabel(/^E-mail/).fill('caio@example.com');
    await vendas.getByRole('button', { name: 'Começar' }).click();
    await vendas.getByRole('textbox', { name: 'Mensagem' }).waitFor();
    await visitorSays(page, 'Pergunta para vendas.', 'demo-vendas');

    // Each widget shows only its own conversation, on its own side of the page.
    const suporte = page.locator('conecta-webchat[channel="demo"]');
    assert.equal(await suporte.getByText('Pergunta para vendas.').count(), 0);
    assert.equal(await vendas.getByText('Pergunta para o suporte.').count(), 0);
    const [left, right] = await Promise.all(
      [vendas, suporte].map((el) => el.locator('[part="panel"]').evaluate((panel) => panel.getBoundingClientRect().left)),
    );
    assert.ok(left! < right!, 'the Vendas widget sits on the left, Suporte on the right');

    // The agents see both sessions, each in its team.
    const ana = await openAgentDesk(e2e, ANA);
    await ana.getByRole('button', { name: 'Aceitar atendimento de Caio Reis' }).first().waitFor();
    assert.equal(await ana.getByRole('button', { name: 'Aceitar atendimento de Caio Reis' }).count(), 2, 'Ana is in Suporte and Vendas');
    const bruno = await openAgentDesk(e2e, BRUNO);
    await bruno.getByRole('button', { name: 'Aceitar atendimento de Caio Reis' }).waitFor();
    assert.equal(await bruno.getByRole('button', { name: 'Aceitar atendimento de Caio Reis' }).count(), 1, 'Bruno is in Suporte only');
  });
});
