import { createHash } from 'node:crypto';
import type pg from 'pg';
import { UnstorableValue, type Row, type SqlRunner } from '../sql-runner.js';
import { toPostgresSql } from './postgres-sql.js';

/**
 * The key of the advisory lock every transaction takes first. The domain was written for SQLite's
 * single writer (a session's next message number read then written, a pair's next chat number, a
 * version checked then bumped across several statements); holding one lock per transaction keeps
 * that true across connections and nodes, while statements outside transactions run side by side.
 */
export const WRITER_LOCK = 7_341_001;

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can): a value with one is refused as bad input (SQLSTATE
 * 22021, or 22P05 inside a JSON list), not a server failure.
 */
const NUL_REFUSED = new Set(['22021', '22P05']);

/** SQLite text → PostgreSQL text and the name it is prepared under (once per connection, by pg). */
class Translations {
  readonly #texts = new Map<string, { name: string; text: string }>();
  get(sql: string): { name: string; text: string } {
    let translated = this.#texts.get(sql);
    if (translated === undefined) {
      const text = toPostgresSql(sql);
      // Named by content, so two texts never share a name whatever the cache forgot.
      translated = { name: `c${createHash('sha1').update(text).digest('base64url')}`, text };
      if (this.#texts.size >= 2_000) this.#texts.delete(this.#texts.keys().next().value!);
      this.#texts.set(sql, translated);
    }
    return translated;
  }
}

/**
 * Runs the stores' statements on a pg pool: each statement on any free connection, each transaction
 * on one connection of its own (BEGIN … COMMIT) after taking the writer lock. A transaction started
 * inside a transaction joins it, as on SQLite.
 */
export class PostgresStatements implements SqlRunner {
  readonly #pool: pg.Pool;
  readonly #client: pg.PoolClient | undefined;
  readonly #translations: Translations;
  /** A transaction's statements one after the other: pg refuses a second query on a busy client. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(pool: pg.Pool, client?: pg.PoolClient, translations = new Translations()) {
    this.#pool = pool;
    this.#client = client;
    this.#translations = translations;
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    if (this.#client) return fn(this); // nested: part of the open transaction
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
      const result = await fn(new PostgresStatements(this.#pool, client, this.#translations));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async all(sql: string, ...params: unknown[]): Promise<Row[]> {
    return (await this.#query(sql, params)).rows;
  }
  async get(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.#query(sql, params)).rows[0];
  }
  async exec(sql: string, ...params: unknown[]): Promise<number> {
    return (await this.#query(sql, params)).rowCount ?? 0;
  }

  async #query(sql: string, params: unknown[]): Promise<pg.QueryResult<Row>> {
    const { name, text } = this.#translations.get(sql);
    const client = this.#client;
    const run = () => (client ?? this.#pool).query<Row>({ name, text, values: params });
    try {
      if (!client) return await run();
      const result = this.#queue.then(run);
      this.#queue = result.catch(() => undefined);
      return await result;
    } catch (error) {
      if (NUL_REFUSED.has((error as { code?: string }).code ?? '')) {
        throw new UnstorableValue('Text cannot contain the NUL character (U+0000).');
      }
      throw error;
    }
  }
}
