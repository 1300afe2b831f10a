import type { Tag, Template } from '../../../../../src/protocol/index.js';
import type { CannedResponseRecord, RecordStore } from '../../repository.js';
import { str, toTag, toTemplate } from '../rows.js';
import type { Row, SqlRunner } from '../statements.js';

/** Templates as administered. */
export function sqliteTemplateRecords(sql: SqlRunner): RecordStore<Template> {
  return {
    list: async () => (await sql.all('SELECT * FROM templates ORDER BY id')).map(toTemplate),
    async get(id) {
      const row = await sql.get('SELECT * FROM templates WHERE id = ?', id);
      return row ? toTemplate(row) : null;
    },
    async put(t) {
      await sql.exec(
        `INSERT INTO templates (id, team_id, name, language, body, variables) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET team_id = excluded.team_id, name = excluded.name, language = excluded.language,
           body = excluded.body, variables = excluded.variables`,
        t.id,
        t.teamId,
        t.name,
        t.language,
        t.body,
        JSON.stringify(t.variables),
      );
    },
    remove: async (id) => (await sql.exec('DELETE FROM templates WHERE id = ?', id)) > 0,
  };
}

/** Tags as administered. */
export function sqliteTagRecords(sql: SqlRunner): RecordStore<Tag> {
  return {
    list: async () => (await sql.all('SELECT * FROM tags ORDER BY id')).map(toTag),
    async get(id) {
      const row = await sql.get('SELECT * FROM tags WHERE id = ?', id);
      return row ? toTag(row) : null;
    },
    async put(t) {
      await sql.exec(
        `INSERT INTO tags (id, team_id, name, color) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET team_id = excluded.team_id, name = excluded.name, color = excluded.color`,
        t.id,
        t.teamId,
        t.name,
        t.color,
      );
    },
    remove: async (id) => (await sql.exec('DELETE FROM tags WHERE id = ?', id)) > 0,
  };
}

/** Canned responses as administered, with their files by id (in order). */
export function sqliteCannedResponseRecords(sql: SqlRunner): RecordStore<CannedResponseRecord> {
  const toRecord = (row: Row, files: Row[]): CannedResponseRecord => ({
    id: String(row.id),
    teamId: str(row.team_id),
    shortcut: String(row.shortcut),
    title: String(row.title),
    text: String(row.text),
    fileIds: files.filter((f) => f.canned_response_id === row.id).map((f) => String(f.file_id)),
  });
  const FILES = 'SELECT canned_response_id, file_id FROM canned_response_attachments';
  return {
    async list() {
      const [rows, files] = await Promise.all([
        sql.all('SELECT * FROM canned_responses ORDER BY id'),
        sql.all(`${FILES} ORDER BY position`),
      ]);
      return rows.map((row) => toRecord(row, files));
    },
    async get(id) {
      const row = await sql.get('SELECT * FROM canned_responses WHERE id = ?', id);
      return row ? toRecord(row, await sql.all(`${FILES} WHERE canned_response_id = ? ORDER BY position`, id)) : null;
    },
    async put(c) {
      await sql.exec(
        `INSERT INTO canned_responses (id, team_id, shortcut, title, text) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET team_id = excluded.team_id, shortcut = excluded.shortcut, title = excluded.title, text = excluded.text`,
        c.id,
        c.teamId,
        c.shortcut,
        c.title,
        c.text,
      );
      await sql.exec('DELETE FROM canned_response_attachments WHERE canned_response_id = ?', c.id);
      for (const [position, fileId] of c.fileIds.entries()) {
        await sql.exec(
          'INSERT INTO canned_response_attachments (canned_response_id, file_id, position) VALUES (?, ?, ?)',
          c.id,
          fileId,
          position,
        );
      }
    },
    remove: async (id) => (await sql.exec('DELETE FROM canned_responses WHERE id = ?', id)) > 0,
  };
}
