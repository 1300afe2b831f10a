import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error: a plain JavaScript example (docs/examples/crm), run here as a CRM developer would.
import { startCrmBackend } from '../../docs/examples/crm/backend.mjs';
import { ConectaClient } from '../../src/client/client.js';
import type { Page } from 'playwright-core';
import { ANA, BRUNO, DEMO_AGENTS, DEMO_PASSWORD, DEMO_TEAMS } from '../server/harness.js';
import { acceptFromQueue, newPage, startEndToEnd, visitorWrites, type EndToEnd } from './support.js';

interface CrmBackend {
  url: string;
  close(): Promise<void>;
}

/** Ana (owner) creates an API key for the CRM; answers its id, the secret, and her admin token. */
async function createApiKey(conectaUrl: string): Promise<{ apiKeyId: string; secret: string; adminToken: string }> {
  const { token: adminToken } = await ConectaClient.login(conectaUrl, ANA, DEMO_PASSWORD);
  const response = await fetch(`${conectaUrl}/api/admin/v1/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Acme CRM' }),
  });
  assert.equal(response.status, 201);
  const { apiKey, secret } = (await response.json()) as { apiKey: { id: string }; secret: string };
  return { apiKeyId: apiKey.id, secret, adminToken };
}

/** The example CRM page, its user signed in to the CRM as `email`, the queue connected. */
async function signInToCrm(page: Page, crmUrl: string, email: string): Promise<void> {
  await page.goto(crmUrl);
  const login = page.getByRole('form', { name: 'Entrar no CRM' });
  await login.getByLabel('E-mail').fill(email);
  await login.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('conecta-queue [part="base"]').waitFor();
  // Connected: neither offline nor still connecting.
  await page.waitForFunction(() => {
    const queue = document.querySelector('conecta-queue');
    return !!queue && !queue.matches(':state(offline)') && !queue.matches(':state(connecting)');
  });
}

/** The ids of the sockets the server holds for an agent. */
function agentSocketIds(e2e: EndToEnd, agentId: string): string[] {
  return [...e2e.server.server.io.of('/').sockets.values()]
    .filter((socket) => (socket.data.who as { kind?: string; agentId?: string } | undefined)?.agentId === agentId)
    .map((socket) => socket.id);
}

/** docs/crm.md end to end: an admin's API key, the example CRM back end holding it, its page signing Bruno on. */
describe('a CRM page signed on through its back end (docs/examples/crm)', () => {
  let e2e: EndToEnd;
  let crm: CrmBackend;
  let adminToken: string;
  let apiKeyId: string;

  before(async () => {
    e2e = await startEndToEnd();
    let secret: string;
    ({ apiKeyId, secret, adminToken } = await createApiKey(e2e.server.url));
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
    await signInToCrm(page, crm.url, BRUNO);
    const queue = page.locator('conecta-queue');

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

describe('a CRM page with short-lived sign-on tokens', () => {
  let e2e: EndToEnd;
  let crm: CrmBackend;
  const TTL_MS = 2_000;

  before(async () => {
    // Tokens of 2 s, and the sweep closing sockets of expired tokens every 100 ms.
    e2e = await startEndToEnd({ signOnTokenTtlMs: TTL_MS, tokenSweepMs: 100 });
    const { secret } = await createApiKey(e2e.server.url);
    crm = (await startCrmBackend({ conectaUrl: e2e.server.url, apiKey: secret, port: 0 })) as CrmBackend;
  });

  after(async () => {
    await crm?.close();
    await e2e?.close();
  });

  it('renews the token on the same socket: three lifetimes later, the same socket id, and the queue still live', async () => {
    const page = await newPage(e2e);
    const tokenRequests: number[] = [];
    page.on('request', (request) => request.url().endsWith('/crm/conecta-token') && tokenRequests.push(Date.now()));
    await signInToCrm(page, crm.url, BRUNO);
    const [socketId, ...others] = agentSocketIds(e2e, DEMO_AGENTS.bruno.id);
    assert.ok(socketId && others.length === 0, 'one socket');
    await new Promise((resolve) => setTimeout(resolve, 3 * TTL_MS));
    assert.deepEqual(agentSocketIds(e2e, DEMO_AGENTS.bruno.id), [socketId], 'the same socket, never replaced');
    assert.ok(tokenRequests.length >= 4, `a token at sign-on and one per 80 % of a lifetime (${tokenRequests.length})`);
    // Still live: a new waiting session reaches the queue over that socket.
    const { visitor } = await visitorWrites(e2e.server.url, 'Paulo Reis', DEMO_TEAMS.suporte.id, 'Olá');
    await page.getByRole('button', { name: 'Aceitar atendimento de Paulo Reis' }).waitFor();
    assert.equal(await page.locator('conecta-queue [part="auth-ended"]').count(), 0);
    visitor.close();
    await page.context().close();
  });
});
