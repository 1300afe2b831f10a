import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../support/chrome.mjs';
import { DEMO_PASSWORD, startTestServer, type TestServer, type TestServerOptions } from '../server/harness.js';

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
