import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../support/chrome.mjs';
import { DEMO_WHATSAPP } from '../../server/src/seed.js';
import { signBody } from '../../server/src/domain/channels.js';
import { connectVisitor, DEMO_PASSWORD, startTestServer, type TestServer, type TestServerOptions } from '../server/harness.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface EndToEnd {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** A real server serving the demo and the built bundles, and a headless Chromium. */
export async function startEndToEnd(options: TestServerOptions = {}): Promise<EndToEnd> {
  assert.ok(existsSync(repo('dist/cdn/conecta-agent.js')), 'run `npm run build` first (npm run test:e2e does)');
  const server = await startTestServer({
    ...options,
    staticRoots: [
      { prefix: '/', root: repo('demo') },
      { prefix: '/dist/', root: repo('dist') },
    ],
  });
  const browser = await chromium.launch({
    executablePath: findChrome(),
    args: chromeArgs.filter((arg) => !arg.startsWith('--headless')),
    headless: true,
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh browser profile (its own storage), with page errors printed. */
export async function newPage(e2e: EndToEnd): Promise<Page> {
  const page = await (await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  return page;
}

/** An agent logged in at the demo desk (`/agent/`). */
export async function openAgentDesk(e2e: EndToEnd, email: string): Promise<Page> {
  const page = await newPage(e2e);
  await page.goto(`${e2e.server.url}/agent/`);
  const login = page.getByRole('form', { name: 'Entrar' });
  await login.getByLabel('E-mail').fill(email);
  await login.getByLabel('Senha').fill(DEMO_PASSWORD);
  await login.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('conecta-queue').waitFor();
  return page;
}

/** A WhatsApp contact writes to the demo's simulated WhatsApp channel (signed like the real webhook). */
export async function whatsappInbound(
  url: string,
  message: { from: string; name: string; text: string; externalId: string },
): Promise<{ sessionId: string; messageId: string }> {
  const body = JSON.stringify(message);
  const response = await fetch(`${url}/api/channels/${DEMO_WHATSAPP.key}/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-conecta-signature': signBody(DEMO_WHATSAPP.secret, body) },
    body,
  });
  assert.equal(response.status, 200, `inbound webhook answered ${response.status}: ${await response.clone().text()}`);
  return (await response.json()) as { sessionId: string; messageId: string };
}

/** A website visitor starts a webchat session for a team and writes, over a plain socket (no browser). */
export async function visitorWrites(url: string, name: string, teamId: string, text: string) {
  const visitor = await connectVisitor(url);
  const sessionId = crypto.randomUUID();
  await visitor.ok('webchat.start', { sessionId, name, email: null, teamId });
  await visitor.ok('message.send', { id: crypto.randomUUID(), sessionId, text });
  return { visitor, sessionId };
}
