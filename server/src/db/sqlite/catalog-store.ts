import type { CannedResponse, Tag, Template } from '../../../../src/protocol/index.js';
import type { CatalogRepository, FileRepository } from '../repository.js';
import { str, toFile, toTag, toTemplate } from './rows.js';
import { IN_LIST, listed, marks, type SqlRunner } from './statements.js';

/** Tags, templates and canned responses. */
export function sqliteCatalogStore(sql: SqlRunner, toAttachment: FileRepository['toAttachment']): CatalogRepository {
  return {
    async insertTag(t: Tag): Promise<void> {
      await sql.exec('INSERT INTO tags (id, team_id, name, color) VALUES (?, ?, ?, ?)', t.id, t.teamId, t.name, t.color);
    },
    async listTagsOfTeams(teamIds: readonly string[]): Promise<Tag[]> {
      if (teamIds.length === 0) return [];
      return (await sql.all(`SELECT * FROM tags WHERE team_id IN (${marks(teamIds)}) ORDER BY team_id, name`, ...teamIds)).map(toTag);
    },
    async getTags(ids: readonly string[]): Promise<Tag[]> {
      if (ids.length === 0) return [];
      return (await sql.all(`SELECT * FROM tags WHERE id ${IN_LIST}`, listed(ids))).map(toTag);
    },
    async insertTemplate(t: Template): Promise<void> {
      await sql.exec(
        'INSERT INTO templates (id, team_id, name, language, body, variables) VALUES (?, ?, ?, ?, ?, ?)',
        t.id,
        t.teamId,
        t.name,
        t.language,
        t.body,
        JSON.stringify(t.variables),
      );
    },
    async getTemplate(id: string): Promise<Template | null> {
      const row = await sql.get('SELECT * FROM templates WHERE id = ?', id);
      return row ? toTemplate(row) : null;
    },
    async listTemplatesOfTeams(teamIds: readonly string[]): Promise<Template[]> {
      if (teamIds.length === 0) return [];
      return (await sql.all(`SELECT * FROM templates WHERE team_id IN (${marks(teamIds)}) ORDER BY team_id, name`, ...teamIds)).map(
        toTemplate,
      );
    },
    async insertCannedResponse(c: Omit<CannedResponse, 'attachments'> & { attachmentIds: string[] }): Promise<void> {
      await sql.exec(
        'INSERT INTO canned_responses (id, team_id, shortcut, title, text) VALUES (?, ?, ?, ?, ?)',
        c.id,
        c.teamId,
        c.shortcut,
        c.title,
        c.text,
      );
      for (const [position, fileId] of c.attachmentIds.entries()) {
        await sql.exec(
          'INSERT INTO canned_response_attachments (canned_response_id, file_id, position) VALUES (?, ?, ?)',
          c.id,
          fileId,
          position,
        );
      }
    },
    async listCannedResponses(teamIds: readonly string[]): Promise<CannedResponse[]> {
      const teams = teamIds.length ? teamIds : [''];
      const rows = await sql.all(
        `SELECT * FROM canned_responses WHERE team_id IS NULL OR team_id IN (${marks(teams)}) ORDER BY shortcut`,
        ...teams,
      );
      if (rows.length === 0) return [];
      const ids = rows.map((row) => String(row.id));
      const files = await sql.all(
        `SELECT a.canned_response_id, f.* FROM canned_response_attachments a JOIN files f ON f.id = a.file_id
         WHERE a.canned_response_id ${IN_LIST} ORDER BY a.position`,
        listed(ids),
      );
      return rows.map((row) => ({
        id: String(row.id),
        teamId: str(row.team_id),
        shortcut: String(row.shortcut),
        title: String(row.title),
        text: String(row.text),
        attachments: files.filter((f) => f.canned_response_id === row.id).map((f) => toAttachment(toFile(f))),
      }));
    },
  };
}
