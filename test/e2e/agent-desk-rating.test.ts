import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { BRUNO } from '../server/harness.js';
import { desksClosedAfterEach, newPage, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';

/** The agent's rating average as the desk's client holds it (what the agent bar shows). */
function averageOf(page: Page): Promise<{ average: number; count: number } | null> {
  return page.evaluate(() => {
    const desk = document.querySelector('conecta-agent-desk') as unknown as {
      client?: { store: { state: { me: { rating: unknown } | null } } };
    };
    return (desk.client?.store.state.me?.rating ?? null) as { average: number; count: number } | null;
  });
}

describe('ratings reach the agent’s desk', () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());
  const desk = desksClosedAfterEach(() => e2e);

  it('a finished webchat session, rated by the visitor, shows its stars and comment to the agent and moves their average', async () => {
    const visitor = await newPage(e2e);
    await visitor.goto(`${e2e.server.url}/site/`);
    await startWebchat(visitor, { name: 'Renata Lopes', option: 'Suporte' });
    await visitorSays(visitor, 'Meu cupom não funciona.');

    const bruno = await desk(BRUNO);
    await bruno.getByRole('button', { name: 'Aceitar atendimento de Renata Lopes' }).click();
    const composer = bruno.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Pronto, Renata: cupom liberado.');
    await composer.press('Enter');
    const before = await averageOf(bruno);

    // Bruno finishes; the session stays open on his desk, finished.
    await bruno.getByRole('button', { name: 'Finalizar', exact: true }).click();
    await bruno.getByRole('button', { name: 'Sim, finalizar' }).click();
    await bruno.getByRole('button', { name: 'Fechar atendimento' }).waitFor();

    const widget = visitor.locator('conecta-webchat');
    await widget.getByText('Como foi o atendimento?').waitFor();
    await widget.getByRole('radio', { name: '1 estrela' }).focus();
    for (let i = 0; i < 4; i++) await visitor.keyboard.press('ArrowRight');
    await widget.getByLabel('Comentário (opcional)').fill('Resolveu na hora!');
    await widget.getByRole('button', { name: 'Enviar avaliação' }).click();
    await widget.getByText('Obrigado pela avaliação!').waitFor();

    await bruno.getByRole('img', { name: '5 de 5 estrelas' }).waitFor();
    await bruno.getByText('Resolveu na hora!').waitFor();
    const count = (before?.count ?? 0) + 1;
    const expected = ((before?.average ?? 0) * (before?.count ?? 0) + 5) / count;
    for (let tries = 0; tries < 50 && (await averageOf(bruno))?.count !== count; tries++) await bruno.waitForTimeout(100);
    assert.deepEqual(await averageOf(bruno), { average: expected, count }, 'the average moved without a reload');

    await bruno.getByRole('button', { name: 'Fechar atendimento' }).click();
    await bruno.getByText('Aceite ou escolha um atendimento na fila.').waitFor();
    await visitor.context().close();
  });
});
