import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ANA, connectAgent, loginAgent } from '../server/harness.js';
import { newContext, newTab, openWebchat, restartServer, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';

/**
 * Nothing a visitor types is lost: messages written while the server is down wait in the outbox
 * (IndexedDB), survive the tab being closed, and reach the server once each, in order, when it is
 * back — on the same database, as after a deploy.
 */
describe('webchat offline outbox across a server restart', () => {
  let e2e: EndToEnd;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-e2e-outbox-'));
    e2e = await startEndToEnd({ dataDir });
  });

  after(async () => {
    await e2e?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('messages written while the server is down go once each, in order, even after the tab was closed', async () => {
    const visitor = await newContext(e2e);
    const tab = await newTab(visitor);
    await tab.goto(`${e2e.server.url}/site/`);
    await startWebchat(tab, { name: 'Otávio Lins', option: 'Suporte' });
    await visitorSays(tab, 'Antes da queda.');
    // Through the widget's public `client`: the visitor's one session is in its store.
    const sessionId = await tab
      .locator('conecta-webchat')
      .evaluate((el) => Object.keys((el as HTMLElementTagNameMap['conecta-webchat']).client?.store.state.sessions ?? {})[0]);
    assert.ok(sessionId, 'the widget knows its session');

    // The server goes down; the widget says so quietly, and what the visitor writes waits.
    await e2e.server.close();
    const widget = tab.locator('conecta-webchat');
    await widget.locator('[part="connection"]').waitFor();
    const offline = ['Primeira sem conexão.', 'Segunda sem conexão.', 'Terceira sem conexão.'];
    const composer = widget.getByRole('textbox', { name: 'Mensagem' });
    for (const text of offline) {
      await composer.fill(text);
      await composer.press('Enter');
      await widget.getByRole('log').getByText(text).waitFor();
    }
    // A message shows in the log as soon as it is written, and reaches IndexedDB a moment later: close
    // the tab once all three are kept (under load, closing at once could abort the last write).
    await tab.waitForFunction(async (texts) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open('conecta-outbox');
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const kept = await new Promise<{ text: string }[]>((resolve, reject) => {
        const all = db.transaction('messages').objectStore('messages').getAll();
        all.onsuccess = () => resolve(all.result as { text: string }[]);
        all.onerror = () => reject(all.error);
      });
      db.close();
      return texts.every((text) => kept.some((message) => message.text === text));
    }, offline);
    await tab.close();

    // The server comes back on the same port and database; the visitor opens the site again, in a new tab.
    e2e = await restartServer(e2e);
    const again = await newTab(visitor);
    await again.goto(`${e2e.server.url}/site/`);
    await openWebchat(again);
    const log = again.locator('conecta-webchat').getByRole('log');
    await log.getByText('Terceira sem conexão.').waitFor();

    // The server holds every message once, in the order written.
    const ana = await connectAgent(e2e.server.url, await loginAgent(e2e.server.url, ANA));
    const expected = ['Antes da queda.', ...offline];
    let texts: string[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const sync = await ana.ok('session.sync', { sessionId, afterSeq: 0, limit: 200 });
      texts = sync.messages.filter((m) => m.authorKind === 'contact').map((m) => m.text);
      if (texts.length >= expected.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(texts, expected);
    // And the visitor's transcript shows them sent, not sending.
    await log.locator('[part~="message-status"]', { hasText: 'Enviando' }).first().waitFor({ state: 'detached' });
    ana.close();
    await visitor.close();
  });
});
