import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { migrations } from '../../server/src/db/migrations/index.js';
import { runMigrations, type SqliteDatabase } from '../../server/src/db/sqlite.js';
import { isWithinWorkingHours } from '../../server/src/domain/working-hours.js';
import {
  ANA,
  applyDemoCompany,
  DEMO_VENDAS_CHANNEL_KEY,
  DEMO_WEBCHAT_SECRET,
  NEVER_OPEN,
  TestClock,
  configureWebchatChannel,
  connectAgent,
  connectVisitor,
  loginAgent,
  setWorkingHours,
  startTestServer,
  type TestServer,
} from './harness.js';

// better-sqlite3 is the server workspace's dependency.
const Database = createRequire(new URL('../../server/package.json', import.meta.url))('better-sqlite3') as new (
  path: string,
) => SqliteDatabase;

/** Monday 2026-11-23 at `hhmm` in São Paulo (UTC−3, no daylight saving time since 2019). */
const mondayInSaoPaulo = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00-03:00`);

async function getChannel(url: string, key: string) {
  const response = await fetch(`${url}/api/webchat/${key}`);
  assert.equal(response.status, 200);
  return { text: await response.clone().text(), channel: (await response.json()) as any };
}

describe('webchat channel configuration', () => {
  const clock = new TestClock(mondayInSaoPaulo('12:00'));
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now })));
  after(() => t.close());
  beforeEach(() => (clock.time = mondayInSaoPaulo('12:00')));

  it('GET /api/webchat/demo answers the whole public channel: teams with online, pre-chat, menu, appearance', async () => {
    const { channel, text } = await getChannel(t.url, 'demo');
    assert.deepEqual(channel, {
      key: 'demo',
      name: 'Conecta Demo',
      teams: [
        { id: 'tm-suporte', name: 'Suporte', online: true },
        { id: 'tm-vendas', name: 'Vendas', online: true },
        { id: 'tm-financeiro', name: 'Financeiro', online: true },
      ],
      prechat: { name: 'required', email: 'optional', phone: 'hidden' },
      menu: {
        prompt: { 'pt-BR': 'Como podemos ajudar?', en: 'How can we help?', es: '¿Cómo podemos ayudarte?' },
        options: [
          { label: { 'pt-BR': 'Suporte', en: 'Support', es: 'Soporte' }, teamId: 'tm-suporte' },
          { label: { 'pt-BR': 'Vendas', en: 'Sales', es: 'Ventas' }, teamId: 'tm-vendas' },
          { label: { 'pt-BR': 'Financeiro', en: 'Billing', es: 'Finanzas' }, teamId: 'tm-financeiro' },
        ],
      },
      appearance: {
        color: '#0b6bcb',
        position: 'right',
        launcherIcon: 'chat',
        greeting: { 'pt-BR': 'Olá! 👋 Como podemos ajudar?', en: 'Hi! 👋 How can we help?', es: '¡Hola! 👋 ¿Cómo podemos ayudarte?' },
      },
      defaultLanguage: 'pt-BR',
      online: true,
    });
    assert.ok(!text.includes(DEMO_WEBCHAT_SECRET), 'the identity secret never leaves the server');
    assert.ok(!text.includes('allowedOrigins'));
  });

  it('the sales channel offers only Vendas, on the left, in green, and asks for the e-mail', async () => {
    const { channel } = await getChannel(t.url, DEMO_VENDAS_CHANNEL_KEY);
    assert.deepEqual(channel.teams, [{ id: 'tm-vendas', name: 'Vendas', online: true }]);
    assert.deepEqual(channel.prechat, { name: 'optional', email: 'required', phone: 'optional' });
    assert.equal(channel.appearance.position, 'left');
    assert.equal(channel.appearance.color, '#13795b');
    assert.match(channel.appearance.greeting['pt-BR'], /vendas/i);
    assert.match(channel.appearance.greeting.en, /sales/i);
    assert.match(channel.appearance.greeting.es, /ventas/i);
    assert.equal(channel.online, true);
  });

  it('computes each team’s online from its working hours in its time zone, with the server’s clock', async () => {
    const online = async () => {
      const { channel } = await getChannel(t.url, 'demo');
      return [Object.fromEntries(channel.teams.map((team: any) => [team.id, team.online])), channel.online];
    };
    clock.time = mondayInSaoPaulo('08:30');
    assert.deepEqual(await online(), [{ 'tm-suporte': true, 'tm-vendas': true, 'tm-financeiro': false }, true]);
    clock.time = mondayInSaoPaulo('17:00'); // intervals end before their last minute
    assert.deepEqual(await online(), [{ 'tm-suporte': true, 'tm-vendas': true, 'tm-financeiro': false }, true]);
    clock.time = mondayInSaoPaulo('18:30');
    assert.deepEqual(await online(), [{ 'tm-suporte': true, 'tm-vendas': false, 'tm-financeiro': false }, true]);
    clock.time = Date.parse('2026-11-22T12:00:00-03:00'); // Sunday
    assert.deepEqual(await online(), [{ 'tm-suporte': true, 'tm-vendas': false, 'tm-financeiro': false }, true]);
    const { channel: sales } = await getChannel(t.url, DEMO_VENDAS_CHANNEL_KEY);
    assert.equal(sales.online, false, 'a channel whose every team is closed is offline');
  });

  it('a team’s working hours can be set, making a channel offline, and cleared (always open)', async () => {
    await setWorkingHours(t, 'tm-suporte', NEVER_OPEN);
    await setWorkingHours(t, 'tm-vendas', NEVER_OPEN);
    await setWorkingHours(t, 'tm-financeiro', NEVER_OPEN);
    const { channel } = await getChannel(t.url, 'demo');
    assert.equal(channel.online, false);
    assert.ok(channel.teams.every((team: any) => team.online === false));
    await setWorkingHours(t, 'tm-suporte', null);
    assert.equal((await getChannel(t.url, 'demo')).channel.online, true);
  });

  it('an offline channel still starts a waiting session (the offline form’s message)', async () => {
    await setWorkingHours(t, 'tm-vendas', NEVER_OPEN);
    const visitor = await connectVisitor(t.url, DEMO_VENDAS_CHANNEL_KEY);
    const { session, message } = await visitor.ok('webchat.start', {
      sessionId: randomUUID(),
      email: 'lead@example.com',
      teamId: 'tm-vendas',
      text: 'Quero uma proposta.',
    });
    assert.equal(session.status, 'waiting');
    assert.equal(message?.text, 'Quero uma proposta.');
    visitor.close();
  });

  it('a channel’s configuration can be changed; menu options for teams it does not offer are left out', async () => {
    await configureWebchatChannel(t, DEMO_VENDAS_CHANNEL_KEY, {
      prechat: { name: 'hidden', email: 'optional', phone: 'required' },
      menu: {
        prompt: { en: 'Choose' },
        options: [
          { label: { en: 'Sales' }, teamId: 'tm-vendas' },
          { label: { en: 'Support' }, teamId: 'tm-suporte' },
        ],
      },
      appearance: { color: '#222222', position: 'right', launcherIcon: 'help', greeting: null },
      defaultLanguage: 'en',
    });
    const { channel } = await getChannel(t.url, DEMO_VENDAS_CHANNEL_KEY);
    assert.deepEqual(channel.prechat, { name: 'hidden', email: 'optional', phone: 'required' });
    assert.deepEqual(channel.menu, { prompt: { en: 'Choose' }, options: [{ label: { en: 'Sales' }, teamId: 'tm-vendas' }] });
    assert.deepEqual(channel.appearance, { color: '#222222', position: 'right', launcherIcon: 'help', greeting: null });
    assert.equal(channel.defaultLanguage, 'en', 'a channel written in English falls back to English');
    await configureWebchatChannel(t, DEMO_VENDAS_CHANNEL_KEY, { teamIds: ['tm-vendas', 'tm-suporte'] });
    assert.equal((await getChannel(t.url, DEMO_VENDAS_CHANNEL_KEY)).channel.menu.options.length, 2);
  });
});

describe('webchat.start and the pre-chat rules', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.close());

  it('refuses a missing required field with INVALID_PAYLOAD in fields.<field>', async () => {
    const demo = await connectVisitor(t.url);
    const nameless = await demo.command('webchat.start', { sessionId: randomUUID(), email: 'a@example.com', teamId: 'tm-suporte' });
    assert.ok(!nameless.ok);
    assert.equal(nameless.error.code, 'INVALID_PAYLOAD');
    assert.deepEqual(nameless.error.fields, { name: 'is required' });

    const sales = await connectVisitor(t.url, DEMO_VENDAS_CHANNEL_KEY);
    const noEmail = await sales.command('webchat.start', { sessionId: randomUUID(), name: 'Lia', teamId: 'tm-vendas' });
    assert.ok(!noEmail.ok);
    assert.deepEqual(noEmail.error.fields, { email: 'is required' });
    assert.deepEqual(await sales.ok('webchat.sessions', {}), { contact: null, sessions: [], queue: [] }, 'nothing was created');
    demo.close();
    sales.close();
  });

  it('ignores a hidden field, stores the phone where it is asked, and names a nameless visitor “Visitante”', async () => {
    const demo = await connectVisitor(t.url);
    const { contact } = await demo.ok('webchat.start', {
      sessionId: randomUUID(),
      name: 'Maria',
      phone: '+5511987654321',
      teamId: 'tm-suporte',
    });
    assert.equal(contact.phone, null, 'the demo channel hides the phone');

    const sales = await connectVisitor(t.url, DEMO_VENDAS_CHANNEL_KEY);
    const started = await sales.ok('webchat.start', {
      sessionId: randomUUID(),
      email: 'Lead@Example.com',
      phone: '+5521998765432',
      teamId: 'tm-vendas',
    });
    assert.equal(started.contact.name, 'Visitante');
    assert.equal(started.contact.email, 'lead@example.com');
    assert.equal(started.contact.phone, '+5521998765432');
    assert.equal(started.message, null);
    demo.close();
    sales.close();
  });

  it('a returning contact need not give a required field again', async () => {
    const visitor = await connectVisitor(t.url);
    const first = await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Joana', teamId: 'tm-suporte' });
    await visitor.ok('webchat.finish', { sessionId: first.session.id });
    const again = await visitor.ok('webchat.start', { sessionId: randomUUID(), teamId: 'tm-vendas' });
    assert.equal(again.contact.name, 'Joana');
    visitor.close();
  });

  it('refuses a team the channel does not offer', async () => {
    const sales = await connectVisitor(t.url, DEMO_VENDAS_CHANNEL_KEY);
    const answer = await sales.command('webchat.start', { sessionId: randomUUID(), email: 'x@example.com', teamId: 'tm-suporte' });
    assert.ok(!answer.ok);
    assert.deepEqual(answer.error.fields, { teamId: 'is not one of the channel’s teams' });
    sales.close();
  });

  it('stores `text` as the first message in the same start, once even when the start is repeated', async () => {
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const visitor = await connectVisitor(t.url);
    const sessionId = randomUUID();
    const payload = { sessionId, name: 'Rita', teamId: 'tm-suporte', text: '  Meu pedido não chegou 📦  ' };
    const first = await visitor.ok('webchat.start', payload);
    assert.equal(first.session.lastSeq, 1);
    assert.equal(first.session.lastMessageText, 'Meu pedido não chegou 📦');
    assert.equal(first.session.lastInboundAt, first.message!.createdAt);
    assert.deepEqual(
      {
        seq: first.message!.seq,
        authorKind: first.message!.authorKind,
        authorId: first.message!.authorId,
        authorName: first.message!.authorName,
        text: first.message!.text,
      },
      { seq: 1, authorKind: 'contact', authorId: visitor.visitor.contactId, authorName: 'Rita', text: 'Meu pedido não chegou 📦' },
    );
    const repeat = await visitor.ok('webchat.start', payload);
    assert.deepEqual(repeat.message, first.message);
    assert.deepEqual(repeat.session, first.session);

    const updated = await ana.waitFor('session.updated', (e) => e.session.id === sessionId);
    assert.equal(updated.session.lastMessageText, 'Meu pedido não chegou 📦');
    const synced = await ana.ok('session.sync', { sessionId });
    assert.deepEqual(
      synced.messages.map((m) => m.text),
      ['Meu pedido não chegou 📦'],
    );
    assert.equal(await t.server.repo.countMessages(sessionId), 1);
    ana.close();
    visitor.close();
  });
});

describe('working hours', () => {
  it('opens within [from, to) of the weekday in the team’s zone; a day left out is closed', () => {
    const hours = {
      timeZone: 'America/Sao_Paulo',
      days: {
        1: [
          ['08:00', '12:00'],
          ['13:00', '18:00'],
        ] as [string, string][],
      },
    };
    assert.equal(isWithinWorkingHours(hours, mondayInSaoPaulo('07:59')), false);
    assert.equal(isWithinWorkingHours(hours, mondayInSaoPaulo('08:00')), true);
    assert.equal(isWithinWorkingHours(hours, mondayInSaoPaulo('12:30')), false);
    assert.equal(isWithinWorkingHours(hours, mondayInSaoPaulo('17:59')), true);
    assert.equal(isWithinWorkingHours(hours, mondayInSaoPaulo('18:00')), false);
    // 23:00 on Monday in São Paulo is already Tuesday in UTC: the zone decides the day.
    assert.equal(
      isWithinWorkingHours({ timeZone: 'America/Sao_Paulo', days: { 1: [['22:00', '24:00']] } }, mondayInSaoPaulo('23:00')),
      true,
    );
    assert.equal(isWithinWorkingHours(null, mondayInSaoPaulo('03:00')), true);
  });
});

describe('migration 003, migration 005 and the demo on restart', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the visitors of a database at version 2, anonymous, and lets verified devices share a contact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-m3-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'old.sqlite'));
    db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`);
    db.exec(migrations[0]!);
    db.exec(migrations[1]!);
    db.exec(`INSERT INTO schema_migrations VALUES (1, 0), (2, 0)`);
    db.exec(`INSERT INTO webchat_channels (key, name, created_at) VALUES ('old', 'Old', 0)`);
    db.exec(`INSERT INTO visitors (id, channel_key, contact_id, token_hash, created_at) VALUES ('vi-1', 'old', 'ct-1', 'h1', 0)`);
    assert.equal(runMigrations(db), migrations.length - 2);
    assert.deepEqual(db.prepare('SELECT id, contact_id, user_id FROM visitors').all(), [{ id: 'vi-1', contact_id: 'ct-1', user_id: null }]);
    db.exec(
      `INSERT INTO visitors (id, channel_key, contact_id, token_hash, user_id, created_at) VALUES ('vi-2', 'old', 'ct-1', 'h2', 'u1', 0)`,
    );
    const channel = db.prepare(`SELECT prechat, secret FROM webchat_channels WHERE key = 'old'`).get() as { prechat: string; secret: null };
    assert.deepEqual(JSON.parse(channel.prechat), { name: 'required', email: 'optional', phone: 'hidden' });
    assert.equal(channel.secret, null);
    db.close();
  });

  it('migration 005 keeps the texts of a channel from before languages, as pt-BR, its default language', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-m5-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'old.sqlite'));
    db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`);
    for (const schema of migrations.slice(0, 3)) db.exec(schema);
    db.exec(`INSERT INTO schema_migrations VALUES (1, 0), (2, 0), (3, 0)`);
    const menu = {
      prompt: 'Escolha',
      options: [
        { label: 'Suporte', teamId: 'tm-1' },
        { label: 'Vendas', teamId: 'tm-2' },
      ],
    };
    const appearance = { color: '#222222', position: 'left', launcherIcon: 'help', greeting: 'Olá!' };
    db.prepare(`INSERT INTO webchat_channels (key, name, menu, appearance, created_at) VALUES ('old', 'Old', ?, ?, 0)`).run(
      JSON.stringify(menu),
      JSON.stringify(appearance),
    );
    db.exec(`INSERT INTO webchat_channels (key, name, created_at) VALUES ('bare', 'Bare', 0)`);
    assert.equal(runMigrations(db), migrations.length - 3);
    const read = (key: string) => {
      const row = db.prepare('SELECT menu, appearance, default_language FROM webchat_channels WHERE key = ?').get(key) as Record<
        string,
        string
      >;
      return { menu: JSON.parse(row.menu!), appearance: JSON.parse(row.appearance!), defaultLanguage: row.default_language };
    };
    assert.deepEqual(read('old'), {
      menu: {
        prompt: { 'pt-BR': 'Escolha' },
        options: [
          { label: { 'pt-BR': 'Suporte' }, teamId: 'tm-1' },
          { label: { 'pt-BR': 'Vendas' }, teamId: 'tm-2' },
        ],
      },
      appearance: { ...appearance, greeting: { 'pt-BR': 'Olá!' } },
      defaultLanguage: 'pt-BR',
    });
    assert.deepEqual(read('bare'), {
      menu: { prompt: null, options: [] },
      appearance: { color: '#0b6bcb', position: 'right', launcherIcon: 'chat', greeting: null },
      defaultLanguage: 'pt-BR',
    });
    db.close();
  });

  it('a restart does not apply the demo file again: what an admin changed on the demo stays', async () => {
    const t = await startTestServer();
    try {
      await configureWebchatChannel(t, 'demo', { secret: null, menu: { prompt: null, options: [] } });
      await setWorkingHours(t, 'tm-vendas', null);
      assert.equal(await applyDemoCompany(t.server), false);
      const demo = await t.server.repo.getWebchatChannel('demo');
      assert.equal(demo?.secret, null);
      assert.equal(demo?.menu.options.length, 0);
      assert.equal((await t.server.repo.getWorkingHours(['tm-vendas'])).get('tm-vendas'), null);
    } finally {
      await t.close();
    }
  });
});
