import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSqlite, runMigrations } from '../../server/src/db/sqlite.js';
import { migrations } from '../../server/src/db/migrations/index.js';
import { findDemoLeaks } from '../../server/src/domain/demo-leaks.js';
import { hashPassword } from '../../server/src/domain/secrets.js';
import { connect, DEMO_CHANNEL_KEY, postJson, startTestServer, type TestServer } from './harness.js';

describe('allowed origins of a webchat channel', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    for (const [key, allowedOrigins] of [
      ['closed', []],
      ['open', ['*']],
      ['shop', ['https://shop.example']],
    ] as const) {
      await t.server.repo.insertWebchatChannel({ key, name: key, teamIds: ['tm-vendas'], allowedOrigins: [...allowedOrigins] }, Date.now());
    }
  });
  after(() => t.close());

  const status = async (key: string, origin: string) => (await fetch(`${t.url}/api/webchat/${key}`, { headers: { origin } })).status;

  it('refuses every site when the list is empty', async () => {
    assert.equal(await status('closed', 'https://shop.example'), 403);
    assert.equal((await postJson(`${t.url}/api/webchat/closed/visitors`, {}, { origin: 'https://shop.example' })).status, 403);
  });

  it('allows any site with *', async () => {
    assert.equal(await status('open', 'https://anywhere.example'), 200);
  });

  it('allows the listed sites only', async () => {
    assert.equal(await status('shop', 'https://shop.example'), 200);
    assert.equal(await status('shop', 'https://evil.example'), 403);
  });

  it('holds the socket handshake to the same rule', async () => {
    // No Origin (not a browser page): a token can be had; the page's origin is then checked at the handshake.
    const { body } = await postJson(`${t.url}/api/webchat/closed/visitors`, {});
    await assert.rejects(connect(t.url, { visitorToken: body.visitorToken }, { origin: 'https://shop.example' }), {
      message: 'UNAUTHENTICATED',
    });
    const open = await postJson(`${t.url}/api/webchat/open/visitors`, {});
    (await connect(t.url, { visitorToken: open.body.visitorToken }, { origin: 'https://anywhere.example' })).close();
  });

  it('keeps the demo channel open to any site', async () => {
    assert.equal(await status(DEMO_CHANNEL_KEY, 'https://anywhere.example'), 200);
  });

  it('keeps channels written before the rule open to any site (migration 010)', () => {
    const db = openSqlite(t.dataDir);
    try {
      db.prepare(`UPDATE webchat_channels SET allowed_origins = '[]' WHERE key = 'closed'`).run();
      const version = migrations.indexOf(migrations.at(-1)!) + 1;
      db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(version);
      assert.equal(runMigrations(db), 1);
      const row = db.prepare(`SELECT allowed_origins FROM webchat_channels WHERE key = 'closed'`).get() as { allowed_origins: string };
      assert.equal(row.allowed_origins, '["*"]');
    } finally {
      db.close();
    }
  });
});

describe('demo secrets in a production database', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.close());

  it('finds every demo secret of a seeded database', async () => {
    const db = openSqlite(t.dataDir);
    try {
      assert.deepEqual(await findDemoLeaks(db), [
        'channel "demo" uses a demo secret, published in the docs',
        'channel "demo-vendas" uses a demo secret, published in the docs',
        'channel "whatsapp-demo" uses a demo secret, published in the docs',
        'agent ana@demo.conecta.dev has the demo password "conecta-demo"',
        'agent bruno@demo.conecta.dev has the demo password "conecta-demo"',
      ]);
    } finally {
      db.close();
    }
  });

  it('finds none once the secrets and passwords are changed', async () => {
    const db = openSqlite(t.dataDir);
    try {
      db.prepare(`UPDATE webchat_channels SET secret = 'rotated-' || key`).run();
      db.prepare(`UPDATE channels SET secret = 'rotated-' || key`).run();
      const { hash, salt } = await hashPassword('a company password');
      db.prepare('UPDATE agents SET password_hash = ?, password_salt = ?').run(hash, salt);
      assert.deepEqual(await findDemoLeaks(db), []);
    } finally {
      db.close();
    }
  });
});
