// Repository benchmark (not part of `npm test`): `node --import tsx bench/repository/run.ts`
// (or `npm run bench:repository`). Appends N messages to one session the way `message.send` does
// (in one transaction: read the session, insert the message, compare-and-set the session), through
// the SQLite repository and, as the baseline in the same run and database, through hand-written
// better-sqlite3 statements prepared once. Reports both and their ratio. Options: --messages=2000 --rounds=7
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyContactRecord, newSession, type Message, type Session } from '../../src/protocol/index.js';
import { openSqlite } from '../../server/src/db/sqlite.js';
import { createSqliteRepository } from '../../server/src/db/sqlite-repository.js';

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = option('messages', 2000);
const dir = mkdtempSync(join(tmpdir(), 'conecta-bench-repo-'));
const db = openSqlite(dir);
const repo = createSqliteRepository(db);

const at = Date.now();
await repo.insertTeam({ id: 'tm-bench', name: 'Bench' }, at);
await repo.insertContact({
  id: 'ct-bench',
  name: 'Maria',
  email: null,
  phone: null,
  document: null,
  ...emptyContactRecord(),
  createdAt: at,
  updatedAt: at,
  version: 1,
});

/** An active session with no agent: all the benchmark's messages go to it. */
function benchSession(id: string): Session {
  const fields = {
    id,
    protocol: id,
    channel: 'webchat',
    channelKey: 'demo',
    teamId: 'tm-bench',
    contactId: 'ct-bench',
    createdAt: at,
  } as const;
  return { ...newSession(fields), status: 'active', acceptedAt: at };
}
function nextMessage(session: Session, text: string): Message {
  return {
    id: randomUUID(),
    sessionId: session.id,
    seq: session.lastSeq + 1,
    authorKind: 'contact',
    authorId: 'ct-bench',
    authorName: 'Maria',
    kind: 'text',
    text,
    attachments: [],
    templateId: null,
    system: null,
    createdAt: Date.now(),
    deliveredAt: null,
    readAt: null,
  };
}

async function throughRepository(): Promise<number> {
  const id = randomUUID();
  await repo.insertSession(benchSession(id));
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    await repo.transaction(async (tx) => {
      const session = (await tx.getSession(id))!;
      const message = nextMessage(session, `message ${i}`);
      await tx.insertMessage(message);
      const updated = {
        ...session,
        lastSeq: message.seq,
        lastMessageAt: message.createdAt,
        lastMessageText: message.text,
        version: session.version + 1,
      };
      if (!(await tx.updateSession(updated, session.version))) throw new Error('lost the compare-and-set');
    });
  }
  return performance.now() - start;
}

async function bare(): Promise<number> {
  const id = randomUUID();
  await repo.insertSession(benchSession(id));
  const select = db.prepare('SELECT last_seq, version FROM sessions WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO messages (id, session_id, seq, author_kind, author_id, author_name, text, created_at, kind, template_id, system, delivered_at, read_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    'UPDATE sessions SET last_seq = ?, last_message_at = ?, last_message_text = ?, version = ? WHERE id = ? AND version = ?',
  );
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    db.exec('BEGIN IMMEDIATE');
    const row = select.get(id) as { last_seq: number; version: number };
    const m = nextMessage({ ...benchSession(id), lastSeq: row.last_seq }, `message ${i}`);
    insert.run(m.id, m.sessionId, m.seq, m.authorKind, m.authorId, m.authorName, m.text, m.createdAt, m.kind, null, null, null, null);
    if (update.run(m.seq, m.createdAt, m.text, row.version + 1, id, row.version).changes !== 1) throw new Error('lost the compare-and-set');
    db.exec('COMMIT');
    await Promise.resolve(); // one turn per message, as the repository's awaits take
  }
  return performance.now() - start;
}

// Interleaved rounds, medians: the machine is shared, so a neighbour's burst hits both alike.
const rounds = option('rounds', 7);
await throughRepository(); // warm-up: the first statements, the page cache
const repositoryTimes: number[] = [];
const bareTimes: number[] = [];
for (let round = 0; round < rounds; round++) {
  repositoryTimes.push(await throughRepository());
  bareTimes.push(await bare());
}
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const perMessage = (ms: number) => `${((ms / count) * 1000).toFixed(1)} µs/message`;
console.log(`${count} messages appended per round, median of ${rounds} interleaved rounds`);
console.log(`  repository: ${perMessage(median(repositoryTimes))}`);
console.log(`  bare better-sqlite3, statements prepared once: ${perMessage(median(bareTimes))}`);
console.log(`  ratio repository / bare: ${(median(repositoryTimes) / median(bareTimes)).toFixed(2)}`);
db.close();
rmSync(dir, { recursive: true, force: true });
