// Contact directory benchmark (not part of `npm test`): `npm run bench:contacts`. Fills a fresh SQLite
// database with N contacts (fixed seed) and times `contact.search`'s query for each kind of search
// against a bare baseline in the same run: fetching one contact by its primary key. Reports the median
// of each and its ratio to the baseline, and the plan SQLite chose. Options: --contacts=100000 --rounds=21
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyContactRecord, type ParsedPayload } from '../../src/protocol/index.js';
import { openSqlite } from '../../server/src/db/sqlite.js';
import { createSqliteRepository } from '../../server/src/db/sqlite-repository.js';
import { searchContacts } from '../../server/src/domain/contact-search.js';

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = option('contacts', 100_000);
const rounds = option('rounds', 21);
const dir = mkdtempSync(join(tmpdir(), 'conecta-bench-contacts-'));
const db = openSqlite(dir);
const repo = createSqliteRepository(db);

/** mulberry32: the same contacts on every run. */
let seed = 12;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const FIRST = ['Ana', 'João', 'Maria', 'José', 'Antônio', 'Francisca', 'Carlos', 'Paulo', 'Lúcia', 'Márcia', 'Pedro', 'Luís'];
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Ferreira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento'];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const at = Date.now();
const started = performance.now();
await repo.transaction(async (tx) => {
  for (let i = 0; i < count; i++) {
    await tx.insertContact({
      id: `ct-${i}`,
      name: `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`,
      email: random() < 0.5 ? `c${i}@example.com` : null,
      phone: random() < 0.8 ? `+55119${digits(8)}` : null,
      document: random() < 0.7 ? digits(11) : null,
      ...emptyContactRecord(),
      registration: random() < 0.3 ? `M${digits(6)}` : null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
  }
});
console.log(`${count} contacts inserted in ${Math.round(performance.now() - started)} ms`);
const sample = db.prepare(`SELECT * FROM contacts WHERE document IS NOT NULL AND phone IS NOT NULL LIMIT 1 OFFSET ?`).get(count >> 1) as {
  document: string;
  phone: string;
};

const search = (payload: Partial<ParsedPayload<'contact.search'>>) =>
  searchContacts(repo, { query: '', channel: null, accountId: null, after: null, limit: 30, ...payload });

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[rounds >> 1]!;
}

const baseline = await median(() => repo.getContact(`ct-${count >> 1}`));
const deepCursor = await (async () => {
  let next: string | null = null;
  for (let page = 0; page < 100; page++) next = (await search({ limit: 100, after: next })).next;
  return next;
})();
const cases: [string, () => Promise<unknown>][] = [
  ['first page, no query', () => search({})],
  ['page 101 of 100 (cursor)', () => search({ after: deepCursor })],
  ['common name "silva"', () => search({ query: 'silva' })],
  ['rare name "zzz" (no match)', () => search({ query: 'zzz' })],
  ['CPF, masked', () => search({ query: sample.document.replace(/(\d{3})(\d{3})(\d{3})(\d{2})/, '$1.$2.$3-$4') })],
  ['phone, national format', () => search({ query: sample.phone.slice(3) })],
  ['e-mail prefix', () => search({ query: 'c500@' })],
  ['name + WhatsApp filter', () => search({ query: 'lucia', channel: 'whatsapp' })],
  ['WhatsApp filter, no query', () => search({ channel: 'whatsapp' })],
];
console.log(`baseline (one contact by id): ${baseline.toFixed(3)} ms`);
for (const [name, run] of cases) {
  const ms = await median(run);
  console.log(`${name.padEnd(30)} ${ms.toFixed(3).padStart(8)} ms  ×${(ms / baseline).toFixed(0)}`);
}
db.close();
rmSync(dir, { recursive: true, force: true });
