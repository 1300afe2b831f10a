import pg from 'pg';
import { migrations } from '../migrations/index.js';
import { postgresMigration } from './postgres-migrations.js';

/** Connections a node keeps to PostgreSQL unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

/** Rows map as SQLite's do: BIGINT columns, COUNT(*) and SUM() are numbers, not strings. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A pool on `databaseUrl` (postgres://…) whose schema is brought up to date. */
export async function openPostgres(
  databaseUrl: string,
  poolSize = DEFAULT_POOL_SIZE,
  onIdleError: (error: unknown) => void = () => undefined,
): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, types });
  // An idle connection that broke (the server restarted) is told here, not thrown: the pool replaces it at the next query.
  pool.on('error', onIdleError);
  try {
    await runPostgresMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

/** Key of the lock that lets one node at a time migrate (several may start together). */
const MIGRATION_LOCK = 7_341_000;

/** Applies the migrations not yet recorded, each in its own transaction; returns how many ran. */
export async function runPostgresMigrations(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    let count = 0;
    for (const [index, sql] of migrations.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(postgresMigration(version, sql));
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`PostgreSQL migration ${version} failed: ${(error as Error).message}`, { cause: error });
      }
      count++;
    }
    return count;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
