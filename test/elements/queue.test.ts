import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conecta-queue/conecta-queue.js';
import type { ConectaQueue } from '../../src/elements/conecta-queue/conecta-queue.js';
import { AlertController } from '../../src/controllers/alert-controller.js';
import type { ConectaState } from '../../src/client/state.js';
import type { Contact, Session } from '../../src/protocol/index.js';
import {
  aContact,
  aMessage,
  aSession,
  ana,
  bruno,
  contacts,
  createMockClient,
  emptyFixture,
  queueFixture,
  sessionsFixture,
  type MockClient,
} from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function queueWith(
  client: MockClient,
  attrs: { lang?: string; team?: string; phase?: string; alerts?: boolean } = {},
): Promise<ConectaQueue> {
  const el = await fixture<ConectaQueue>(
    html`<conecta-queue .client=${client} lang=${attrs.lang ?? 'pt-BR'} team=${attrs.team ?? ''} phase=${attrs.phase ?? 'waiting'}
      ?with-alerts=${attrs.alerts ?? false}></conecta-queue>`,
  );
  await settle(el);
  return el;
}

const ids = (el: ConectaQueue, phase: string) => $$(el, `[part~="item"][part~="${phase}"]`).map((row) => row.dataset.sessionId);
const row = (el: ConectaQueue, id: string) => $(el, `[data-session-id="${id}"]`);
const tab = (el: ConectaQueue, phase: string) => $(el, `#tab-${phase}`);

/** Ana with `count` pending sessions (session-p0 most recent) plus the usual fixture. */
function manyPending(count: number, now = Date.now()): ConectaState {
  const base = queueFixture(now);
  const sessions = { ...base.sessions };
  const people = { ...base.contacts };
  for (let i = 0; i < count; i++) {
    const contact = aContact({ id: `contact-p${i}`, name: `Cliente ${String(i).padStart(3, '0')}` });
    people[contact.id] = contact;
    sessions[`session-p${i}`] = aSession({
      id: `session-p${i}`, contactId: contact.id, status: 'pending', agentId: ana.id, teamId: 'suporte',
      createdAt: now - 3_600_000, acceptedAt: now - 3_500_000, lastMessageAt: now - 60_000 - i * 1000, lastMessageText: `Mensagem ${i}`,
    });
  }
  return { ...base, sessions, contacts: people };
}

/** Ana with `count` waiting sessions for Suporte (session-w0 the oldest). */
function manyWaiting(count: number, now = Date.now()): ConectaState {
  const base = emptyFixture();
  const sessions: Record<string, Session> = {};
  const people: Record<string, Contact> = {};
  for (let i = 0; i < count; i++) {
    const contact = aContact({ id: `contact-w${i}`, name: `Espera ${i}` });
    people[contact.id] = contact;
    sessions[`session-w${i}`] = aSession({ id: `session-w${i}`, contactId: contact.id, createdAt: now - (count - i) * 1000 });
  }
  return { ...base, sessions, contacts: people };
}

class FakeAlerts extends AlertController {
  hidden = false;
  beeps = 0;
  notes: Array<{ title: string; body: string }> = [];
  override isPageHidden() {
    return this.hidden;
  }
  override beep() {
    this.beeps++;
  }
  override notify(title: string, body: string) {
    this.notes.push({ title, body });
  }
}

describe('<conecta-queue>', () => {
  describe('accessibility', () => {
    for (const phase of ['waiting', 'active', 'pending']) {
      it(`is accessible in the ${phase} phase`, async () => {
        const el = await queueWith(createMockClient(queueFixture()), { phase });
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible when empty and offline', async () => {
      const el = await queueWith(createMockClient({ ...emptyFixture(), connection: 'disconnected' }));
      await expect(el).to.be.accessible();
    });

    it('names each Accept and preview button after the contact', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      expect($$(el, '[part="accept-button"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        `Aceitar atendimento de ${contacts.diego.name}`,
        `Aceitar atendimento de ${contacts.carla.name}`,
      ]);
      expect($$(el, '[part="preview-button"]')[0]!.getAttribute('aria-label')).to.equal(`Ver conversa de ${contacts.diego.name}`);
    });

    it('announces the counters politely when they change', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const announcer = $(el, '.announcer');
      expect(announcer.getAttribute('role')).to.equal('status');
      expect(text(announcer)).to.equal('');
      client.push({ session: { ...sessionsFixture().waitingFinanceiro, id: 'session-9', teamId: 'suporte' } });
      await settle(el);
      expect(text(announcer)).to.equal('3 em espera');
    });
  });

  describe('phases and counters', () => {
    it('shows three tabs with live counters', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      expect($$(el, '[role="tab"]').map((t) => text(t))).to.deep.equal(['Em espera 2', 'Em atendimento 1', 'Pendentes 1']);
      expect(tab(el, 'waiting').getAttribute('aria-selected')).to.equal('true');
      await client.command('session.accept', { sessionId: 'session-1' });
      await settle(el);
      expect(text($(el, '.waiting-count'))).to.equal('1');
      expect(text($(el, '.active-count'))).to.equal('2');
    });

    it('moves between tabs with the arrow keys', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      tab(el, 'waiting').focus();
      press(tab(el, 'waiting'), 'ArrowRight');
      await settle(el);
      expect(el.phase).to.equal('active');
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-active');
      press(tab(el, 'active'), 'End');
      await settle(el);
      expect(el.getAttribute('phase')).to.equal('pending');
    });

    it('mirrors the arrow keys between tabs in right-to-left text', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      el.dir = 'rtl';
      await el.updateComplete;
      tab(el, 'waiting').focus();
      press(tab(el, 'waiting'), 'ArrowLeft');
      await settle(el);
      expect(el.phase).to.equal('active');
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-active');
      press(tab(el, 'active'), 'ArrowRight');
      press(tab(el, 'waiting'), 'ArrowRight');
      await settle(el);
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-pending');
    });
  });

  describe('rendering', () => {
    it('lists waiting sessions oldest first, with contact, channel, team, last message, wait time and for whom', async () => {
      const now = Date.now();
      const state = queueFixture(now);
      const forAna = aSession({ id: 'session-8', contactId: contacts.fabio.id, teamId: 'suporte', targetAgentId: ana.id, createdAt: now - 1000 });
      const forBruno = aSession({ id: 'session-7', contactId: contacts.fabio.id, teamId: 'suporte', targetAgentId: bruno.id, createdAt: now - 1000 });
      const el = await queueWith(createMockClient({ ...state, sessions: { ...state.sessions, [forAna.id]: forAna, [forBruno.id]: forBruno } }));
      expect(ids(el, 'waiting')).to.deep.equal(['session-2', 'session-1', 'session-8']);
      const first = row(el, 'session-2');
      expect(text(first)).to.contain(contacts.diego.name).and.contain('WhatsApp').and.contain('Vendas').and.contain('Quero um orçamento');
      expect(text(first.querySelector('[part="wait-time"]'))).to.equal('Aguardando há 1 h 05 min');
      expect(text(first.querySelector('[part="badge"]'))).to.equal('Para a equipe');
      expect(text(row(el, 'session-8').querySelector('[part="badge"]'))).to.equal('Para você');
    });

    it('lists pending sessions most recent interaction first', async () => {
      const el = await queueWith(createMockClient(manyPending(3)), { phase: 'pending' });
      expect(ids(el, 'pending')).to.deep.equal(['session-p0', 'session-p1', 'session-p2', 'session-5']);
    });

    it('marks active sessions the agent was invited to', async () => {
      const now = Date.now();
      const state = queueFixture(now);
      const invited = aSession({ id: 'session-10', contactId: contacts.fabio.id, status: 'active', agentId: bruno.id, invitedAgentIds: [ana.id], lastMessageAt: now });
      const el = await queueWith(createMockClient({ ...state, sessions: { ...state.sessions, [invited.id]: invited } }), { phase: 'active' });
      expect(ids(el, 'active')).to.deep.equal(['session-10', 'session-4']);
      expect(text(row(el, 'session-10').querySelector('[part="badge"]'))).to.equal('Convidado');
      expect(row(el, 'session-4').querySelector('[part="badge"]')).to.equal(null);
    });

    it('shows empty states', async () => {
      const el = await queueWith(createMockClient(emptyFixture()));
      expect(text($(el, '.panel'))).to.equal('Ninguém em espera.');
      el.phase = 'pending';
      await el.updateComplete;
      expect(text($(el, '.panel'))).to.equal('Você não tem atendimentos pendentes.');
    });

    it('ticks the wait time every second', async () => {
      const now = Date.now();
      const client = createMockClient({ ...emptyFixture(), contacts: { [contacts.carla.id]: contacts.carla } });
      const el = await queueWith(client);
      client.push({ session: { ...sessionsFixture(now).waitingCarla, createdAt: now - 5_000 } });
      await el.updateComplete;
      const first = text($(el, '[part="wait-time"]'));
      expect(first).to.match(/^Aguardando há \d s$/);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(text($(el, '[part="wait-time"]'))).to.not.equal(first);
    });

    it('loads the queue once it gets its client', async () => {
      const client = createMockClient(queueFixture());
      await queueWith(client);
      expect(client.calls.filter((c) => c.method === 'loadQueue')).to.have.length(1);
    });
  });

  describe('filter and search', () => {
    it("filters by team with a select of the agent's teams that reflects the team attribute", async () => {
      const el = await queueWith(createMockClient(queueFixture()), { team: 'vendas' });
      const select = $(el, '[part="team-select"]') as HTMLSelectElement;
      expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal(['Todas as equipes', 'Suporte', 'Vendas']);
      expect(select.value).to.equal('vendas');
      expect(ids(el, 'waiting')).to.deep.equal(['session-2']);
      select.value = 'suporte';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.getAttribute('team')).to.equal('suporte');
      expect(ids(el, 'waiting')).to.deep.equal(['session-1']);
      expect(text($(el, '.waiting-count'))).to.equal('1');
    });

    it('filters locally by name, ignoring accents, and says when nothing matches', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const search = $(el, '[part="search"]') as HTMLInputElement;
      search.value = 'ca';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(ids(el, 'waiting')).to.deep.equal(['session-1']);
      search.value = 'zz';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(text($(el, '[part="empty"]'))).to.equal('Nenhum atendimento encontrado para “zz”.');
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(client.received('queue.search')).to.have.length(0);
    });

    it('asks the server (debounced) from 3 characters and shows what it found, by phone digits too', async () => {
      const now = Date.now();
      const client = createMockClient(queueFixture(now), { store: { ...emptyFixture(), connection: 'connected' } });
      const hidden = aContact({ id: 'contact-h', name: 'Helena Dias', phone: '+5511912345678', document: '52998224725' });
      client.serverState = { ...client.serverState, contacts: { ...client.serverState.contacts, [hidden.id]: hidden },
        sessions: { ...client.serverState.sessions, 'session-h': aSession({ id: 'session-h', contactId: hidden.id, createdAt: now }) } };
      const el = await queueWith(client);
      client.commands.length = 0;
      const search = $(el, '[part="search"]') as HTMLInputElement;
      for (const value of ['9', '91', '912', '9123']) {
        search.value = value;
        search.dispatchEvent(new Event('input'));
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(client.received('queue.search')).to.have.length(0);
      await waitUntil(() => client.received('queue.search').length === 1, 'no server search', { timeout: 1000 });
      expect(client.received('queue.search')[0]).to.include({ query: '9123' });
      await settle(el);
      expect(ids(el, 'waiting')).to.deep.equal(['session-h']);
      search.value = '529.982';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(ids(el, 'waiting')).to.deep.equal(['session-h']);
    });
  });

  it('says quietly when the server search failed, and keeps the local results', async () => {
    const client = createMockClient(queueFixture(Date.now())).failWith('queue.search', 'TIMEOUT', 'timed out');
    const el = await queueWith(client);
    const search = $(el, '[part="search"]') as HTMLInputElement;
    search.value = 'Carla';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => text($(el, '.searching')) === 'Busca no servidor indisponível: mostrando só os atendimentos já carregados.', 'no failure notice', { timeout: 1000 });
    expect($(el, '.searching').getAttribute('role')).to.equal('status');
    expect(ids(el, 'waiting').length).to.be.greaterThan(0);
    // Too short for the server: no "searching" notice either, so only a forgotten failure would show.
    search.value = 'Ca';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, '.searching'))).to.equal('');
  });

  describe('preview', () => {
    it('opens a read-only preview of a waiting session without accepting it; Escape closes and focus returns', async () => {
      const now = Date.now();
      const state = queueFixture(now);
      const client = createMockClient({ ...state, messages: { 'session-1': [aMessage({ id: 'm-1', sessionId: 'session-1', seq: 1, text: 'Olá, meu pedido não chegou.', authorKind: 'contact', createdAt: now })] } },
        { store: { ...state } });
      const el = await queueWith(client);
      const button = row(el, 'session-1').querySelector<HTMLButtonElement>('[part="preview-button"]')!;
      button.focus();
      button.click();
      await settle(el);
      const dialog = $(el, 'dialog[part="preview"]') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(client.calls.some((c) => c.method === 'openSession' && c.args[0] === 'session-1')).to.equal(true);
      expect(text($(el, '#preview-title'))).to.equal(`Conversa de ${contacts.carla.name}`);
      expect(text(dialog.querySelector('[role="log"]'))).to.contain('Olá, meu pedido não chegou.');
      expect(client.received('session.accept')).to.have.length(0);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(client.serverState.sessions['session-1']!.status).to.equal('waiting');
    });

    it('opens the preview with Enter on a waiting item', async () => {
      const el = await queueWith(createMockClient(queueFixture()));
      const main = row(el, 'session-2').querySelector<HTMLElement>('.main')!;
      main.focus();
      press(main, 'Enter');
      await settle(el);
      expect(($(el, 'dialog[part="preview"]') as HTMLDialogElement).open).to.equal(true);
      el.closePreview();
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(main);
    });
  });

  describe('accept', () => {
    it('accepts a waiting session and dispatches conecta-session-accepted', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      const button = row(el, 'session-1').querySelector<HTMLButtonElement>('[part="accept-button"]')!;
      const accepted = oneEvent(el, 'conecta-session-accepted');
      button.click();
      await el.updateComplete;
      expect(button.disabled).to.equal(true);
      expect(text(button)).to.equal('Aceitando…');
      const event = await accepted;
      expect(client.received('session.accept')).to.deep.equal([{ sessionId: 'session-1' }]);
      expect(event.detail.session).to.include({ id: 'session-1', status: 'active', agentId: ana.id });
      expect(event.detail.contact.id).to.equal(contacts.carla.id);
      expect(event.bubbles && event.composed).to.equal(true);
      await settle(el);
      expect(ids(el, 'waiting')).to.deep.equal(['session-2']);
    });

    it('loses a race: says another agent accepted it, then the item goes when the update arrives', async () => {
      const client = createMockClient(queueFixture()).failWith('session.accept', 'ALREADY_ACCEPTED', 'Already accepted.');
      const el = await queueWith(client);
      let accepted = false;
      el.addEventListener('conecta-session-accepted', () => (accepted = true));
      row(el, 'session-1').querySelector<HTMLButtonElement>('[part="accept-button"]')!.click();
      await settle(el);
      const alert = row(el, 'session-1').querySelector('[role="alert"]')!;
      expect(text(alert)).to.equal('Este atendimento já foi aceito por outro agente.');
      expect(row(el, 'session-1').querySelector('[part="accept-button"]')!.getAttribute('aria-describedby')).to.equal(alert.id);
      expect(accepted).to.equal(false);
      const won = client.serverState.sessions['session-1']!;
      client.push({ session: { ...won, status: 'active', agentId: bruno.id, version: won.version + 1 } });
      await settle(el);
      expect(ids(el, 'waiting')).to.deep.equal(['session-2']);
      // The row is gone, but the agent is still told why, until it dismisses the notice.
      const notice = $(el, '[part="notice"]');
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(text(notice)).to.contain('Carla Mendes: Este atendimento já foi aceito por outro agente.');
      (notice.querySelector('button') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    });

    it('disables every action while not connected, saying why', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client);
      client.setConnection('disconnected');
      await el.updateComplete;
      const buttons = $$(el, '[part="accept-button"], [part="preview-button"]') as HTMLButtonElement[];
      expect(buttons.every((b) => b.disabled && b.getAttribute('aria-describedby')?.includes('connection-notice'))).to.equal(true);
      expect(text($(el, '#connection-notice'))).to.equal('Sem conexão com o servidor');
      el.phase = 'pending';
      await el.updateComplete;
      expect(($(el, '[part="rescue-button"]') as HTMLButtonElement).disabled).to.equal(true);
      await expect(el).to.be.accessible();
      client.setConnection('connected');
      await el.updateComplete;
      expect(($(el, '[part="rescue-button"]') as HTMLButtonElement).disabled).to.equal(false);
    });
  });

  describe('pending', () => {
    it('rescues one pending session', async () => {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client, { phase: 'pending' });
      ($(el, '[data-session-id="session-5"] [part="rescue-button"]') as HTMLButtonElement).click();
      await settle(el);
      expect(client.received('session.rescue')).to.deep.equal([{ sessionIds: ['session-5'] }]);
      expect(ids(el, 'pending')).to.deep.equal([]);
      expect(text($(el, '.active-count'))).to.equal('2');
    });

    it('selects with Space on the focused item', async () => {
      const el = await queueWith(createMockClient(manyPending(2)), { phase: 'pending' });
      const main = row(el, 'session-p1').querySelector<HTMLElement>('.main')!;
      main.focus();
      press(main, ' ');
      await el.updateComplete;
      expect(row(el, 'session-p1').getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'session-p1').querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(true);
      expect(text($(el, '.selected-count'))).to.equal('1 selecionado');
      press(main, ' ');
      await el.updateComplete;
      expect(row(el, 'session-p1').getAttribute('aria-selected')).to.equal('false');
    });

    it('rescues the selected sessions in one command, showing progress', async () => {
      const client = createMockClient(manyPending(3), { latency: 30 });
      const el = await queueWith(client, { phase: 'pending' });
      await waitUntil(() => ids(el, 'pending').length === 4);
      for (const id of ['session-p0', 'session-p2']) row(el, id).querySelector<HTMLInputElement>('input')!.click();
      await el.updateComplete;
      ($(el, '.bulk-rescue') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(text($(el, '.bulk-status'))).to.equal('Resgatando 2 atendimentos…');
      await waitUntil(() => text($(el, '.bulk-status')) === '2 atendimentos resgatados.');
      expect(client.received('session.rescue')).to.deep.equal([{ sessionIds: ['session-p0', 'session-p2'] }]);
      expect(ids(el, 'pending')).to.deep.equal(['session-p1', 'session-5']);
    });

    it('finishes the selected sessions after a confirmation that says no survey is sent', async () => {
      const client = createMockClient(manyPending(2));
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await el.updateComplete;
      ($(el, '.bulk-finish') as HTMLButtonElement).click();
      await settle(el);
      const confirm = $(el, '[role="alertdialog"]');
      expect(text(confirm)).to.contain('Finalizar 3 atendimentos?').and.contain('não recebem a pesquisa de satisfação');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.finish-confirm'));
      expect(client.received('session.finishMany')).to.have.length(0);
      await expect(el).to.be.accessible();
      $(el, '.finish-confirm').click();
      await settle(el);
      expect(client.received('session.finishMany')).to.deep.equal([{ sessionIds: ['session-p0', 'session-p1', 'session-5'] }]);
      expect(text($(el, '.bulk-status'))).to.equal('3 atendimentos finalizados.');
      expect(text($(el, '.pending-count'))).to.equal('0');
    });

    it('cancels the bulk finish with Escape: nothing is finished and focus returns to Finish', async () => {
      const client = createMockClient(manyPending(2));
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await el.updateComplete;
      $(el, '.bulk-finish').click();
      await settle(el);
      press($(el, '.finish-confirm'), 'Escape');
      await settle(el);
      expect(el.shadowRoot!.querySelector('[role="alertdialog"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement?.className).to.equal('bulk-finish danger');
      expect(client.received('session.finishMany')).to.have.length(0);
      expect(text($(el, '.selected-count'))).to.equal('3 selecionados');
    });

    it('never selects more than 50: further selection is disabled with a message', async () => {
      const client = createMockClient(manyPending(60));
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await settle(el);
      expect(text($(el, '.selected-count'))).to.equal('50 selecionados');
      expect(text($(el, '#selection-limit'))).to.equal('Você pode selecionar até 50 atendimentos por vez.');
      const unchecked = $$(el, '[part~="pending"] input[type="checkbox"]').filter((box) => !(box as HTMLInputElement).checked) as HTMLInputElement[];
      expect(unchecked.length).to.be.greaterThan(0);
      expect(unchecked.every((box) => box.disabled && box.getAttribute('aria-describedby') === 'selection-limit')).to.equal(true);
      $(el, '.bulk-rescue').click();
      await settle(el);
      expect(client.received('session.rescue')[0]!.sessionIds).to.have.length(50);
    });

    it("shows the server's clear message when it refuses a bulk action", async () => {
      const client = createMockClient(manyPending(1)).failWith('session.rescue', 'INVALID_PAYLOAD', 'Too many.', {
        sessionIds: 'lists more than 50 sessions',
      });
      const el = await queueWith(client, { phase: 'pending' });
      $(el, '.select-all-box').click();
      await el.updateComplete;
      $(el, '.bulk-rescue').click();
      await settle(el);
      expect(text($(el, '.bulk-status[role="alert"]'))).to.equal('Selecione no máximo 50 atendimentos por vez.');
    });
  });

  describe('keyboard', () => {
    it('moves through items with the arrow keys, Home and End, with one tab stop', async () => {
      const el = await queueWith(createMockClient(manyWaiting(5)));
      const mains = () => $$(el, '.main');
      expect(mains().map((m) => m.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
      mains()[0]!.focus();
      press(mains()[0]!, 'ArrowDown');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[1]);
      expect(mains().map((m) => m.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1]);
      press(mains()[1]!, 'End');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[4]);
      press(mains()[4]!, 'Home');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[0]);
      press(mains()[0]!, 'ArrowUp');
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(mains()[0]);
    });

    it("moves between a session's controls with Left/Right, mirrored right-to-left, and by ten with PageDown/PageUp", async () => {
      const el = await queueWith(createMockClient(manyPending(12)), { phase: 'pending' });
      const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
      const where = () => `${focused()?.closest('[role="row"]')?.getAttribute('data-index')} ${focused()?.getAttribute('part') || focused()?.className || focused()?.localName}`;
      const first = $(el, '[data-index="0"] .main');
      first.focus();
      press(first, 'ArrowRight');
      expect(where()).to.equal('0 preview-button');
      press(focused()!, 'ArrowRight');
      press(focused()!, 'ArrowRight');
      expect(where()).to.equal('0 rescue-button');
      press(focused()!, 'ArrowLeft');
      press(focused()!, 'ArrowLeft');
      press(focused()!, 'ArrowLeft');
      expect(where()).to.equal('0 input');
      press(focused()!, 'PageDown');
      await settle(el);
      expect(where()).to.equal('10 main');
      press(focused()!, 'PageUp');
      await settle(el);
      expect(where()).to.equal('0 main');
      el.dir = 'rtl';
      await el.updateComplete;
      press(focused()!, 'ArrowLeft');
      expect(where()).to.equal('0 preview-button');
    });

    it('dispatches conecta-session-selected with Enter on an active item', async () => {
      const el = await queueWith(createMockClient(queueFixture()), { phase: 'active' });
      const main = row(el, 'session-4').querySelector<HTMLElement>('.main')!;
      main.focus();
      setTimeout(() => press(main, 'Enter'));
      const event = await oneEvent(el, 'conecta-session-selected');
      expect(event.detail.session.id).to.equal('session-4');
      expect(event.detail.contact.name).to.equal(contacts.elisa.name);
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(row(el, 'session-4').getAttribute('aria-current')).to.equal('true');
    });

    it('virtualizes a long list and scrolls the focused item into view', async () => {
      // The virtualizer measures rows with a ResizeObserver; Chromium reports a harmless loop warning as an error.
      const onerror = window.onerror;
      window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : onerror?.(message, ...rest));
      after(() => {
        window.onerror = onerror;
      });
      const el = await queueWith(createMockClient(manyWaiting(1000)));
      await waitUntil(() => $$(el, '[part~="waiting"]').length > 0);
      const rendered = $$(el, '[part~="waiting"]').length;
      expect(rendered).to.be.lessThan(200);
      expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('1000');
      const first = $(el, '[data-index="0"] .main');
      first.focus();
      press(first, 'End');
      await waitUntil(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.closest('[role="row"]')?.getAttribute('aria-rowindex') === '1000',
        'the last item did not get focus', { timeout: 4000 });
      expect(text(el.shadowRoot!.activeElement)).to.contain('Espera 999');
    });
  });

  describe('alerts', () => {
    async function alertingQueue(alerts: boolean) {
      const client = createMockClient(queueFixture());
      const el = await queueWith(client, { alerts });
      const fake = new FakeAlerts();
      el.alertController = fake;
      const arrive = async (id: string) => {
        client.push({ session: { ...sessionsFixture().waitingCarla, id, createdAt: Date.now() } });
        await settle(el);
      };
      return { el, fake, arrive };
    }

    it('beeps and notifies for a new waiting session only when enabled and the page is hidden', async () => {
      const { fake, arrive } = await alertingQueue(true);
      expect(fake.beeps).to.equal(0);
      await arrive('session-20');
      expect(fake.beeps).to.equal(0);
      fake.hidden = true;
      await arrive('session-21');
      expect(fake.beeps).to.equal(1);
      expect(fake.notes).to.deep.equal([{ title: 'Novo atendimento em espera', body: `${contacts.carla.name} · Suporte` }]);
    });

    it('stays quiet when alerts are off', async () => {
      const { el, fake, arrive } = await alertingQueue(false);
      expect(el.hasAttribute('with-alerts')).to.equal(false);
      fake.hidden = true;
      await arrive('session-22');
      expect(fake.beeps).to.equal(0);
    });
  });

  describe('i18n', () => {
    it('speaks English and Spanish through lang', async () => {
      const el = await queueWith(createMockClient(queueFixture()), { lang: 'en' });
      expect(text($(el, '[part="accept-button"]'))).to.equal('Accept');
      expect(text($(el, '[part="wait-time"]'))).to.equal('Waiting for 1 hr 05 min');
      expect($$(el, '[role="tab"]').map((t) => text(t))).to.deep.equal(['Waiting 2', 'In service 1', 'Pending 1']);
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '[part="accept-button"]'))).to.equal('Aceptar');
      expect($(el, '[part="accept-button"]').getAttribute('aria-label')).to.equal(`Aceptar atención de ${contacts.diego.name}`);
      el.phase = 'pending';
      await el.updateComplete;
      expect(text($(el, '.select-all'))).to.equal('Seleccionar todos los visibles');
      expect(text($(el, '[part="rescue-button"]'))).to.equal('Rescatar');
    });

    it("follows an ancestor's lang", async () => {
      const client = createMockClient(queueFixture());
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-US"><conecta-queue .client=${client}></conecta-queue></div>`);
      const el = wrapper.querySelector('conecta-queue')!;
      await settle(el);
      expect(text($(el, '#tab-waiting'))).to.contain('Waiting');
      wrapper.lang = 'es-AR';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text($(el, '#tab-waiting'))).to.contain('En espera');
    });
  });
});
