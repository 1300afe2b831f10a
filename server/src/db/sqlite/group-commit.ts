import type { Statement } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { SqliteDatabase } from '../sqlite.js';

/**
 * A group stops taking work at this many jobs or after this long, so that under a steady flood the
 * first job of a group is still answered soon (docs/scaling.md).
 */
export const GROUP_LIMITS = { jobs: 1_000, ms: 20 };

interface Job {
  /** A transaction runs in a savepoint of its own; a single statement does not need one. */
  readonly transaction: boolean;
  run(): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** What a job is told once its group is over: its value or its error. */
interface Answer {
  readonly job: Job;
  ok: boolean;
  value: unknown;
}

/** Undone with the group it ran in (the commit failed): the caller may retry, nothing of it was kept. */
export class GroupRolledBack extends Error {
  constructor(cause: unknown) {
    super(`The transaction's group was rolled back, nothing of it was stored: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'GroupRolledBack';
  }
}

/**
 * Group commit on one SQLite connection. A commit costs as much as many inserts, so transactions
 * that arrive in the same event-loop turn(s) share one: each runs in a savepoint of an open
 * transaction (its failure undoes only its own writes), and the group commits when no more work
 * waits. Every caller — of a transaction or of a single statement run inside the group — is answered
 * only after that commit, so nobody is told of, or reads, anything a crash could still take back.
 * Jobs run one at a time in the order they were queued, as with a lock.
 */
export class GroupCommit {
  readonly #db: SqliteDatabase;
  /** Prepared once: parsing them again for each of thousands of transactions a second shows in a profile. */
  readonly #sql: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit', Statement>;
  readonly #queue: Job[] = [];
  #draining = false;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    const sql = (text: string) => db.prepare(text);
    this.#sql = {
      begin: sql('BEGIN IMMEDIATE'),
      savepoint: sql('SAVEPOINT grouped'),
      release: sql('RELEASE grouped'),
      rollbackTo: sql('ROLLBACK TO grouped'),
      commit: sql('COMMIT'),
    };
  }

  transaction<T>(run: () => Promise<T>): Promise<T> {
    return this.#enqueue(true, run);
  }

  /** One statement outside any transaction: alone it runs at once (autocommit); inside an open group, with it. */
  statement<T>(run: () => T): Promise<T> {
    return this.#enqueue(false, async () => run());
  }

  #enqueue<T>(transaction: boolean, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ transaction, run, resolve: resolve as (value: unknown) => void, reject });
      // #drain answers every job itself: nothing it throws is left unhandled.
      if (!this.#draining) void this.#drain().catch(() => undefined);
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        if (this.#queue[0]!.transaction) await this.#group();
        else await settle(this.#queue.shift()!);
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Runs queued jobs in one transaction until none waits (or a limit), then commits and answers them all. */
  async #group(): Promise<void> {
    const db = this.#db;
    const sql = this.#sql;
    try {
      sql.begin.run();
    } catch (error) {
      this.#queue.shift()!.reject(error);
      return;
    }
    const answers: Answer[] = [];
    const started = performance.now();
    const open = () => answers.length < GROUP_LIMITS.jobs && performance.now() - started < GROUP_LIMITS.ms;
    let broken: unknown;
    groups: for (;;) {
      while (this.#queue.length > 0 && open()) {
        const answer: Answer = { job: this.#queue.shift()!, ok: true, value: undefined };
        const { job } = answer;
        answers.push(answer);
        try {
          if (job.transaction) sql.savepoint.run();
          answer.value = await job.run();
          if (job.transaction) sql.release.run();
        } catch (error) {
          answer.ok = false;
          answer.value = error;
          // Some errors (disk full, I/O) roll the whole transaction back, the group's earlier work with it.
          if (!db.inTransaction) {
            broken = error;
            break groups;
          }
          try {
            if (job.transaction) {
              sql.rollbackTo.run();
              sql.release.run();
            }
          } catch (undoing) {
            broken = undoing;
            break groups;
          }
        }
      }
      if (this.#queue.length > 0 || !open()) break;
      // What the rest of this turn's I/O brings (other sockets' commands) joins the group.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#queue.length === 0) break;
    }
    if (broken === undefined) {
      try {
        sql.commit.run();
      } catch (error) {
        broken = error;
      }
    }
    if (broken !== undefined && db.open && db.inTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // Nothing more to undo: the group's callers are told below either way.
      }
    }
    for (const { job, ok, value } of answers) {
      if (!ok) job.reject(value);
      else if (broken === undefined) job.resolve(value);
      else job.reject(new GroupRolledBack(broken));
    }
  }
}

async function settle(job: Job): Promise<void> {
  try {
    job.resolve(await job.run());
  } catch (error) {
    job.reject(error);
  }
}
