import type { Database } from '../../server/src/db/database.js';

/**
 * The logical content of every table, as text, for "nothing changed" assertions: rows in a stable
 * order (SELECT order is not promised), so equal content gives equal text. Either engine.
 */
export async function dumpTables(database: Database, except: ReadonlySet<string> = new Set()): Promise<Map<string, string>> {
  const tables = (
    await database.sql.all(
      database.engine === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name',
    )
  ).map((row) => String(row.name));
  const dump = new Map<string, string>();
  for (const table of tables) {
    if (except.has(table)) continue;
    const rows = (await database.sql.all(`SELECT * FROM "${table}"`)).map((row) =>
      JSON.stringify(Object.values(row), (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)),
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
