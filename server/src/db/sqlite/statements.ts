import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';
import { GroupCommit } from './group-commit.js';
import type { Row, SqlRunner } from '../sql-runner.js';

export type { Row, SqlRunner } from '../sql-runner.js';

/**
 * Statements prepared once per SQL text. Queries whose `IN (?, …)` list follows their arguments make
 * a few texts each; the oldest texts go past this many, so the cache stays bounded all the same.
 */
const CACHED_STATEMENTS = 500;

/** What every store of one connection shares: the connection, its queue of transactions (committed in groups), its prepared statements. */
export class SqliteConnection {
  readonly queue: GroupCommit;
  readonly #statements = new Map<string, Statement>();

  constructor(readonly db: SqliteDatabase) {
    this.queue = new GroupCommit(db);
  }

  prepared(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.#statements.size >= CACHED_STATEMENTS) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * Runs statements on one better-sqlite3 connection. A single connection has a single transaction,
 * so transactions (which await between statements) are queued, one at a time, and committed in
 * groups (./group-commit.ts); a statement issued outside any transaction waits for its turn too.
 */
export class SqliteStatements implements SqlRunner {
  readonly #connection: SqliteConnection;
  /** This runner's statements are those of the open transaction. */
  readonly #inTransaction: boolean;
  #inside: SqliteStatements | undefined;

  constructor(connection: SqliteConnection, inTransaction = false) {
    this.#connection = connection;
    this.#inTransaction = inTransaction;
  }

  /**
   * Runs `fn` in one transaction on the runner it is given: answered once committed (with others of
   * its group), rolled back when it throws.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return fn(this); // nested: part of the open transaction
    return this.#connection.queue.transaction(() => fn(this.#transactional()));
  }

  /** One for every transaction of the connection: the lock lets only one be open at a time. */
  #transactional(): SqliteStatements {
    this.#inside ??= new SqliteStatements(this.#connection, true);
    return this.#inside;
  }

  all(sql: string, ...params: unknown[]): Promise<Row[]> {
    return this.#run(() => this.#connection.prepared(sql).all(...params) as Row[]);
  }
  get(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return this.#run(() => this.#connection.prepared(sql).get(...params) as Row | undefined);
  }
  /** Answers how many rows changed. */
  exec(sql: string, ...params: unknown[]): Promise<number> {
    return this.#run(() => this.#connection.prepared(sql).run(...params).changes);
  }

  /**
   * One statement: directly inside a transaction (at once: the transaction holds the connection, and
   * a microtask more per statement showed in the load benchmark's profile), else in its turn.
   */
  #run<T>(fn: () => T): Promise<T> {
    if (!this.#inTransaction) return this.#connection.queue.statement(fn);
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
}

/** `?, ?, ?`: one placeholder per value. For short lists of known length (a few statuses, an agent's teams). */
export const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * `column IN (…)` for a list of any length, as one parameter: `sql.all(\`… WHERE id ${IN_LIST}\`, listed(ids))`.
 * One placeholder per id made a new statement for every length, and SQLite refuses more than 32,766.
 */
export const IN_LIST = 'IN (SELECT value FROM json_each(?))';
export const listed = (values: readonly string[]) => JSON.stringify(values);
