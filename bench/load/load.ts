// The load itself, the same against both targets: N webchat visitors on the lite socket (as
// <conecta-webchat> speaks), M agents on socket.io-client (as the desk does) each holding N/M sessions.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import NodeWebSocket from 'ws';
import { liteSocket } from '../../src/client/socket/lite-socket.js';
import type { ConectaSocket } from '../../src/client/socket/types.js';
import { COMMAND_EVENT } from '../../src/protocol/index.js';
import { BENCH_CHANNEL_KEY, BENCH_PASSWORD, BENCH_TEAM_ID, benchAgentEmail } from './bench-company.js';
import type { MemorySample } from './ipc.js';
import { inBatches, percentile } from './stats.js';

export interface LoadOptions {
  visitors: number;
  agents: number;
  /** Visitor messages per second, all visitors together, during the latency phase. */
  rate: number;
  seconds: number;
  /** How long every visitor sends its next message as soon as the last one is acknowledged. */
  floodSeconds: number;
}

export interface Target {
  /** Where visitors connect. */
  url: string;
  /** Where agents log in and connect: another node of the same cluster, or `url`. */
  agentUrl?: string;
  memory(): Promise<MemorySample>;
  /** Messages stored so far, and the target's CPU time so far. */
  persisted(): Promise<{ count: number; cpuMs: number }>;
}

export interface LoadResult {
  /** Server memory per idle visitor socket, bytes: heap + external, and resident. */
  bytesPerVisitor: number;
  rssPerVisitor: number;
  sent: number;
  delivered: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Messages acknowledged per second when sent as fast as acknowledged. */
  ackedPerSecond: number;
  /** Rows that reached the database per second in that phase (0 for the relay). */
  persistedPerSecond: number;
  /**
   * Acknowledged messages per second of the server's CPU time in that phase: what one core would
   * sustain, less sensitive than the rest to other work on a shared machine (the load generator's too).
   */
  ackedPerCpuSecond: number;
}

const ACK_TIMEOUT_MS = 30_000;
const SETTLE_MS = 2_000;
const command = (socket: ConectaSocket, name: string, payload: unknown) =>
  socket.timeout(ACK_TIMEOUT_MS).emitWithAck(COMMAND_EVENT, name, payload) as Promise<{ ok: boolean; error?: { code: string } }>;
async function ok(socket: ConectaSocket, name: string, payload: unknown): Promise<void> {
  const ack = await command(socket, name, payload);
  if (!ack.ok) throw new Error(`${name} answered ${ack.error?.code}`);
}

async function postJson(url: string, body: unknown): Promise<Record<string, string>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as Record<string, string>;
}

function connected(socket: ConectaSocket): Promise<ConectaSocket> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (error: Error) => reject(error));
  });
}

const bytes = (sample: MemorySample) => sample.heapUsed + sample.external;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLoad(target: Target, options: LoadOptions): Promise<LoadResult> {
  const { url } = target;
  // Tokens first: what is measured is the sockets, not what the server keeps of a visitor it issued a token to.
  const tokens: string[] = new Array(options.visitors);
  await inBatches(tokens, 50, async (_, index) => {
    tokens[index] = (await postJson(`${url}/api/webchat/${BENCH_CHANNEL_KEY}/visitors`, {})).visitorToken!;
  });
  const empty = await target.memory();
  const visitors: ConectaSocket[] = new Array(options.visitors);
  await inBatches(visitors, 50, async (_, index) => {
    const visitorToken = tokens[index];
    const socket = liteSocket(url, { auth: { visitorToken }, WebSocket: NodeWebSocket as unknown as typeof WebSocket });
    visitors[index] = await connected(socket);
  });
  const idle = await target.memory();

  const agents: ConectaSocket[] = new Array(options.agents);
  const agentUrl = target.agentUrl ?? url;
  await inBatches(agents, 10, async (_, index) => {
    const { token } = await postJson(`${agentUrl}/api/auth/login`, { email: benchAgentEmail(index), password: BENCH_PASSWORD });
    const socket = io(agentUrl, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    }) as unknown as ConectaSocket;
    agents[index] = await connected(socket);
  });

  // Every visitor starts a session; agent i takes the sessions of visitors i, i + M, i + 2M…
  const sessionIds = visitors.map(() => randomUUID());
  await inBatches(visitors, 20, (socket, index) =>
    ok(socket, 'webchat.start', { sessionId: sessionIds[index], name: `Visitante ${index}`, teamId: BENCH_TEAM_ID }),
  );
  await Promise.all(
    agents.map(async (agent, agentIndex) => {
      for (let index = agentIndex; index < visitors.length; index += agents.length) {
        await ok(agent, 'session.accept', { sessionId: sessionIds[index] });
      }
    }),
  );

  // What the setup set off (queue recounts, every desk told of each accept) is over before measuring.
  await delay(SETTLE_MS);

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const agent of agents) {
    agent.on('message.created', ({ message }: { message: { id: string } }) => {
      const at = sentAt.get(message.id);
      if (at === undefined) return;
      sentAt.delete(message.id);
      latencies.push(performance.now() - at);
    });
  }
  let failed = 0;
  let sent = 0;
  const send = (index: number) => {
    const id = randomUUID();
    sent++;
    sentAt.set(id, performance.now());
    return command(visitors[index]!, 'message.send', {
      id,
      sessionId: sessionIds[index],
      text: `Mensagem ${sent} do visitante ${index}`,
    }).then(
      (ack) => {
        if (!ack.ok) failed++;
        return ack.ok;
      },
      () => {
        failed++;
        return false;
      },
    );
  };

  // Latency: an open loop at the set rate (a slow server does not slow the senders down).
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = (performance.now() - start) / 1000;
      if (elapsed >= options.seconds) {
        clearInterval(tick);
        return resolve();
      }
      const due = Math.floor(elapsed * options.rate);
      while (sent < due) void send(sent % visitors.length);
    }, 5);
  });
  const sentInLoop = sent;
  for (let waited = 0; sentAt.size > 0 && waited < 10_000; waited += 50) await delay(50);
  const sorted = [...latencies].sort((a, b) => a - b);
  const delivered = latencies.length;

  // Throughput: a closed loop, every visitor sending again as soon as it is acknowledged.
  sentAt.clear();
  const before = await target.persisted();
  let acked = 0;
  const floodStart = performance.now();
  const floodEnd = floodStart + options.floodSeconds * 1000;
  await Promise.all(
    visitors.map(async (_, index) => {
      while (performance.now() < floodEnd) if (await send(index)) acked++;
    }),
  );
  const floodSeconds = (performance.now() - floodStart) / 1000;
  const after = await target.persisted();

  for (const socket of [...visitors, ...agents]) socket.disconnect();
  return {
    bytesPerVisitor: (bytes(idle) - bytes(empty)) / options.visitors,
    rssPerVisitor: (idle.rss - empty.rss) / options.visitors,
    sent: sentInLoop,
    delivered,
    failed,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    ackedPerSecond: acked / floodSeconds,
    persistedPerSecond: (after.count - before.count) / floodSeconds,
    ackedPerCpuSecond: acked / ((after.cpuMs - before.cpuMs) / 1000),
  };
}
