import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Contact } from '../../src/protocol/index.js';
import { openSqlite } from '../../server/src/db/sqlite.js';
import { ANA, TestClock, connectVisitor, postInbound, startWithAgents, type TestServer, type TestSocket } from './harness.js';

describe('contact.search: the contact directory', { timeout: 60_000 }, () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  /** A word no demo contact has, so each test sees only its own contacts. */
  const word = () => `zq${randomUUID().slice(0, 8)}`;
  const save = async (fields: Record<string, unknown>) => (await ana.ok('contact.save', { id: randomUUID(), ...fields } as never)).contact;
  const names = (found: { contacts: { name: string }[] }) => found.contacts.map((c) => c.name);

  before(
    async () =>
      ({
        t,
        agents: [ana],
      } = await startWithAgents([ANA], { now: clock.now })),
  );
  after(() => t.close());

  it('finds a name by any part of it, whatever its case and accents', async () => {
    const w = word();
    await save({ name: `José Conceição ${w}` });
    for (const query of [`jose conceicao ${w}`, `CONCEIÇÃO ${w}`, w.toUpperCase(), `${w}`]) {
      assert.deepEqual(names(await ana.ok('contact.search', { query })), [`José Conceição ${w}`], query);
    }
  });

  it('finds a CPF or CNPJ by its digits, masked or not, and by its start', async () => {
    const w = word();
    await save({ name: `Cpf ${w}`, document: '529.982.247-25' });
    await save({ name: `Cnpj ${w}`, document: '11.222.333/0001-81' });
    assert.deepEqual(names(await ana.ok('contact.search', { query: '529.982.247-25' })), [`Cpf ${w}`]);
    assert.deepEqual(names(await ana.ok('contact.search', { query: '52998224725' })), [`Cpf ${w}`]);
    assert.deepEqual(names(await ana.ok('contact.search', { query: '11.222.333/0001-81' })), [`Cnpj ${w}`]);
    assert.deepEqual(names(await ana.ok('contact.search', { query: '5299822' })), [`Cpf ${w}`]);
  });

  it('finds a phone typed in any format as its E.164 number', async () => {
    const w = word();
    await save({ name: `Phone ${w}`, phone: '+5511987654399' });
    for (const query of ['(11) 98765-4399', '11987654399', '+55 11 98765-4399', '5511987654399']) {
      assert.deepEqual(names(await ana.ok('contact.search', { query })), [`Phone ${w}`], query);
    }
  });

  it('finds an e-mail by its start, in any case', async () => {
    const w = word();
    await save({ name: `Mail ${w}`, email: `${w}@example.com` });
    assert.deepEqual(names(await ana.ok('contact.search', { query: `${w.toUpperCase()}@EXAMPLE.COM` })), [`Mail ${w}`]);
    assert.deepEqual(names(await ana.ok('contact.search', { query: `${w}@ex` })), [`Mail ${w}`]);
  });

  it('finds a matrícula by its start, as typed', async () => {
    const w = word();
    await save({ name: `Matricula ${w}`, registration: `MAT-${w}` });
    assert.deepEqual(names(await ana.ok('contact.search', { query: `MAT-${w}` })), [`Matricula ${w}`]);
    assert.deepEqual(names(await ana.ok('contact.search', { query: `MAT-${w.slice(0, 6)}` })), [`Matricula ${w}`]);
  });

  it('treats LIKE wildcards in a name as plain text', async () => {
    const w = word();
    await save({ name: `Percent ${w}` });
    assert.deepEqual(names(await ana.ok('contact.search', { query: `%${w}` })), []);
    assert.deepEqual(names(await ana.ok('contact.search', { query: `_ercent ${w}` })), []);
  });

  it('pages by name then id with a cursor: every contact once, in order, even when names repeat', async () => {
    const w = word();
    const created: Contact[] = [];
    for (const name of ['Carla', 'ana', 'Bruno', 'Ana', 'Álvaro', 'bruno', 'Dora']) created.push(await save({ name: `${name} ${w}` }));
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page: { contacts: { id: string; name: string }[]; next: string | null } = await ana.ok('contact.search', {
        query: w,
        limit: 2,
        ...(next ? { after: next } : {}),
      });
      assert.ok(page.contacts.length <= 2);
      seen.push(...page.contacts.map((c) => c.id));
      next = page.next;
      pages++;
    } while (next);
    assert.equal(pages, 4);
    assert.equal(new Set(seen).size, created.length, 'no contact twice, none skipped');
    const order = seen.map((id) =>
      created
        .find((c) => c.id === id)!
        .name.split(' ')[0]!
        .toLowerCase(),
    );
    assert.deepEqual(
      order,
      ['alvaro', 'ana', 'ana', 'bruno', 'bruno', 'carla', 'dora'].map((n) => (n === 'alvaro' ? 'álvaro' : n)),
    );
  });

  it('refuses a cursor it did not make', async () => {
    const answer = await ana.command('contact.search', { query: 'a', after: 'not-a-cursor' });
    assert.equal(!answer.ok && answer.error.code, 'INVALID_PAYLOAD');
    assert.deepEqual(!answer.ok && Object.keys(answer.error.fields ?? {}), ['after']);
  });

  it('filters by channel kind: WhatsApp keeps contacts who wrote there or have a phone, webchat those who chatted', async () => {
    const w = word();
    await postInbound(t.url, { from: '+5511955550001', name: `Whats ${w}`, text: 'oi', externalId: randomUUID() });
    const visitor = await connectVisitor(t.url);
    await visitor.ok('webchat.start', { sessionId: randomUUID(), name: `Web ${w}`, teamId: 'tm-vendas' });
    visitor.close();
    await save({ name: `Phone only ${w}`, phone: '+5511955550002' });
    await save({ name: `Nothing ${w}` });
    assert.deepEqual(names(await ana.ok('contact.search', { query: w, channel: 'whatsapp' })), [`Phone only ${w}`, `Whats ${w}`]);
    assert.deepEqual(names(await ana.ok('contact.search', { query: w, channel: 'webchat' })), [`Web ${w}`]);
    assert.equal((await ana.ok('contact.search', { query: w })).contacts.length, 4);
  });

  it('folds the names of contacts written before the search column existed when the server opens', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'conecta-search-'));
    try {
      const first = await startWithAgents([ANA], { now: clock.now, dataDir });
      const { contact } = await first.agents[0]!.ok('contact.save', { id: randomUUID(), name: 'Érica Antiga' });
      await first.t.close();
      const db = openSqlite(dataDir);
      db.prepare('UPDATE contacts SET search_name = NULL WHERE id = ?').run(contact.id);
      db.close();
      const second = await startWithAgents([ANA], { now: clock.now, dataDir });
      try {
        assert.deepEqual(names(await second.agents[0]!.ok('contact.search', { query: 'erica antiga' })), ['Érica Antiga']);
      } finally {
        await second.t.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
