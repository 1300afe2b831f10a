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
