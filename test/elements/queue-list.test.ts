// <conecta-queue>: what each phase lists and how, and the alerts for new waiting sessions.
import { expect } from '@open-wc/testing';
import { AlertController } from '../../src/controllers/alert-controller.js';
import { aSession, ana, bruno, contacts, createMockClient, emptyFixture, queueFixture, sessionsFixture } from '../fixtures/index.js';
import { queueWith, ids, row, manyPending } from './queue-helpers.js';
import { $, $$, settle, text } from './helpers.js';

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
  describe('rendering', () => {
    it('lists waiting sessions oldest first, with contact, channel, team, last message, wait time and for whom', async () => {
      const now = Date.now();
      const state = queueFixture(now);
      const forAna = aSession({
        id: 'session-8',
        contactId: contacts.fabio.id,
        teamId: 'suporte',
        targetAgentId: ana.id,
        createdAt: now - 1000,
      });
      const forBruno = aSession({
        id: 'session-7',
        contactId: contacts.fabio.id,
        teamId: 'suporte',
        targetAgentId: bruno.id,
        createdAt: now - 1000,
      });
      const el = await queueWith(
        createMockClient({ ...state, sessions: { ...state.sessions, [forAna.id]: forAna, [forBruno.id]: forBruno } }),
      );
      expect(ids(el, 'waiting')).to.deep.equal(['session-2', 'session-1', 'session-8']);
      const first = row(el, 'session-2');
      expect(text(first)).to.contain(contacts.diego.name).and.contain('Vendas').and.contain('Quero um orçamento');
      expect(first.querySelector('.channel [role="img"]')!.getAttribute('aria-label')).to.equal('WhatsApp');
      expect(text(first.querySelector('[part="avatar"]'))).to.equal('DR');
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
      const invited = aSession({
        id: 'session-10',
        contactId: contacts.fabio.id,
        status: 'active',
        agentId: bruno.id,
        invitedAgentIds: [ana.id],
        lastMessageAt: now,
      });
      const el = await queueWith(createMockClient({ ...state, sessions: { ...state.sessions, [invited.id]: invited } }), {
        phase: 'active',
      });
      expect(ids(el, 'active')).to.deep.equal(['session-10', 'session-4']);
      expect(text(row(el, 'session-10').querySelector('[part="badge"]'))).to.equal('Convidado');
      expect(row(el, 'session-4').querySelector('[part="badge"]')).to.equal(null);
    });

    it('shows empty states that say what happens next, in the same type size as the rows', async () => {
      const el = await queueWith(createMockClient(emptyFixture()));
      expect(text($(el, '.panel .empty-title'))).to.equal('Ninguém em espera.');
      expect(text($(el, '.panel .empty-hint'))).to.equal('Quando um contato entrar na fila, ele aparece aqui para você aceitar.');
      const searchLabel = getComputedStyle($(el, '.field.search')).fontSize;
      expect(getComputedStyle($(el, '.empty-title')).fontSize).to.equal(searchLabel);
      el.phase = 'pending';
      await el.updateComplete;
      expect(text($(el, '.panel .empty-title'))).to.equal('Você não tem atendimentos pendentes.');
    });

    it('shows rows of the real rows’ size while loading, so nothing jumps when the sessions arrive', async () => {
      const client = createMockClient(queueFixture(), { store: { ...emptyFixture(), connection: 'connected' }, latency: 300 });
      const el = await queueWith(client);
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      const skeleton = $$(el, '.skeleton-row');
      expect(skeleton).to.have.length(3);
      expect(text($(el, '.loading-status'))).to.equal('Carregando…');
      const shapeHeight = skeleton[0]!.getBoundingClientRect().height;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await settle(el);
      const rowHeight = $(el, '[part~="item"]').getBoundingClientRect().height;
      expect(Math.abs(rowHeight - shapeHeight)).to.be.lessThan(4);
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
});
