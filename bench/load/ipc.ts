/** The messages between bench/load/run.ts and the target it runs in a child process. */
export interface MemorySample {
  heapUsed: number;
  external: number;
  rss: number;
}
export type TargetRequest = { type: 'memory' } | { type: 'persisted' } | { type: 'stop' };
export type TargetReply = { type: 'ready'; url: string } | { type: 'memory'; memory: MemorySample } | { type: 'persisted'; count: number };
