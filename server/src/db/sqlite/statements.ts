import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';

export type Row = Record<string, unknown>;

/** A FIFO lock for async critical sections. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Statements prepared once per SQL text. Queries whose `IN (?, …)` list follows their arguments make
 * a few texts each; the oldest texts go past this many, so the cache stays bounded all the same.
 */
const CACHED_STATEMENTS = 500;

/** Transactions committed together at most: the first of a group waits for the others' statements. */
const GROUP_COMMIT_LIMIT = 64;

interface WaitingTransaction {
  run(): Promise<unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/** What every store of one connection shares: the connection, its transaction lock, its prepared statements. */
export class SqliteConnection {
  readonly lock = new Mutex();
  readonly #statements = new Map<string, Statement>();
  readonly #waiting: WaitingTransaction[] = [];
  #groupScheduled = false;

  constructor(readonly db: SqliteDatabase) {}

  /**
   * Runs `run` in a transaction of its own, answered once it is committed. Transactions that queue
   * while the lock is held are committed together (group commit): each in a savepoint, so one that
   * throws is undone alone, then one COMMIT for all — under load, one WAL write (and, with
   * synchronous FULL, one fsync) for many messages instead of one each.
   */
  transaction<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ run, resolve: resolve as (result: unknown) => void, reject });
      this.#scheduleGroup();
    });
  }

  #scheduleGroup(): void {
    if (this.#groupScheduled || this.#waiting.length === 0) return;
    this.#groupScheduled = true;
    void this.lock.run(async () => {
      this.#groupScheduled = false;
      await this.#commitGroup(this.#waiting.splice(0, GROUP_COMMIT_LIMIT));
      // Those that came meanwhile go after the statements that queued for the lock before them.
      this.#scheduleGroup();
    });
  }

  async #commitGroup(group: WaitingTransaction[]): Promise<void> {
    const { db } = this;
    let applied: { transaction: WaitingTransaction; result: unknown }[] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const transaction of group) transaction.reject(error);
      return;
    }
    for (const [index, transaction] of group.entries()) {
      db.exec('SAVEPOINT grouped');
      try {
        const result = await transaction.run();
        db.exec('RELEASE grouped');
        applied.push({ transaction, result });
      } catch (error) {
        transaction.reject(error);
        if (db.inTransaction) {
          db.exec('ROLLBACK TO grouped');
          db.exec('RELEASE grouped');
        } else {
          // SQLite ended the whole transaction (a full disk, say): the group's earlier ones are undone too.
          for (const lost of applied) lost.transaction.reject(error);
          applied = [];
          try {
            db.exec('BEGIN IMMEDIATE');
          } catch (again) {
            for (const left of group.slice(index + 1)) left.reject(again);
            return;
          }
        }
      }
    }
    try {
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const lost of applied) lost.transaction.reject(error);
      return;
    }
    for (const { transaction, result } of applied) transaction.resolve(result);
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
 * so transactions (which await between statements) are queued by a mutex, and a statement issued
 * outside any transaction waits for the open one to end instead of slipping into it.
 */
export class SqliteStatements {
  readonly #connection: SqliteConnection;
  /** This runner's statements are those of the open transaction. */
  readonly #inTransaction: boolean;
  #inside: SqliteStatements | undefined;

  constructor(connection: SqliteConnection, inTransaction = false) {
    this.#connection = connection;
    this.#inTransaction = inTransaction;
  }

  /** Runs `fn` in one transaction on the runner it is given: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqliteStatements) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return fn(this); // nested: part of the open transaction
    return this.#connection.transaction(() => fn(this.#transactional()));
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

  /** One statement: directly inside a transaction, else after it. */
  #run<T>(fn: () => T): Promise<T> {
    if (this.#inTransaction) return Promise.resolve().then(fn);
    return this.#connection.lock.run(async () => fn());
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
