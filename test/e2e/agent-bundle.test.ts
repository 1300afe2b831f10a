// The CDN agent bundle as a desk loads it (dist/cdn/conecta-agent.js and its chunks in dist/cdn/agent/):
// the page's language only, and the contact form (with the phone metadata), the session's dialogs and
// the contact directory only once the agent needs them — each then working as if it had always been there.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, DEMO_PASSWORD, DEMO_TEAMS } from '../server/harness.js';
import { newPage, startEndToEnd, visitorWrites, type EndToEnd } from './support.js';

/** The agent bundle's chunks the page fetched so far, by name without hash (`en`, `contact-form`…). */
function chunksFetched(page: Page): () => string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.match(/^\/dist\/cdn\/agent\/(.+)-[\w-]{8}\.js$/)?.[1];
    if (name) fetched.push(name);
  });
  return () => [...fetched].sort();
}

describe('the CDN agent bundle, loaded on demand', () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());

  it('an English desk fetches the English texts only, then the contact form and the dialogs when it needs them', async () => {
    const { visitor } = await visitorWrites(e2e.server.url, 'Olga Prado', DEMO_TEAMS.suporte.id, 'I need help');
    const page = await newPage(e2e);
    const fetched = chunksFetched(page);
    // The demo desk, as a CRM in English would have it.
    await page.route('**/agent/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<html lang="pt-BR">', '<html lang="en">') });
    });
    await page.goto(`${e2e.server.url}/agent/`);
    const login = page.getByRole('form', { name: 'Sign in' });
    await login.getByLabel('E-mail').fill(ANA);
    await login.getByLabel('Password').fill(DEMO_PASSWORD);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Accept session from Olga Prado' }).waitFor();
    // socket.io-client: the client connects at once.
    assert.deepEqual(fetched(), ['en', 'socket.io-client'], 'a desk in English fetches no other language, no contact form, no dialog');

    await page.getByRole('button', { name: 'Accept session from Olga Prado' }).click();
    await page.getByRole('log', { name: 'Session messages' }).getByText('I need help').waitFor();
    // The contact panel's form (the phone metadata inside its chunk), defined once its chunk arrived.
    await page.getByRole('combobox', { name: 'Country calling code' }).first().waitFor();
    assert.deepEqual(fetched(), ['contact-form', 'en', 'socket.io-client']);

    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByRole('dialog', { name: 'Transfer session' }).waitFor();
    // `templates`: the template helpers the dialogs share with the start-conversation dialog, a chunk of their own.
    assert.deepEqual(fetched(), ['contact-form', 'en', 'session-dialogs', 'socket.io-client', 'templates']);
    await page.keyboard.press('Escape');

    // The contact directory, once the agent opens it.
    await page.getByRole('button', { name: 'Contacts', exact: true }).click();
    await page.getByRole('dialog', { name: 'Contacts' }).getByLabel('Search contacts').waitFor();
    assert.deepEqual(fetched(), ['conecta-contacts', 'contact-form', 'en', 'session-dialogs', 'socket.io-client', 'templates']);
    await page.context().close();
    visitor.close();
  });
});
