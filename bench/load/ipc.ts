/** The messages between bench/load/run.ts and the target it runs in a child process. */
export interface MemorySample {
  heapUsed: number;
  external: number;
  rss: number;
}
export type TargetRequest = { type: 'memory' } | { type: 'persisted' } | { type: 'stop' };
/** `cpuMs`: the target's CPU time so far (user + system, all its threads): what the work cost whatever else the machine runs. */
export type TargetReply =
  { type: 'ready'; url: string } | { type: 'memory'; memory: MemorySample } | { type: 'persisted'; count: number; cpuMs: number };

/** The idle-socket benchmark (bench/load/idle.ts) and its client processes (bench/load/idle-client.ts). */
export type IdleClientRequest = { type: 'open'; url: string; tokens: string[]; localAddress: string } | { type: 'close' };
export type IdleClientReply = { type: 'opened'; connected: number; failed: number; firstError: string | null };
