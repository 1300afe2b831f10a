import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { emptyContactRecord } from '../../src/protocol/index.js';
import { migrations } from '../../server/src/db/migrations/index.js';
import { createSqliteRepository, repositoryOn } from '../../server/src/db/sqlite-repository.js';
import { openSqlite, runMigrations } from '../../server/src/db/sqlite.js';
import { CHECKPOINT_EVERY_MS } from '../../server/src/db/sqlite/wal-checkpoints.js';
import { ANA, connectAgent, connectVisitor, delay, loginAgent, startTestServer } from './harness.js';
import { dropTestDatabase, onlyOn, openTestDatabase } from './test-database.js';

describe('storage', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await Promise.all([rm(dir, { recursive: true, force: true }), dropTestDatabase(dir)]);
  });

  /** A SQLite database in a new dir whose prepared statements are recorded, and its repository. */
  const countingPrepares = async (prefix: string) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    const db = openSqlite(dir);
    // Counted from here: what the connection prepares once when opened (its transaction control) is not the stores'.
    const repo = createSqliteRepository(db);
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    return { db, prepared, repo };
  };

  it(
    'runs each migration once and records it',
    { skip: onlyOn('sqlite', 'pragmas of the file (postgres.test.ts checks its own migrations)') },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'conecta-migrations-'));
      dirs.push(dir);
      const db = openSqlite(dir); // migrates
      assert.equal(runMigrations(db), 0);
      db.close();
      const reopened = openSqlite(dir);
      assert.equal(runMigrations(reopened), 0);
      const recorded = reopened.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
      assert.deepEqual(
        recorded.map((row) => row.version),
        migrations.map((_, index) => index + 1),
      );
      assert.equal(reopened.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(reopened.pragma('foreign_keys', { simple: true }), 1);
      reopened.close();
    },
  );

  it(
    'fetches contacts by any number of ids with one statement (SQLite refuses more than 32,766 variables)',
    { skip: onlyOn('sqlite', 'counts better-sqlite3 prepares') },
    async () => {
      const { db, prepared, repo } = await countingPrepares('conecta-many-ids-');
      const contact = { email: null, phone: null, document: null, ...emptyContactRecord(), createdAt: 1, updatedAt: 1, version: 1 };
      await repo.insertContact({ id: 'ct-first', name: 'Ana', ...contact });
      await repo.insertContact({ id: 'ct-last', name: 'Bia', ...contact });
      const ids = ['ct-first', ...Array.from({ length: 40_000 }, (_, i) => `ct-unknown-${i}`), 'ct-last'];
      const found = await repo.getContacts(ids);
      assert.deepEqual(found.map((c) => c.name).sort(), ['Ana', 'Bia']);
      await repo.getContacts(['ct-first', 'ct-last']);
      assert.equal(prepared.filter((sql) => sql.includes('FROM contacts')).length, 1, 'one statement whatever the number of ids');
      db.close();
    },
  );

  it(
    'chooses the durability on every open, a new database included (a new file would run FULL)',
    { skip: onlyOn('sqlite', 'SQLITE_SYNCHRONOUS') },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'conecta-durability-'));
      dirs.push(dir);
      const NORMAL = 1;
      const FULL = 2;
      const created = openSqlite(dir);
      assert.equal(created.pragma('synchronous', { simple: true }), NORMAL);
      created.close();
      const reopened = openSqlite(dir, 'full');
      assert.equal(reopened.pragma('synchronous', { simple: true }), FULL);
      assert.equal(reopened.pragma('journal_mode', { simple: true }), 'wal');
      reopened.close();
    },
  );

  it(
    'checkpoints the WAL on a timer while the server runs, not when a write makes it long',
    { skip: onlyOn('sqlite', 'WAL checkpoints') },
    async () => {
      const t = await startTestServer();
      try {
        const size = () => statSync(join(t.dataDir, 'conecta.sqlite')).size;
        const agent = await connectAgent(t.url, await loginAgent(t.url, ANA));
        const visitor = await connectVisitor(t.url);
        const sessionId = randomUUID();
        await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: 'tm-suporte' });
        await agent.ok('session.accept', { sessionId });
        await delay(CHECKPOINT_EVERY_MS * 1.5); // the seed's pages reach the file
        const before = size();
        // Far fewer pages than SQLite's own autocheckpoint (1,000) would wait for.
        for (let i = 0; i < 25; i++) await agent.ok('message.send', { id: randomUUID(), sessionId, text: 'x'.repeat(3000) });
        const deadline = Date.now() + CHECKPOINT_EVERY_MS * 3;
        while (size() === before && Date.now() < deadline) await delay(50);
        assert.ok(size() > before, 'the messages reached the database file without a restart');
        agent.close();
        visitor.close();
      } finally {
        await t.close();
      }
    },
  );

  it(
    'prepares each statement once per connection, inside transactions too',
    { skip: onlyOn('sqlite', 'counts better-sqlite3 prepares') },
    async () => {
      const { db, prepared, repo } = await countingPrepares('conecta-statements-');
      await repo.getTeam('tm-1');
      await repo.transaction((tx) => tx.getTeam('tm-2'));
      await repo.transaction((tx) => tx.getTeam('tm-3'));
      assert.equal(prepared.length, 1, `prepared: ${prepared.join(' | ')}`);
      db.close();
    },
  );

  it('a transaction that throws leaves nothing behind, and the next one runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-rollback-'));
    dirs.push(dir);
    const db = await openTestDatabase(dir);
    const repo = repositoryOn(db.sql);
    await assert.rejects(
      repo.transaction(async (tx) => {
        await tx.insertTeam({ id: 'tm-gone', name: 'Gone' }, 1);
        throw new Error('the command failed');
      }),
      /the command failed/,
    );
    assert.equal(await repo.getTeam('tm-gone'), null);
    await repo.transaction((tx) => tx.insertTeam({ id: 'tm-kept', name: 'Kept' }, 1));
    assert.deepEqual(await repo.getTeam('tm-kept'), { id: 'tm-kept', name: 'Kept' });
    await db.close();
  });

  it('stores every field of a session, and an update changes every field it may', async () => {
    const t = await startTestServer();
    try {
      const visitor = await connectVisitor(t.url);
      const sessionId = randomUUID();
      await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: 'tm-suporte' });
      visitor.close();
      const repo = t.server.repo;
      const started = (await repo.getSession(sessionId))!;
      const copy = { ...started, id: randomUUID(), protocol: `${started.protocol}-copy` };
      await repo.insertSession(copy);
      assert.deepEqual(await repo.getSession(copy.id), copy);

      const changed = {
        ...copy,
        status: 'finished' as const,
        teamId: 'tm-vendas',
        agentId: 'ag-ana',
        acceptedAt: copy.createdAt + 1,
        finishedAt: copy.createdAt + 2,
        lastSeq: 7,
        lastMessageAt: copy.createdAt + 3,
        lastMessageText: 'obrigada',
        lastInboundAt: copy.createdAt + 4,
        version: copy.version + 1,
        targetAgentId: 'ag-bruno',
        invitedAgentIds: ['ag-bruno'],
        tagIds: ['tg-agendamento'],
        agentName: 'Ana',
        rating: 5,
        ratingComment: 'ótimo',
      };
      assert.equal(await repo.updateSession(changed, copy.version + 1), false, 'a stale version changes nothing');
      assert.equal(await repo.updateSession(changed, copy.version), true);
      assert.deepEqual(await repo.getSession(copy.id), changed);
      // Given the session as read, it writes only what changed: the same row comes out.
      const next = { ...changed, lastSeq: 8, lastMessageText: 'de nada', tagIds: [], version: changed.version + 1 };
      assert.equal(await repo.updateSession(next, copy.version, changed), false, 'a stale version changes nothing');
      assert.equal(await repo.updateSession(next, changed.version, changed), true);
      assert.deepEqual(await repo.getSession(copy.id), next);
    } finally {
      await t.close();
    }
  });

  it('a restart on the same DATA_DIR keeps sessions, messages, tokens and the seed (not seeded twice)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'conecta-restart-'));
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    const token = await loginAgent(first.url, ANA);
    const visitor = await connectVisitor(first.url);
    const sessionId = randomUUID();
    const started = await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: 'tm-suporte' });
    await visitor.ok('message.send', { id: randomUUID(), sessionId, text: 'before the restart' });
    visitor.close();
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      assert.equal(await second.server.repo.countAgents(), 2);
      const ana = await connectAgent(second.url, token);
      const synced = await ana.ok('session.sync', { sessionId, afterSeq: 0 });
      assert.deepEqual(
        synced.messages.map((m) => m.text),
        ['before the restart'],
      );
      const returning = await connectVisitor(second.url, 'demo', visitor.visitorToken);
      assert.equal(returning.visitor.id, visitor.visitor.id);
      await returning.ok('webchat.finish', { sessionId });
      const next = await returning.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' });
      assert.notEqual(next.session.protocol, started.session.protocol, 'the protocol counter survives the restart');
      ana.close();
      returning.close();
    } finally {
      await second.close();
    }
  });
});
