// `npm run bench:load -- --idle=50000`: how many idle webchat visitor sockets one node holds, and
// its memory per socket, against the bare relay. The sockets come from client processes of their own
// (bench/load/idle-client.ts), each from its own loopback source address (127.0.0.2, .3, …): one
// address reaches a port of the server from at most ~28,000 ephemeral ports.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_CHANNEL_KEY } from './bench-company.js';
import type { IdleClientReply, IdleClientRequest } from './ipc.js';
import type { Target } from './load.js';
import { inBatches } from './stats.js';

/** Sockets per client process (and source address): under its own file limit and the ports of one address. */
const SOCKETS_PER_CLIENT = 10_000;
/** What the benchmark asks for each process it starts; a container may cap it lower (see `fileLimit`). */
export const FILE_LIMIT = 200_000;

export interface IdleResult {
  requested: number;
  connected: number;
  failed: number;
  firstError: string | null;
  /** The target's open-file limit as it ran: what it could hold at most, less its own files. */
  fileLimit: number | null;
  emptyRss: number;
  idleRss: number;
  /** Server memory per idle socket, bytes: resident, and heap + external. */
  rssPerSocket: number;
  bytesPerSocket: number;
}

/** `sh -c 'ulimit -n …; exec node …'`: Node cannot raise its own file limit. */
export function spawnWithFileLimit(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawn(
    'sh',
    ['-c', `ulimit -n ${FILE_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`, process.execPath, ...args],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env,
    },
  );
}

/** The soft open-file limit of a running process (Linux), or null where /proc does not tell. */
export function fileLimitOf(pid: number | undefined): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    return line ? Number(line.split(/\s{2,}/)[1]) : null;
  } catch {
    return null;
  }
}

function startClient(): { ask(request: IdleClientRequest): Promise<IdleClientReply>; close(): void } {
  const child = spawnWithFileLimit(['--import', 'tsx', fileURLToPath(new URL('./idle-client.ts', import.meta.url))]);
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        child.once('message', (reply: IdleClientReply) => resolve(reply));
        child.once('exit', (code) => reject(new Error(`idle client exited (${code})`)));
        child.send(request);
      }),
    close: () => child.send({ type: 'close' } satisfies IdleClientRequest),
  };
}

/** Files the target keeps beside its sockets' (its database, logs, reading its own memory): past them it fails, not refuses. */
const SPARE_FILES = 200;

/** Files a process has open (Linux), or 0 where /proc does not tell. */
function openFiles(pid: number | undefined): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

export async function runIdle(target: Target & { pid?: number }, requested: number): Promise<IdleResult> {
  const fileLimit = fileLimitOf(target.pid);
  // A socket is a file: what the limit leaves room for is all that is tried.
  const count = Math.min(requested, fileLimit === null ? requested : fileLimit - openFiles(target.pid) - SPARE_FILES);
  const tokens: string[] = new Array(count);
  await inBatches(tokens, 50, async (_, index) => {
    const response = await fetch(`${target.url}/api/webchat/${BENCH_CHANNEL_KEY}/visitors`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    tokens[index] = ((await response.json()) as { visitorToken: string }).visitorToken;
  });
  const empty = await target.memory();
  const url = `${target.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const clients = Array.from({ length: Math.ceil(count / SOCKETS_PER_CLIENT) }, startClient);
  try {
    // One address after the other: once the server holds no more, the next ones would only be refused.
    const replies: IdleClientReply[] = [];
    for (const [index, client] of clients.entries()) {
      const share = tokens.slice(index * SOCKETS_PER_CLIENT, (index + 1) * SOCKETS_PER_CLIENT);
      const reply = await client.ask({ type: 'open', url, tokens: share, localAddress: `127.0.0.${index + 2}` });
      replies.push(reply);
      if (reply.connected < share.length) break;
    }
    const connected = replies.reduce((sum, reply) => sum + reply.connected, 0);
    const idle = await target.memory();
    return {
      requested,
      connected,
      failed: replies.reduce((sum, reply) => sum + reply.failed, 0),
      firstError: replies.find((reply) => reply.firstError)?.firstError ?? null,
      fileLimit,
      emptyRss: empty.rss,
      idleRss: idle.rss,
      rssPerSocket: (idle.rss - empty.rss) / connected,
      bytesPerSocket: (idle.heapUsed + idle.external - empty.heapUsed - empty.external) / connected,
    };
  } finally {
    for (const client of clients) client.close();
  }
}
