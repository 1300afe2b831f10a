import { migrations } from './migrations/index.js';
import { openPostgres } from './postgres/postgres.js';
import { PostgresStatements } from './postgres/postgres-statements.js';
import type { Readiness } from './readiness.js';
import type { SqlRunner } from './sql-runner.js';
import { SqliteConnection, SqliteStatements } from './sqlite/statements.js';
import { WalCheckpoints } from './sqlite/wal-checkpoints.js';
import { openSqlite, sqliteFile, type SqliteSynchronous } from './sqlite.js';

/** Where the server stores: SQLite in DATA_DIR unless a PostgreSQL url is given (docs/scaling.md). */
export interface DatabaseOptions {
  dataDir: string;
  /** `postgres://user:password@host:5432/database`; absent: SQLite in `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL connections of this node. */
  databasePoolSize?: number;
  sqliteSynchronous?: SqliteSynchronous;
  /** Errors of background work (SQLite's timed checkpoints, PostgreSQL's idle connections). */
  onError?: (error: unknown) => void;
}

/** An open database of either engine, its schema up to date. */
export interface Database {
  readonly engine: 'sqlite' | 'postgres';
  readonly sql: SqlRunner;
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = await openPostgres(options.databaseUrl, options.databasePoolSize, options.onError);
    const sql = new PostgresStatements(pool);
    return { engine: 'postgres', sql, readiness: () => migrationsApplied(sql), close: () => pool.end() };
  }
  const db = openSqlite(options.dataDir, options.sqliteSynchronous);
  const sql = new SqliteStatements(new SqliteConnection(db));
  const checkpoints = new WalCheckpoints(sqliteFile(options.dataDir), options.onError ?? (() => undefined));
  return {
    engine: 'sqlite',
    sql,
    readiness: async () => (db.open ? migrationsApplied(sql) : { ready: false, reason: 'the database is closed' }),
    async close() {
      await checkpoints.stop();
      db.close();
    },
  };
}

/** Can the server answer with its data: the database answering, every migration applied. */
async function migrationsApplied(sql: SqlRunner): Promise<Readiness> {
  try {
    const row = await sql.get('SELECT COUNT(*) AS applied FROM schema_migrations WHERE version <= ?', migrations.length);
    const applied = Number(row?.applied ?? 0);
    if (applied < migrations.length) return { ready: false, reason: `${migrations.length - applied} migration(s) not applied` };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: `the database does not answer: ${(error as Error).message}` };
  }
}
