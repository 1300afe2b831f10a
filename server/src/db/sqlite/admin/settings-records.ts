import type { PauseTypeRecord, RecordStore } from '../../repository.js';
import type { Row, SqlRunner } from '../statements.js';

/** Pause types as administered. */
export function sqlitePauseTypeRecords(sql: SqlRunner): RecordStore<PauseTypeRecord> {
  const toRecord = (row: Row): PauseTypeRecord => ({
    id: String(row.id),
    name: String(row.name),
    timeLimitMs: row.time_limit_ms === null ? null : Number(row.time_limit_ms),
  });
  return {
    list: async () => (await sql.all('SELECT * FROM pause_types ORDER BY id')).map(toRecord),
    async get(id) {
      const row = await sql.get('SELECT * FROM pause_types WHERE id = ?', id);
      return row ? toRecord(row) : null;
    },
    async put(p) {
      await sql.exec(
        `INSERT INTO pause_types (id, name, time_limit_ms) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_limit_ms = excluded.time_limit_ms`,
        p.id,
        p.name,
        p.timeLimitMs,
      );
    },
    remove: async (id) => (await sql.exec('DELETE FROM pause_types WHERE id = ?', id)) > 0,
  };
}

/** Company settings, one JSON document per key (the record's id): `contact`, `availability`. */
export function sqliteCompanySettingsRecords<T extends { id: string }>(sql: SqlRunner, key: string): RecordStore<T> {
  const toRecord = (row: Row): T => ({ id: String(row.key), ...(JSON.parse(String(row.value)) as Omit<T, 'id'>) }) as T;
  return {
    list: async () => (await sql.all(`SELECT * FROM company_settings WHERE key = ?`, key)).map(toRecord),
    async get(id) {
      const row = await sql.get('SELECT * FROM company_settings WHERE key = ?', id);
      return row ? toRecord(row) : null;
    },
    async put({ id, ...value }) {
      await sql.exec(
        'INSERT INTO company_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        id,
        JSON.stringify(value),
      );
    },
    remove: async (id) => (await sql.exec('DELETE FROM company_settings WHERE key = ?', id)) > 0,
  };
}
