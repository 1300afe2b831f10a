// Load benchmark (not part of `npm test`): `npm run bench:load`. Runs the same load (bench/load/load.ts)
// against a bare socket.io relay and against the Conecta server (one node, SQLite), each in a child
// process of its own, and prints both and their ratios: this machine is shared, only ratios compare.
// Options: --visitors=300 --agents=15 --rate=150 --seconds=10 --flood-seconds=5 --runs=1
//   The issue's figures: --visitors=1000 --agents=50 --rate=500 --seconds=30 --runs=3
//   --profile: the Conecta server writes a CPU profile (node --cpu-prof) to bench/load/profiles/.
//   --synchronous=full: the server runs with SQLITE_SYNCHRONOUS=full (a disk flush per commit).
//   --nodes=2: the Conecta server is two nodes on PostgreSQL and Redis (bench/load/cluster.ts, local ones
//     unless BENCH_POSTGRES_URL / BENCH_REDIS_URL say otherwise): visitors on one, agents on the other.
//   --idle=50000: instead of the load, how many idle visitor sockets each target holds, and its memory
//     per socket (bench/load/idle.ts); each target runs with its file limit raised as far as allowed.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startCluster } from './cluster.js';
import { runIdle, spawnWithFileLimit, type IdleResult } from './idle.js';
import type { TargetReply, TargetRequest } from './ipc.js';
import { runLoad, type LoadOptions, type LoadResult, type Target } from './load.js';
import { median } from './stats.js';

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const options: LoadOptions = {
  visitors: option('visitors', 300),
  agents: option('agents', 15),
  rate: option('rate', 150),
  seconds: option('seconds', 10),
  floodSeconds: option('flood-seconds', 5),
};
const runs = option('runs', 1);
const nodes = option('nodes', 1);
if (nodes !== 1 && nodes !== 2) throw new Error('--nodes is 1 (SQLite) or 2 (PostgreSQL + Redis)');
const idleSockets = option('idle', 0);
const profile = process.argv.includes('--profile');
/** `--synchronous=full`: the Conecta server acknowledges only what would survive a power cut (docs/scaling.md). */
const synchronous = process.argv.includes('--synchronous=full') ? 'full' : 'normal';

/** Starts a target in a child process and speaks to it over IPC, one question at a time. */
async function startTarget(
  file: string,
  args: string[],
  execArgv: string[] = [],
  env: Record<string, string> = {},
): Promise<Target & { pid?: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawnWithFileLimit(
    ['--import', 'tsx', '--expose-gc', ...execArgv, fileURLToPath(new URL(file, import.meta.url)), ...args],
    { ...process.env, ...env },
  );
  const next = <T extends TargetReply['type']>(type: T) =>
    new Promise<Extract<TargetReply, { type: T }>>((resolve, reject) => {
      const onMessage = (reply: TargetReply) => {
        if (reply.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(reply as Extract<TargetReply, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`${file} exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = <T extends TargetReply['type']>(request: TargetRequest & { type: T }) => {
    const reply = next(request.type as T);
    child.send(request);
    return reply;
  };
  const { url } = await next('ready');
  return {
    url,
    pid: child.pid,
    memory: async () => (await ask({ type: 'memory' })).memory,
    persisted: async () => {
      const { count, cpuMs } = await ask({ type: 'persisted' });
      return { count, cpuMs };
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' } satisfies TargetRequest);
      }),
  };
}

async function measure<T>(name: 'relay' | 'conecta', run: (target: Target & { pid?: number }) => Promise<T>): Promise<T> {
  const profileArgs =
    profile && name === 'conecta' ? ['--cpu-prof', `--cpu-prof-dir=${fileURLToPath(new URL('./profiles/', import.meta.url))}`] : [];
  const conectaArgs = [String(options.agents), synchronous];
  const target =
    name === 'relay'
      ? await startTarget('./relay-target.ts', [])
      : nodes === 2
        ? await startCluster((env) => startTarget('./conecta-target.ts', conectaArgs, profileArgs, env))
        : await startTarget('./conecta-target.ts', conectaArgs, profileArgs);
  try {
    return await run(target);
  } finally {
    await target.stop();
  }
}

if (idleSockets > 0) {
  const idle: Partial<Record<'relay' | 'conecta', IdleResult>> = {};
  for (const name of ['relay', 'conecta'] as const) {
    idle[name] = await measure(name, (target) => runIdle(target, idleSockets));
    console.log(`${name}: ${JSON.stringify(idle[name], (_, value) => (typeof value === 'number' ? Math.round(value) : value))}`);
  }
  const mb = (value: number) => `${(value / 2 ** 20).toFixed(0)} MB`;
  const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
  const { relay, conecta } = idle as Record<'relay' | 'conecta', IdleResult>;
  console.log(`\n${idleSockets} idle visitor sockets asked for, from 127.0.0.2 and up`);
  console.log(`${'figure'.padEnd(42)}${'relay'.padStart(14)}${'conecta'.padStart(14)}${'ratio'.padStart(10)}`);
  const rows: [string, (r: IdleResult) => number, (value: number) => string][] = [
    ['sockets held', (r) => r.connected, String],
    ['open-file limit of the server', (r) => r.fileLimit ?? Number.NaN, String],
    ['memory per idle socket (rss)', (r) => r.rssPerSocket, kb],
    ['memory per idle socket (heap+external)', (r) => r.bytesPerSocket, kb],
    ['server rss, idle', (r) => r.idleRss, mb],
    [`server rss at ${idleSockets} (projected)`, (r) => r.emptyRss + r.rssPerSocket * idleSockets, mb],
  ];
  for (const [label, of, format] of rows) {
    console.log(
      `${label.padEnd(42)}${format(of(relay)).padStart(14)}${format(of(conecta)).padStart(14)}${`${(of(conecta) / of(relay)).toFixed(2)}×`.padStart(10)}`,
    );
  }
  for (const [name, result] of Object.entries(idle)) {
    if (result.connected >= idleSockets) continue;
    console.log(
      `${name} held ${result.connected} of ${idleSockets}: its open-file limit is ${result.fileLimit} (raising it was refused: see \`ulimit -Hn\`), ` +
        `and the benchmark tries only what fits under it; ${result.failed} refused (first: ${result.firstError ?? 'none'})`,
    );
  }
  console.log('targets: 50,000 idle visitor sockets within 1 GB; memory per idle socket ≤ 1.2× relay');
  process.exit(0);
}

const results: Record<'relay' | 'conecta', LoadResult[]> = { relay: [], conecta: [] };
for (let run = 1; run <= runs; run++) {
  for (const name of ['relay', 'conecta'] as const) {
    const result = await measure(name, (target) => runLoad(target, options));
    results[name].push(result);
    console.log(
      `run ${run} ${name}: ${JSON.stringify(result, (_, value) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value))}`,
    );
  }
}

const figure = (name: 'relay' | 'conecta', key: keyof LoadResult) => median(results[name].map((result) => result[key]));
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
const perSecond = (value: number) => `${Math.round(value)}/s`;
const rows: [string, keyof LoadResult, (value: number) => string][] = [
  ['latency p50', 'p50', ms],
  ['latency p95', 'p95', ms],
  ['latency p99', 'p99', ms],
  ['latency max', 'max', ms],
  ['memory per idle visitor (heap+external)', 'bytesPerVisitor', kb],
  ['memory per idle visitor (rss)', 'rssPerVisitor', kb],
  ['acknowledged messages (flood)', 'ackedPerSecond', perSecond],
  ['… per second of server CPU (flood)', 'ackedPerCpuSecond', perSecond],
];
console.log(
  `\n${options.visitors} visitors, ${options.agents} agents, ${options.rate} msg/s for ${options.seconds} s, flood ${options.floodSeconds} s, ` +
    (nodes === 2
      ? 'Conecta on two nodes (PostgreSQL + Redis; visitors on one, agents on the other)'
      : `Conecta on one node (SQLite, synchronous ${synchronous})`) +
    `; median of ${runs} run(s)`,
);
console.log(`${'figure'.padEnd(42)}${'relay'.padStart(14)}${'conecta'.padStart(14)}${'ratio'.padStart(10)}`);
for (const [label, key, format] of rows) {
  const relay = figure('relay', key);
  const conecta = figure('conecta', key);
  console.log(
    `${label.padEnd(42)}${format(relay).padStart(14)}${format(conecta).padStart(14)}${`${(conecta / relay).toFixed(2)}×`.padStart(10)}`,
  );
}
console.log(
  `${'persisted messages (flood)'.padEnd(42)}${'-'.padStart(14)}${perSecond(figure('conecta', 'persistedPerSecond')).padStart(14)}`,
);
const lost = (name: 'relay' | 'conecta') => results[name].reduce((sum, result) => sum + result.sent - result.delivered, 0);
console.log(
  `undelivered in the latency phase: relay ${lost('relay')}, conecta ${lost('conecta')}; refused or timed out: conecta ${results.conecta.reduce((sum, r) => sum + r.failed, 0)}`,
);
console.log('targets: p99 ≤ 10× relay, ≥ 5,000 persisted messages/s, memory per idle visitor ≤ 1.2× relay');
