import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { emptyContactRecord } from '../../src/protocol/index.js';
import { migrations } from '../../server/src/db/migrations/index.js';
import { repositoryOn } from '../../server/src/db/sqlite-repository.js';
import { dropTestDatabase, onlyOn, openTestDatabase } from './test-database.js';

describe('PostgreSQL storage', { skip: onlyOn('postgres', 'its migrations and types'), timeout: 60_000 }, () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await Promise.all([rm(dir, { recursive: true, force: true }), dropTestDatabase(dir)]);
  });
  const newDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-postgres-'));
    dirs.push(dir);
    return dir;
  };

  it('migrates once when two nodes open an empty database at the same time, and records each migration', async () => {
    const dir = await newDir();
    const [first, second] = await Promise.all([openTestDatabase(dir), openTestDatabase(dir)]);
    try {
      const recorded = await first.sql.all('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        recorded.map((row) => row.version),
        migrations.map((_, index) => index + 1),
      );
      assert.deepEqual(await second.readiness(), { ready: true });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('fetches contacts by any number of ids as one parameter (PostgreSQL refuses more than 65,535)', async () => {
    const db = await openTestDatabase(await newDir());
    try {
      const repo = repositoryOn(db.sql);
      const contact = { email: null, phone: null, document: null, ...emptyContactRecord(), createdAt: 1, updatedAt: 1, version: 1 };
      await repo.insertContact({ id: 'ct-first', name: 'Ana', ...contact });
      await repo.insertContact({ id: 'ct-last', name: 'Bia', ...contact });
      const ids = ['ct-first', ...Array.from({ length: 70_000 }, (_, i) => `ct-unknown-${i}`), 'ct-last'];
      assert.deepEqual((await repo.getContacts(ids)).map((c) => c.name).sort(), ['Ana', 'Bia']);
    } finally {
      await db.close();
    }
  });

  it('reads BIGINT, COUNT and SUM as numbers, as SQLite does, and milliseconds past 2^31', async () => {
    const db = await openTestDatabase(await newDir());
    try {
      const at = 1_795_352_400_000;
      await db.sql.exec('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', 'tm-1', 'One', at);
      const row = await db.sql.get('SELECT created_at, COUNT(*) AS n, SUM(created_at) AS total FROM teams GROUP BY created_at');
      assert.deepEqual(row, { created_at: at, n: 1, total: at });
    } finally {
      await db.close();
    }
  });
});
