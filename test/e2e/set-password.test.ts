import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../support/chrome.mjs';
import { ANA, BRUNO, TestClock, postJson, startTestServer, type TestServer } from '../server/harness.js';
import { PASSWORD_MIN_LENGTH, RESET_LINK_TTL_MS } from '../../server/src/domain/passwords.js';
import { MIN_LENGTH, TEXTS } from '../../server/public/set-password/set-password-texts.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const pt = TEXTS['pt-BR'];
const NEW_PASSWORD = 'uma senha nova e longa';

/**
 * The set-password page (server/public/set-password/) under its strict CSP, and the demo's mailbox
 * (demo/mailbox/). Needs no build: the page is plain HTML, CSS and JS.
 */
describe('the set-password page', () => {
  let t: TestServer;
  let browser: Browser;
  const clock = new TestClock(Date.now());
  before(async () => {
    t = await startTestServer({
      now: clock.now,
      staticRoots: [
        { prefix: '/', root: repo('demo') },
        { prefix: '/', root: repo('server/public') },
      ],
    });
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs.filter((arg) => !arg.startsWith('--headless')) });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A page in the given browser language that records CSP violations and script errors. */
  async function openPage(locale = 'pt-BR'): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // Failed requests are told apart by their URL below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400 && path !== '/favicon.ico') problems.push(`${response.status()} ${path}`);
    });
    return { page, problems };
  }

  async function resetLink(email: string): Promise<string> {
    assert.equal((await postJson(`${t.url}/api/auth/password-reset`, { email })).status, 202);
    const link = /\S+\/set-password\/#token=\S+/.exec(t.server.outbox!.last(email)!.text)?.[0];
    assert.ok(link);
    return link;
  }

  it('sets the password from a reset link: minimum shown, errors said, password shown on demand, then a link to the desk', async () => {
    const link = await resetLink(ANA);
    const { page, problems } = await openPage();
    const response = await page.goto(link);
    assert.match(response!.headers()['content-security-policy']!, /default-src 'self'/);

    await page.getByRole('heading', { name: pt.title }).waitFor();
    assert.equal(await page.title(), pt.pageTitle);
    const form = page.getByRole('form', { name: pt.title });
    const password = form.getByLabel(pt.password, { exact: true });
    const confirmation = form.getByLabel(pt.confirmation);
    assert.equal(await password.getAttribute('aria-describedby'), 'password-hint');
    assert.equal(await page.locator('#password-hint').textContent(), 'Use pelo menos 10 caracteres.');

    // Keyboard only: type, tab, type, Enter.
    await password.focus();
    await page.keyboard.type('curta');
    await page.keyboard.press('Tab');
    await page.keyboard.type('curta');
    await page.keyboard.press('Enter');
    const alert = form.getByRole('alert');
    await alert.filter({ hasText: pt.tooShort }).waitFor();
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.ok(await password.evaluate((input) => input === document.activeElement));

    await password.fill(NEW_PASSWORD);
    await confirmation.fill(`${NEW_PASSWORD}!`);
    await form.getByRole('button', { name: pt.save }).click();
    await alert.filter({ hasText: pt.mismatch }).waitFor();
    assert.equal(await confirmation.getAttribute('aria-invalid'), 'true');

    await form.getByLabel(pt.show).check();
    assert.equal(await password.getAttribute('type'), 'text');
    assert.equal(await confirmation.getAttribute('type'), 'text');
    await form.getByLabel(pt.show).uncheck();
    assert.equal(await password.getAttribute('type'), 'password');

    await confirmation.fill(NEW_PASSWORD);
    await form.getByRole('button', { name: pt.save }).click();
    await page.getByText(pt.done).waitFor();
    const desk = page.getByRole('link', { name: pt.desk });
    assert.equal(await desk.getAttribute('href'), '/agent/');
    assert.ok(await desk.evaluate((link) => link === document.activeElement), 'focus moves to the next step');
    assert.equal(new URL(page.url()).hash, '', 'the used token leaves the address bar');
    assert.equal((await postJson(`${t.url}/api/auth/login`, { email: ANA, password: NEW_PASSWORD })).status, 200);

    // The same link again: it worked once.
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByRole('form', { name: pt.title }).getByLabel(pt.password, { exact: true }).fill('outra senha longa');
    await page.getByLabel(pt.confirmation).fill('outra senha longa');
    await page.getByRole('button', { name: pt.save }).click();
    await page.getByRole('alert').filter({ hasText: pt.used }).waitFor();
    assert.equal(await page.getByRole('form', { name: pt.title }).count(), 0, 'the form goes away: no password can help');
    // The refused request is the only failure: no CSP violation, no script error, no missing file.
    assert.deepEqual(
      problems.filter((problem) => problem !== '400 /api/auth/password'),
      [],
    );
    await page.context().close();
  });

  it('asks for the minimum the server asks for', () => assert.equal(MIN_LENGTH, PASSWORD_MIN_LENGTH));

  it('says when the link is incomplete', async () => {
    const { page } = await openPage();
    await page.goto(`${t.url}/set-password/`);
    await page.getByRole('alert').filter({ hasText: pt.missingLink }).waitFor();
    await page.context().close();
  });

  it('follows the browser’s language (English, Spanish)', async () => {
    for (const [locale, texts] of [
      ['en-US', TEXTS.en],
      ['es-AR', TEXTS.es],
    ] as const) {
      const { page, problems } = await openPage(locale);
      await page.goto(`${t.url}/set-password/#token=pwd_unknown`);
      await page.getByRole('heading', { name: texts.title }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), locale.slice(0, 2));
      await page.getByLabel(texts.password, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(texts.confirmation).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: texts.save }).click();
      await page.getByRole('alert').filter({ hasText: texts.invalid }).waitFor();
      // The refused request is the only console error (the browser logs the 400).
      assert.ok(
        problems.every((problem) => /400/.test(problem)),
        problems.join('\n'),
      );
      await page.context().close();
    }
  });

  it('the demo mailbox asks for a reset and shows the mail, whose link opens the page', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('link', { name: 'Caixa de e-mails' }).click();
    const reset = page.getByRole('form', { name: 'Esqueci minha senha' });
    await reset.getByLabel('E-mail').fill(BRUNO);
    await reset.getByRole('button').click();
    await page.getByRole('status').filter({ hasText: 'Pedido aceito' }).waitFor();
    const mail = page
      .getByRole('listitem')
      .filter({ hasText: `Para ${BRUNO}` })
      .first();
    await mail.getByRole('heading', { name: 'Redefinição de senha do Conecta' }).waitFor();
    await mail.getByRole('link', { name: /\/set-password\/#token=/ }).click();
    await page.getByRole('heading', { name: pt.title }).waitFor();
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('says when the link has expired', async () => {
    const { page } = await openPage();
    const expiring = await resetLink(ANA);
    clock.advance(RESET_LINK_TTL_MS);
    await page.goto(expiring);
    await page.getByLabel(pt.password, { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(pt.confirmation).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: pt.save }).click();
    await page.getByRole('alert').filter({ hasText: pt.expired }).waitFor();
    await page.context().close();
  });
});
