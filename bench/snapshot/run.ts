// Snapshot benchmark (not part of `npm test`): `node --import tsx bench/snapshot/run.ts` (or `npm run
// bench:snapshot`). Issue 13's target: a desk's first snapshot under 200 KB whatever the queue's length.
// Fills one team with N waiting sessions (each with its contact and a last message, as a visitor
// writes one), then, as Ana (one of the team's agents) over socket.io: the bytes and time of
// `agent.snapshot`; as the baseline in the same run, what the desk received before the queue was
// paged (every waiting session and its contact: all of `queue.page`'s pages, summed), and the time of
// a command the server refuses at once (a bare round trip). Times are medians of --rounds.
// Options: --sessions=10000 --rounds=15. On PostgreSQL: CONECTA_TEST_DATABASE=postgres (test/server/test-database.ts).
import { performance } from 'node:perf_hooks';
import { COMMAND_EVENT, type Ack, type CommandResults, type QueueCursor } from '../../src/protocol/index.js';
import { fillQueue } from '../../test/server/fill-queue.js';
import { ANA, DEMO_TEAMS, connectAgent, loginAgent, startTestServer } from '../../test/server/harness.js';
import { TEST_ENGINE } from '../../test/server/test-database.js';

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const sessions = option('sessions', 10_000);
const rounds = option('rounds', 15);
const TARGET_BYTES = 200 * 1024;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bytesOf = (data: unknown) => Buffer.byteLength(JSON.stringify(data));

const t = await startTestServer();
try {
  const filling = performance.now();
  await fillQueue(t.server.repo, { teamId: DEMO_TEAMS.suporte.id, count: sessions, startAt: Date.now() - sessions * 1000 - 60_000 });
  console.log(
    `${TEST_ENGINE}: ${sessions.toLocaleString('en')} waiting sessions in ${DEMO_TEAMS.suporte.name} (filled in ${Math.round(performance.now() - filling)} ms)`,
  );
  const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));

  async function timed<N extends keyof CommandResults>(
    name: N | 'bench.nothing',
    payload: unknown,
  ): Promise<{ ms: number; ack: Ack<CommandResults[N]> }> {
    const start = performance.now();
    const ack = (await ana.socket.timeout(60_000).emitWithAck(COMMAND_EVENT, name, payload)) as Ack<CommandResults[N]>;
    return { ms: performance.now() - start, ack };
  }

  // Warm up (statements prepared, caches filled), then alternate so the ratios are the code's, not the moment's.
  await timed('agent.snapshot', {});
  await timed('bench.nothing', {});
  const snapshotMs: number[] = [];
  const bareMs: number[] = [];
  let snapshotBytes = 0;
  let held = 0;
  for (let i = 0; i < rounds; i++) {
    const snapshot = await timed('agent.snapshot', {});
    if (!snapshot.ack.ok) throw new Error(`agent.snapshot answered ${snapshot.ack.error.code}`);
    snapshotMs.push(snapshot.ms);
    snapshotBytes = bytesOf(snapshot.ack.data);
    held = snapshot.ack.data.sessions.length;
    bareMs.push((await timed('bench.nothing', {})).ms);
  }

  // The baseline: the whole queue, as the snapshot carried it before it was paged.
  let wholeBytes = 0;
  let pages = 0;
  let after: QueueCursor | null = null;
  const paging = performance.now();
  for (;;) {
    const page: { ack: Ack<CommandResults['queue.page']> } = await timed('queue.page', { teamId: null, after, limit: 100 });
    if (!page.ack.ok) throw new Error(`queue.page answered ${page.ack.error.code}`);
    wholeBytes += bytesOf({ sessions: page.ack.data.sessions, contacts: page.ack.data.contacts });
    pages++;
    if (!page.ack.data.next) break;
    after = page.ack.data.next;
  }
  const pagingMs = performance.now() - paging;
  ana.close();

  const snapshot = median(snapshotMs);
  const bare = median(bareMs);
  console.log(
    `agent.snapshot: ${kb(snapshotBytes)} (${snapshotBytes} bytes, ${held} sessions held), median ${snapshot.toFixed(1)} ms of ${rounds}`,
  );
  console.log(
    `  target: under ${kb(TARGET_BYTES)}: ${(snapshotBytes / TARGET_BYTES).toFixed(3)}× the target — ${snapshotBytes < TARGET_BYTES ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  baseline, every waiting session and its contact (${pages} pages of queue.page, ${Math.round(pagingMs)} ms): ${kb(wholeBytes)}; the snapshot is ${(snapshotBytes / wholeBytes).toFixed(4)}× that`,
  );
  console.log(
    `  baseline, a command refused at once (bare round trip): median ${bare.toFixed(2)} ms; the snapshot takes ${(snapshot / bare).toFixed(1)}× that`,
  );
} finally {
  await t.close();
}
