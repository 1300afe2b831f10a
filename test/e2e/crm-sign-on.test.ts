import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error: a plain JavaScript example (docs/examples/crm), run here as a CRM developer would.
import { startCrmBackend } from '../../docs/examples/crm/backend.mjs';
import { ConectaClient } from '../../src/client/client.js';
import { ANA, BRUNO, DEMO_PASSWORD, DEMO_TEAMS } from '../server/harness.js';
import { acceptFromQueue, newPage, startEndToEnd, visitorWrites, type EndToEnd } from './support.js';

interface CrmBackend {
  url: string;
  close(): Promise<void>;
}

/** docs/crm.md end to end: an admin's API key, the example CRM back end holding it, its page signing Bruno on. */
describe('a CRM page signed on through its back end (docs/examples/crm)', () => {
  let e2e: EndToEnd;
  let crm: CrmBackend;
  let adminToken: string;
  let apiKeyId: string;

  before(async () => {
    e2e = await startEndToEnd();
    ({ token: adminToken } = await ConectaClient.login(e2e.server.url, ANA, DEMO_PASSWORD));
    const response = await fetch(`${e2e.server.url}/api/admin/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme CRM' }),
    });
    assert.equal(response.status, 201);
    const { apiKey, secret } = (await response.json()) as { apiKey: { id: string }; secret: string };
    apiKeyId = apiKey.id;
    crm = (await startCrmBackend({ conectaUrl: e2e.server.url, apiKey: secret, port: 0 })) as CrmBackend;
  });

  after(async () => {
    await crm?.close();
    await e2e?.close();
  });

  it('signs the CRM user on as an agent, pops the customer up on accept, and shows the end when the key is revoked', async () => {
    const page = await newPage(e2e);
    const pageSaw: string[] = [];
    page.on('request', (request) => pageSaw.push(`${request.headers().authorization ?? ''} ${request.postData() ?? ''}`));
    await page.goto(crm.url);
    const login = page.getByRole('form', { name: 'Entrar no CRM' });
    await login.getByLabel('E-mail').fill(BRUNO);
    await login.getByRole('button', { name: 'Entrar' }).click();
    const queue = page.locator('conecta-queue');
    await queue.locator('[part="base"]').waitFor();
    await page.waitForFunction(() => document.querySelector('conecta-queue')?.matches(':state(offline)') === false);

    const { visitor } = await visitorWrites(e2e.server.url, 'Marina Costa', DEMO_TEAMS.suporte.id, 'Meu pedido não chegou');
    await acceptFromQueue(page, 'Marina Costa');
    assert.equal(await page.locator('#customer-name').textContent(), 'Marina Costa');
    await page.locator('conecta-session').getByText('Meu pedido não chegou').waitFor();
    visitor.close();

    const revoked = await fetch(`${e2e.server.url}/api/admin/v1/api-keys/${apiKeyId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    assert.equal(revoked.status, 200);
    const notice = queue.locator('[part="auth-ended"]');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.equal((await notice.textContent())?.trim(), 'Seu acesso ao Conecta foi encerrado. Entre novamente para continuar atendendo.');
    await page.getByRole('alert').filter({ hasText: 'Seu acesso ao Conecta foi encerrado.' }).first().waitFor();
    assert.equal(await page.locator('#ended-text').textContent(), 'Seu acesso ao Conecta foi encerrado.');

    // The key never reached the browser: no request of the page carried it.
    assert.ok(!pageSaw.some((line) => line.includes('ck_')), 'an API key was seen in a request of the page');
    await page.context().close();
  });
});
