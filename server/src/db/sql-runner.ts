export type Row = Record<string, unknown>;

/**
 * What every store runs its SQL on, whatever the engine: SQLite (`./sqlite/statements.ts`) or
 * PostgreSQL (`./postgres/postgres-statements.ts`). Stores write SQLite's SQL with `?` placeholders;
 * the PostgreSQL runner translates each text once (`./postgres/postgres-sql.ts`).
 */
export interface SqlRunner {
  all(sql: string, ...params: unknown[]): Promise<Row[]>;
  get(sql: string, ...params: unknown[]): Promise<Row | undefined>;
  /** Answers how many rows changed. */
  exec(sql: string, ...params: unknown[]): Promise<number>;
  /**
   * Runs `fn` in one transaction on the runner it is given: committed when it resolves, rolled back
   * when it throws. Called on a transaction's runner, `fn` joins the open transaction.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** A value the database cannot hold (PostgreSQL text with U+0000): bad input, refused as such, not a failure of the server. */
export class UnstorableValue extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnstorableValue';
  }
}

/** A unique, foreign-key, check or not-null constraint refused the write, on either engine. */
export function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  // SQLite: SQLITE_CONSTRAINT_*; PostgreSQL: SQLSTATE class 23 (integrity constraint violation).
  return code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code);
}
