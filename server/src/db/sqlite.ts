import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldForSearch } from '../../../src/protocol/contact-rules.js';
import { migrations } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * What a commit waits for (docs/scaling.md). `normal`: the WAL is written, not fsynced — an
 * acknowledged message survives a process crash, and a power cut loses at most the last checkpoint
 * interval's; `full`: every commit fsyncs the WAL, and survives a power cut too, at one fsync each.
 */
export type SqliteSynchronous = 'normal' | 'full';

export const sqliteFile = (dataDir: string) => join(dataDir, 'conecta.sqlite');

/** WAL pages after which a writer checkpoints itself: only if the timed checkpoint (wal-checkpoints.ts) stopped keeping up. */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/** Opens (creating if needed) `<dataDir>/conecta.sqlite` and brings its schema up to date. */
export function openSqlite(dataDir: string, synchronous: SqliteSynchronous = 'normal'): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(sqliteFile(dataDir));
  // WAL: readers do not block the writer; foreign keys are off by default in SQLite.
  db.pragma('journal_mode = WAL');
  // Per connection, so chosen on every open: a new database file would otherwise run FULL.
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  // A checkpointed WAL is truncated to this, not left at its largest.
  db.pragma('journal_size_limit = 67108864');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db);
  foldUnfoldedContactNames(db);
  return db;
}

/** Folds the names of contacts written before migration 015 (or by a store that did not fold them). */
function foldUnfoldedContactNames(db: SqliteDatabase): void {
  const rows = db.prepare('SELECT id, name FROM contacts WHERE search_name IS NULL').all() as { id: string; name: string }[];
  if (rows.length === 0) return;
  const fold = db.prepare('UPDATE contacts SET search_name = ? WHERE id = ?');
  db.transaction(() => rows.forEach((row) => fold.run(foldForSearch(row.name), row.id)))();
}

/** Applies the migrations not yet recorded; returns how many ran. */
export function runMigrations(db: SqliteDatabase): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  );
  let count = 0;
  migrations.forEach((sql, index) => {
    const version = index + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
    })();
    count++;
  });
  return count;
}
