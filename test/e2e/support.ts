import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { afterEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../support/chrome.mjs';
import { DEMO_WHATSAPP } from '../../server/src/demo-company.js';
import { demoStaticRoots } from '../../server/src/demo-static-roots.js';
import { signBody } from '../../server/src/domain/channels.js';
import { connectVisitor, DEMO_PASSWORD, startTestServer, type TestServer, type TestServerOptions } from '../server/harness.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface EndToEnd {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

// As `npm start` serves them.
const demoRoots = () => demoStaticRoots(repo(''));

function endToEnd(server: TestServer, browser: Browser): EndToEnd {
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A real server serving the demo and the built bundles, and a headless Chromium. */
export async function startEndToEnd(options: TestServerOptions = {}): Promise<EndToEnd> {
  assert.ok(existsSync(repo('dist/cdn/conecta-agent.js')), 'run `npm run build` first (npm run test:e2e does)');
  const server = await startTestServer({ ...options, staticRoots: demoRoots() });
  const browser = await chromium.launch({
    executablePath: findChrome(),
    args: chromeArgs.filter((arg) => !arg.startsWith('--headless')),
    headless: true,
  });
  return endToEnd(server, browser);
}

/**
 * After `e2e.server.close()`: the server again on the same port and data dir (as after a deploy),
 * for the same browser, whose pages reconnect by themselves.
 */
export async function restartServer(e2e: EndToEnd): Promise<EndToEnd> {
  const port = Number(new URL(e2e.server.url).port);
  const server = await startTestServer({ dataDir: e2e.server.dataDir, port, staticRoots: demoRoots() });
  return endToEnd(server, e2e.browser);
}

/**
 * A fresh browser profile (its own storage: another device), in Portuguese like the demo, with page
 * errors printed.
 */
export async function newContext(e2e: EndToEnd): Promise<BrowserContext> {
  return e2e.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'pt-BR' });
}

/** A tab in `context` (another tab of the same profile shares its storage), page errors printed. */
export async function newTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  return page;
}

/** A tab in a fresh browser profile. */
export async function newPage(e2e: EndToEnd): Promise<Page> {
  return newTab(await newContext(e2e));
}

/** Opens the webchat panel on a site page (the launcher is the loader's until the widget takes over). */
export async function openWebchat(page: Page, channel = 'demo'): Promise<void> {
  const widget = page.locator(`conecta-webchat[channel="${channel}"]`);
  // The loader brings the widget in when the browser is idle, and the widget may restore an open
  // panel (the tab remembers it): a click on the placeholder would race with that. Wait for the
  // widget's own launcher, then open the panel if it is not open yet.
  const launcher = widget.locator('[part="launcher"]');
  await launcher.waitFor();
  if ((await widget.getAttribute('open')) === null) await launcher.click();
  await widget.locator('[part="panel"]').waitFor();
}

/** Fills the demo channel's pre-chat form and picks a menu option; the conversation is then open. */
export async function startWebchat(page: Page, visitor: { name: string; email?: string; option: string }, channel = 'demo'): Promise<void> {
  await openWebchat(page, channel);
  const widget = page.locator(`conecta-webchat[channel="${channel}"]`);
  await widget.getByLabel('Nome', { exact: true }).fill(visitor.name);
  if (visitor.email) await widget.getByLabel(/^E-mail/).fill(visitor.email);
  await widget.getByRole('button', { name: 'Começar' }).click();
  await widget.getByRole('button', { name: new RegExp(`^\\d+\\. ${visitor.option}$`) }).click();
  await widget.getByRole('textbox', { name: 'Mensagem' }).waitFor();
}

/** The visitor writes in the open conversation and sees the message in the transcript. */
export async function visitorSays(page: Page, text: string, channel = 'demo'): Promise<void> {
  const widget = page.locator(`conecta-webchat[channel="${channel}"]`);
  const composer = widget.getByRole('textbox', { name: 'Mensagem' });
  await composer.fill(text);
  await composer.press('Enter');
  await widget.getByRole('log').getByText(text).waitFor();
}

/** An agent logged in at the demo desk (`/agent/`), or at another demo page with the same login (`/crm/`). */
export async function openAgentDesk(
  e2e: EndToEnd,
  email: string,
  path = '/agent/',
  prepare?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await newPage(e2e);
  await prepare?.(page);
  await page.goto(`${e2e.server.url}${path}`);
  const login = page.getByRole('form', { name: 'Entrar' });
  await login.getByLabel('E-mail').fill(email);
  await login.getByLabel('Senha').fill(DEMO_PASSWORD);
  await login.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('conecta-queue').waitFor();
  return page;
}

/**
 * A suite's way to open agent desks (`desk(email)`), each closed after its test. `e2e` is read when a
 * desk opens: the suite starts its server in `before`.
 */
export function desksClosedAfterEach(e2e: () => EndToEnd): (email: string, prepare?: (page: Page) => Promise<void>) => Promise<Page> {
  const pages: Page[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });
  return async (email, prepare) => {
    const page = await openAgentDesk(e2e(), email, '/agent/', prepare);
    pages.push(page);
    return page;
  };
}

/** Accept a waiting session from the queue; the demo desk then shows it. */
export async function acceptFromQueue(desk: Page, contactName: string): Promise<void> {
  await desk.getByRole('button', { name: `Aceitar atendimento de ${contactName}` }).click();
  await desk.getByRole('log', { name: 'Mensagens do atendimento' }).waitFor();
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

/** Pauses (a pause type's id) or resumes (null) the demo desk's agent, as its bar's pause control does. */
export async function setPause(desk: Page, pauseTypeId: string | null): Promise<void> {
  await desk.evaluate(async (type) => {
    const agentDesk = document.getElementById('agent-desk') as HTMLElement & {
      client: { pause(id: string): Promise<unknown>; resume(): Promise<unknown> };
    };
    await (type ? agentDesk.client.pause(type) : agentDesk.client.resume());
  }, pauseTypeId);
}
