import type { AuditEntry, AuditQuery, AuditRepository, NewAuditEntry } from '../repository.js';
import type { Row } from './statements.js';
import { str } from './rows.js';
import type { SqlRunner } from './statements.js';

function toAuditEntry(row: Row): AuditEntry {
  const json = (value: unknown) => (value === null || value === undefined ? null : (JSON.parse(String(value)) as unknown));
  return {
    id: Number(row.id),
    at: Number(row.at),
    actor: { kind: String(row.actor_kind) as AuditEntry['actor']['kind'], id: str(row.actor_id) },
    action: String(row.action),
    resource: String(row.resource),
    resourceId: str(row.resource_id),
    before: json(row.before),
    after: json(row.after),
  };
}

/** The audit log: appended to inside the change's own transaction, read newest first. */
export function sqliteAuditStore(sql: SqlRunner): AuditRepository {
  return {
    async insertAudit(entry: NewAuditEntry): Promise<void> {
      await sql.exec(
        `INSERT INTO audit_log (at, actor_kind, actor_id, action, resource, resource_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        entry.at,
        entry.actor.kind,
        entry.actor.id,
        entry.action,
        entry.resource,
        entry.resourceId,
        entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      );
    },
    async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
      const filters: [string, unknown][] = [
        ['resource = ?', query.resource],
        ['resource_id = ?', query.resourceId],
        ['actor_id = ?', query.actorId],
        ['id < ?', query.beforeId],
        ['at >= ?', query.since],
      ];
      const used = filters.filter(([, value]) => value !== undefined);
      const where = used.map(([condition]) => condition);
      const args = used.map(([, value]) => value);
      const rows = await sql.all(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
        ...args,
        query.limit,
      );
      return rows.map(toAuditEntry);
    },
  };
}
