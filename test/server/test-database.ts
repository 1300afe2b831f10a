import { createHash } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../../server/src/db/database.js';

/**
 * Which engine the server tests run on: SQLite unless CONECTA_TEST_DATABASE=postgres (`npm run
 * test:postgres`), where every test server gets a PostgreSQL schema of its own, named after its data
 * dir, so a server restarted on the same dir finds the same data.
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.CONECTA_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
// Commits not flushed to disk: a test checks what the server acknowledged, never a power cut of PostgreSQL (a third faster).
const POSTGRES_URL =
  process.env.CONECTA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test?options=-c%20synchronous_commit%3Doff';

/** For tests that only make sense on one engine: `describe('…', { skip: onlyOn('sqlite', 'why') }, …)`. */
export function onlyOn(engine: 'sqlite' | 'postgres', reason: string): string | false {
  return TEST_ENGINE === engine ? false : `${engine} only: ${reason}`;
}

let admin: Promise<pg.Pool> | undefined;

/** One small pool that creates and drops the tests' schemas; a PostgreSQL that does not answer fails every test, loudly. */
function adminPool(): Promise<pg.Pool> {
  admin ??= (async () => {
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2, allowExitOnIdle: true, connectionTimeoutMillis: 5_000 });
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      throw new Error(
        `CONECTA_TEST_DATABASE=postgres, but no PostgreSQL answers at ${POSTGRES_URL} (${(error as Error).message}). ` +
          'Start one (CI has it on 127.0.0.1:5432, user postgres, database test), or set CONECTA_TEST_POSTGRES_URL.',
        { cause: error },
      );
    }
    return pool;
  })();
  return admin;
}

const schemaOf = (dataDir: string) => `t_${createHash('sha1').update(dataDir).digest('hex').slice(0, 20)}`;

/** Where a test server with this data dir stores: the dir itself (SQLite), or its own schema (PostgreSQL), created if missing. */
export async function testDatabaseOptions(dataDir: string): Promise<DatabaseOptions> {
  if (TEST_ENGINE === 'sqlite') return { dataDir };
  const schema = schemaOf(dataDir);
  await (await adminPool()).query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const url = new URL(POSTGRES_URL);
  // After the url's own options (e.g. -c synchronous_commit=off), if any.
  url.searchParams.set('options', [url.searchParams.get('options'), `-c search_path=${schema}`].filter(Boolean).join(' '));
  return { dataDir, databaseUrl: url.toString(), databasePoolSize: 4 };
}

/** The test database of a data dir, opened beside (or after) its server, for reading or arranging rows. */
export async function openTestDatabase(dataDir: string): Promise<Database> {
  return openDatabase(await testDatabaseOptions(dataDir));
}

/** Drops a data dir's PostgreSQL schema (nothing to do on SQLite, whose file goes with the dir). */
export async function dropTestDatabase(dataDir: string): Promise<void> {
  if (TEST_ENGINE === 'sqlite') return;
  await (await adminPool()).query(`DROP SCHEMA IF EXISTS ${schemaOf(dataDir)} CASCADE`);
}
