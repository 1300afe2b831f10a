import type { SqliteDatabase } from './sqlite.js';
import { migrations } from './migrations/index.js';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Can the server answer with its data: the database open and answering, every migration applied. */
export function databaseReadiness(db: SqliteDatabase): Readiness {
  if (!db.open) return { ready: false, reason: 'the database is closed' };
  try {
    const { applied } = db.prepare('SELECT COUNT(*) AS applied FROM schema_migrations WHERE version <= ?').get(migrations.length) as {
      applied: number;
    };
    if (applied < migrations.length) return { ready: false, reason: `${migrations.length - applied} migration(s) not applied` };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: `the database does not answer: ${(error as Error).message}` };
  }
}
