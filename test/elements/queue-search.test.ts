// <conecta-queue>: the team filter, the local search and the debounced server search.
import { expect, waitUntil } from '@open-wc/testing';
import { aContact, aSession, createMockClient, emptyFixture, queueFixture } from '../fixtures/index.js';
import { queueWith, ids } from './queue-helpers.js';
import { $, settle, text } from './helpers.js';

describe('<conecta-queue>', () => {
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
      expect(text($(el, '[part="empty"] .empty-title'))).to.equal('Nenhum atendimento encontrado para “zz”.');
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(client.received('queue.search')).to.have.length(0);
    });

    it('asks the server (debounced) from 3 characters and shows what it found, by phone digits too', async () => {
      const now = Date.now();
      const client = createMockClient(queueFixture(now), { store: { ...emptyFixture(), connection: 'connected' } });
      const hidden = aContact({ id: 'contact-h', name: 'Helena Dias', phone: '+5511912345678', document: '52998224725' });
      client.serverState = {
        ...client.serverState,
        contacts: { ...client.serverState.contacts, [hidden.id]: hidden },
        sessions: { ...client.serverState.sessions, 'session-h': aSession({ id: 'session-h', contactId: hidden.id, createdAt: now }) },
      };
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
    await waitUntil(
      () => text($(el, '.searching')) === 'Busca no servidor indisponível: mostrando só os atendimentos já carregados.',
      'no failure notice',
      { timeout: 1000 },
    );
    expect($(el, '.searching').getAttribute('role')).to.equal('status');
    expect(ids(el, 'waiting').length).to.be.greaterThan(0);
    // Too short for the server: no "searching" notice either, so only a forgotten failure would show.
    search.value = 'Ca';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, '.searching'))).to.equal('');
  });
});
