import { after, before, describe, it } from 'node:test';
import { openWebchat, newTab, startEndToEnd, type EndToEnd } from './support.js';

/**
 * The demo channel's own texts (greeting, menu) follow the widget's language, as the server seeds
 * them in pt-BR, en and es: a visitor whose browser prefers English reads them in English on the
 * Portuguese demo site, and in Spanish once the site calls `setLocale('es')`.
 */
describe('webchat channel texts in the visitor’s language, end to end', () => {
  let e2e: EndToEnd;

  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());

  it('greets and offers the menu in English to an English browser, and in Spanish after setLocale', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const visitor = await newTab(context);
    await visitor.goto(`${e2e.server.url}/site/`);
    await openWebchat(visitor);
    const widget = visitor.locator('conecta-webchat[channel="demo"]');
    await widget.getByText('Hi! 👋 How can we help?', { exact: true }).waitFor();
    await widget.getByLabel('Name', { exact: true }).fill('Mary Jones');
    await widget.getByRole('button', { name: 'Start' }).click();
    await widget.getByRole('list', { name: 'How can we help?' }).waitFor();
    await widget.getByRole('button', { name: '1. Support' }).waitFor();

    await visitor.evaluate(() =>
      (window as unknown as { conecta: { webchat: { setLocale(lang: string): Promise<void> } } }).conecta.webchat.setLocale('es'),
    );
    await widget.getByRole('list', { name: '¿Cómo podemos ayudarte?' }).waitFor();
    await widget.getByRole('button', { name: '3. Finanzas' }).waitFor();
  });
});
