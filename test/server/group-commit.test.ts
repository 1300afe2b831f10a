import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Database } from '../../server/src/db/database.js';
import type { SqlRunner } from '../../server/src/db/sql-runner.js';
import { GROUP_LIMITS } from '../../server/src/db/sqlite/group-commit.js';
import { connectVisitor, startTestServer } from './harness.js';
import { dropTestDatabase, onlyOn, openTestDatabase, TEST_ENGINE } from './test-database.js';

/**
 * Transactions that arrive together share one commit on SQLite (server/src/db/sqlite/group-commit.ts).
 * What a caller is promised stays that of a transaction of its own: answered only once committed,
 * failing alone, run in the order called. The promises hold on both engines; the grouping is SQLite's.
 */
describe('group commit', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  const opened: Database[] = [];
  after(async () => {
    for (const database of opened) await database.close();
    for (const dir of dirs) await Promise.all([rm(dir, { recursive: true, force: true }), dropTestDatabase(dir)]);
  });
  /** The server's connection, and a second one that sees only what was committed. */
  const open = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-group-commit-'));
    dirs.push(dir);
    const database = await openTestDatabase(dir);
    const other = await openTestDatabase(dir);
    opened.push(database, other);
    return { sql: database.sql, other: other.sql };
  };
  const insert = (tx: SqlRunner, name: string, value = 1) => tx.exec('INSERT INTO counters (name, value) VALUES (?, ?)', name, value);
  const stored = async (sql: SqlRunner, prefix: string) =>
    (await sql.all('SELECT name FROM counters WHERE name LIKE ? ORDER BY name', `${prefix}%`)).map((row) => String(row.name));
  const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

  it('answers each transaction of a burst only when another connection already sees what it wrote', async () => {
    const { sql, other } = await open();
    const burst = names('burst-', 20);
    const seen = await Promise.all(
      burst.map((name) => sql.transaction((tx) => insert(tx, name)).then(async () => (await stored(other, name)).includes(name))),
    );
    assert.deepEqual(
      seen,
      burst.map(() => true),
    );
  });

  it('fails only the transaction whose insert fails; the others of its burst are stored', async () => {
    const { sql, other } = await open();
    await sql.transaction((tx) => insert(tx, 'taken'));
    const results = await Promise.allSettled([
      sql.transaction((tx) => insert(tx, 'mixed-a')),
      // Its first row is undone with it: it failed as a whole.
      sql.transaction(async (tx) => {
        await insert(tx, 'mixed-b');
        await insert(tx, 'taken');
      }),
      sql.transaction((tx) => insert(tx, 'mixed-c')),
      sql.transaction(async () => {
        throw new Error('refused by the domain');
      }),
      sql.exec('INSERT INTO counters (name, value) VALUES (?, 1)', 'mixed-d'),
    ]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(((results[3] as PromiseRejectedResult).reason as Error).message, 'refused by the domain');
    assert.deepEqual(await stored(other, 'mixed-'), ['mixed-a', 'mixed-c', 'mixed-d']);
  });

  it(
    'runs a burst in the order it was called, each seeing the ones before',
    { skip: onlyOn('sqlite', 'PostgreSQL runs transactions on several connections: their order is the writer lock’s') },
    async () => {
      const { sql, other } = await open();
      await sql.transaction((tx) => insert(tx, 'order', 0));
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          sql.transaction(async (tx) => {
            const { value } = (await tx.get("SELECT value FROM counters WHERE name = 'order'"))!;
            order.push(Number(value));
            await tx.exec("UPDATE counters SET value = counters.value + 1 WHERE name = 'order'");
            return i;
          }),
        ),
      );
      assert.deepEqual(
        order,
        Array.from({ length: 30 }, (_, i) => i),
      );
      assert.equal((await other.get("SELECT value FROM counters WHERE name = 'order'"))!.value, 30);
    },
  );

  it(
    'commits a burst together: none of it is answered before the last of it has run',
    { skip: onlyOn('sqlite', 'grouping commits is what SQLite’s runner does; PostgreSQL commits each') },
    async (t) => {
      const { sql } = await open();
      // A group also ends after GROUP_LIMITS.ms, which a busy machine reaches at the first statement: not here.
      const limits = { ...GROUP_LIMITS };
      GROUP_LIMITS.ms = 60_000;
      t.after(() => Object.assign(GROUP_LIMITS, limits));
      const events: string[] = [];
      await Promise.all(
        names('together-', 10).map((name) =>
          sql
            .transaction(async (tx) => {
              await insert(tx, name);
              events.push(`ran ${name}`);
            })
            .then(() => events.push(`answered ${name}`)),
        ),
      );
      assert.deepEqual(events.slice(0, 10), names('ran together-', 10), events.join(', '));
    },
  );

  it(
    'answers every transaction of a group with an error when its commit fails, and stores none of it',
    { skip: onlyOn('sqlite', 'fails a commit with a deferred foreign key, a SQLite pragma') },
    async () => {
      const { sql, other } = await open();
      const results = await Promise.allSettled([
        sql.transaction((tx) => insert(tx, 'doomed-a')),
        sql.transaction(async (tx) => {
          // Checked at COMMIT, not at the insert: the group's commit is what fails.
          await tx.exec('PRAGMA defer_foreign_keys = ON');
          await tx.exec(
            `INSERT INTO notes (id, contact_id, text, author_id, author_name, created_at, updated_at, version)
             VALUES ('nt-orphan', 'ct-missing', 'x', 'ag-1', 'Ana', 1, 1, 1)`,
          );
        }),
        sql.get('SELECT COUNT(*) AS n FROM counters'),
      ]);
      assert.deepEqual(
        results.map((result) => [result.status, ((result as PromiseRejectedResult).reason as Error | undefined)?.name]),
        [
          ['rejected', 'GroupRolledBack'],
          ['rejected', 'GroupRolledBack'],
          ['rejected', 'GroupRolledBack'],
        ],
      );
      assert.deepEqual(await stored(other, 'doomed-'), []);
      // The connection goes on: the next transaction commits on its own.
      await sql.transaction((tx) => insert(tx, 'after-a'));
      assert.deepEqual(await stored(other, 'after-'), ['after-a']);
    },
  );
});

describe('group commit under message.send', { timeout: 60_000 }, () => {
  it('stores a message sent twice with one id in the same burst once, and answers both with it', async () => {
    const lifted = { perSecond: 1000, burst: 10_000 };
    const t = await startTestServer({
      rateLimits: { commands: lifted, messages: { perVisitor: lifted, perAddress: lifted, perChannel: lifted } },
    });
    try {
      const visitor = await connectVisitor(t.url);
      const sessionId = randomUUID();
      await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: 'tm-suporte' });
      const id = randomUUID();
      const send = (messageId: string, text: string) => visitor.ok('message.send', { id: messageId, sessionId, text });
      const answers = await Promise.all([send(randomUUID(), 'antes'), send(id, 'olá'), send(id, 'olá'), send(randomUUID(), 'depois')]);
      assert.deepEqual(answers[1].message, answers[2].message);
      const stored = await t.server.database.sql.all('SELECT id, text FROM messages WHERE session_id = ? ORDER BY seq', sessionId);
      assert.deepEqual(stored.map((row) => row.text).sort(), ['antes', 'depois', 'olá'].sort());
      // In the order sent on SQLite, one queue; PostgreSQL's transactions race for the writer lock on several connections.
      if (TEST_ENGINE === 'sqlite') {
        assert.deepEqual(
          stored.map((row) => row.text),
          ['antes', 'olá', 'depois'],
        );
      }
      assert.equal(stored.filter((row) => row.id === id).length, 1);
      visitor.close();
    } finally {
      await t.close();
    }
  });
});
