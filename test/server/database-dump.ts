import type { SqliteDatabase } from '../../server/src/db/sqlite.js';

/**
 * The logical content of every table, as text, for "nothing changed" assertions: rows in a stable
 * order (SELECT order is not promised), so equal content gives equal text.
 */
export function dumpTables(db: SqliteDatabase, except: ReadonlySet<string> = new Set()): Map<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump = new Map<string, string>();
  for (const table of tables) {
    if (except.has(table)) continue;
    const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)),
    );
    dump.set(table, rows.sort().join('\n'));
  }
  return dump;
}

/** The tables whose content differs between two dumps. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}
