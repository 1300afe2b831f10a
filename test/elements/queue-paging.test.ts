// <conecta-queue> on a waiting queue the server pages (issue 13): the first page from the snapshot,
// the next ones as the agent scrolls or moves near the end, the server's total in the counter and the grid.
import { expect } from '@open-wc/testing';
import { waitingLoadedUntil } from '../../src/client/waiting-queue.js';
import { AlertController } from '../../src/controllers/alert-controller.js';
import { aContact, aSession, createMockClient, defaultHandlers, type MockClient } from '../fixtures/index.js';
import { ids, manyWaiting, queueWith, row } from './queue-helpers.js';
import { $, press, settle, text } from './helpers.js';

const PAGE = 50;

class CountedAlerts extends AlertController {
  beeps = 0;
  override isPageHidden() {
    return true;
  }
  override beep() {
    this.beeps++;
  }
  override notify() {}
}

/** A server with `count` sessions waiting for Suporte, paged; the desk holds none of them yet. */
function pagedClient(count: number, now = Date.now()): MockClient {
  const server = manyWaiting(count, now);
  return createMockClient(server, { waitingPageSize: PAGE, store: { me: server.me, teams: server.teams, connection: 'connected' } });
}

const waitingIds = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `session-w${from + i}`);

/** Until `condition` holds (a page arrives on the next turns), at most a second. */
async function until(el: Parameters<typeof settle>[0], condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(el);
  }
}

function scrollToEnd(el: HTMLElement): void {
  const scroller = $(el, '.scroll');
  scroller.scrollTop = scroller.scrollHeight;
  scroller.dispatchEvent(new Event('scroll'));
}

describe('<conecta-queue> paging the waiting queue from the server', () => {
  it('is accessible while it holds one page of a long queue', async () => {
    const el = await queueWith(pagedClient(300));
    await expect(el).to.be.accessible();
  });

  it("shows the first page, and the server's total in the counter and in the grid's row count", async () => {
    const client = pagedClient(300);
    const el = await queueWith(client);
    expect(ids(el, 'waiting')).to.deep.equal(waitingIds(PAGE));
    expect(text($(el, '.waiting-count'))).to.equal('300');
    expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('300');
    expect(row(el, 'session-w49').getAttribute('aria-rowindex')).to.equal('50');
    expect(client.received('queue.page')).to.deep.equal([], 'no page before the agent scrolls');
  });

  it('asks for the next page, after the last row held, when the list is scrolled near its end', async () => {
    const client = pagedClient(300);
    const el = await queueWith(client);
    scrollToEnd(el);
    await until(el, () => ids(el, 'waiting').length > PAGE);
    const [asked] = client.received('queue.page');
    const last = client.serverState.sessions['session-w49']!;
    expect(asked).to.deep.include({ teamId: null, after: { createdAt: last.createdAt, id: last.id } });
    expect(ids(el, 'waiting')).to.deep.equal(waitingIds(2 * PAGE));
    expect(text($(el, '.waiting-count'))).to.equal('300');
  });

  it('asks for the next page when the keyboard moves to the last row held', async () => {
    const client = pagedClient(300);
    const el = await queueWith(client);
    const first = row(el, 'session-w0').querySelector<HTMLElement>('.main')!;
    first.focus();
    press(first, 'End');
    await until(el, () => ids(el, 'waiting').length > PAGE);
    expect(ids(el, 'waiting')).to.deep.equal(waitingIds(2 * PAGE));
    expect(client.received('queue.page')).to.have.length(1);
  });

  it('stops asking once the whole queue is held', async () => {
    const client = pagedClient(120);
    const el = await queueWith(client);
    for (let held = PAGE; held < 120; held += PAGE) {
      scrollToEnd(el);
      await until(el, () => ids(el, 'waiting').length > held);
    }
    scrollToEnd(el);
    await settle(el);
    expect(ids(el, 'waiting')).to.deep.equal(waitingIds(120));
    expect(client.received('queue.page')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('.more-status')).to.equal(null);
  });

  it('puts a session that joins within the held range in its place; past it, only the count grows', async () => {
    const now = Date.now();
    const client = pagedClient(300, now);
    const el = await queueWith(client);
    const w10 = client.serverState.sessions['session-w10']!;
    // A transfer back to the queue keeps its age: it sorts between w10 and w11.
    client.push({
      session: aSession({ id: 'session-back', contactId: 'contact-back', createdAt: w10.createdAt + 1 }),
      contact: aContact({ id: 'contact-back', name: 'De volta' }),
    });
    client.pushQueueCounts('suporte', 301);
    // A new arrival sorts after everything: past the page held, so not shown yet.
    client.push({
      session: aSession({ id: 'session-new', contactId: 'contact-new', createdAt: now + 1000 }),
      contact: aContact({ id: 'contact-new', name: 'Chegou agora' }),
    });
    client.pushQueueCounts('suporte', 302);
    await settle(el);
    const shown = ids(el, 'waiting');
    expect(shown.slice(10, 13)).to.deep.equal(['session-w10', 'session-back', 'session-w11']);
    expect(shown).to.have.length(PAGE + 1);
    expect(shown).not.to.include('session-new');
    expect(text($(el, '.waiting-count'))).to.equal('302');
    expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('302');
  });

  it('says why a page failed, and loads it on retry', async () => {
    const client = pagedClient(300);
    const el = await queueWith(client);
    client.failWith('queue.page', 'TIMEOUT', 'The server is restarting.');
    scrollToEnd(el);
    await until(el, () => !!el.shadowRoot!.querySelector('.more-error'));
    const error = $(el, '.more-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(ids(el, 'waiting')).to.have.length(PAGE);
    client.handle('queue.page', defaultHandlers['queue.page']);
    error.querySelector('button')!.click();
    await until(el, () => ids(el, 'waiting').length > PAGE);
    expect(ids(el, 'waiting')).to.deep.equal(waitingIds(2 * PAGE));
    expect(el.shadowRoot!.querySelector('.more-error')).to.equal(null);
  });

  it("pages one team's list on from where every team's list is held, without a gap or a repeat", async () => {
    const now = Date.now();
    const base = manyWaiting(240, now);
    // Every other session waits for Vendas.
    const sessions = Object.fromEntries(
      Object.values(base.sessions).map((s) => [s.id, Number(s.id.slice('session-w'.length)) % 2 ? { ...s, teamId: 'vendas' } : s]),
    );
    const server = { ...base, sessions };
    const client = createMockClient(server, {
      waitingPageSize: PAGE,
      store: { me: server.me, teams: server.teams, connection: 'connected' },
    });
    const el = await queueWith(client, { team: 'vendas' });
    const odd = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `session-w${2 * (from + i) + 1}`);
    expect(ids(el, 'waiting')).to.deep.equal(odd(PAGE / 2));
    expect(text($(el, '.waiting-count'))).to.equal('120');
    scrollToEnd(el);
    await until(el, () => ids(el, 'waiting').length > PAGE / 2);
    const [asked] = client.received('queue.page');
    expect(asked).to.deep.include({
      teamId: 'vendas',
      after: { createdAt: client.serverState.sessions['session-w49']!.createdAt, id: 'session-w49' },
    });
    expect(ids(el, 'waiting')).to.deep.equal(odd(PAGE / 2 + PAGE));
  });

  it('does not alert for sessions a page brings, only for new arrivals', async () => {
    const now = Date.now();
    const client = pagedClient(300, now - 60_000);
    const el = await queueWith(client, { alerts: true });
    const alerts = new CountedAlerts();
    el.alertController = alerts;
    scrollToEnd(el);
    await until(el, () => ids(el, 'waiting').length > PAGE);
    expect(alerts.beeps).to.equal(0);
    client.push({
      session: aSession({ id: 'session-new', contactId: 'contact-new', createdAt: Date.now() }),
      contact: aContact({ id: 'contact-new', name: 'Chegou agora' }),
    });
    await settle(el);
    expect(alerts.beeps).to.equal(1);
  });

  it('pages a virtualized list too (past 200 rows held), from the keyboard', async () => {
    // The virtualizer measures rows with a ResizeObserver; Chromium reports a harmless loop warning as an error.
    const onerror = window.onerror;
    window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : onerror?.(message, ...rest));
    after(() => {
      window.onerror = onerror;
    });
    const server = manyWaiting(1000);
    const client = createMockClient(server, {
      waitingPageSize: 250,
      store: { me: server.me, teams: server.teams, connection: 'connected' },
    });
    const el = await queueWith(client);
    expect(ids(el, 'waiting').length).to.be.below(250, 'only the rows in view are in the DOM');
    expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('1000');
    const first = row(el, 'session-w0').querySelector<HTMLElement>('.main')!;
    first.focus();
    press(first, 'End');
    await until(el, () => client.received('queue.page').length > 0 && !!el.shadowRoot!.querySelector('[data-session-id="session-w249"]'));
    expect(client.received('queue.page')[0]).to.deep.include({
      after: { createdAt: server.sessions['session-w249']!.createdAt, id: 'session-w249' },
    });
    await until(el, () => waitingLoadedUntil(client.store.state, null)?.id === 'session-w499');
    expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('1000');
  });
});
