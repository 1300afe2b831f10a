// What both benchmark targets share: they run in a child process of bench/load/run.ts (so the load
// generator does not share their event loop), tell it their URL, and answer its questions over IPC.
import type { MemorySample, TargetReply, TargetRequest } from './ipc.js';

/** The target's own memory, after collecting garbage twice (the child runs with --expose-gc). */
function memory(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapUsed, external, rss };
}

/** Serves the parent's requests; `persisted` counts the messages stored so far (the relay stores none). */
export function serveParent(url: string, persisted: () => number | Promise<number>, close: () => Promise<void>): void {
  const reply = (message: TargetReply) => process.send!(message);
  process.on('message', (request: TargetRequest) => {
    if (request.type === 'memory') reply({ type: 'memory', memory: memory() });
    else if (request.type === 'persisted') {
      void Promise.resolve(persisted()).then((count) => {
        const { user, system } = process.cpuUsage();
        reply({ type: 'persisted', count, cpuMs: (user + system) / 1000 });
      });
    } else if (request.type === 'stop') void close().then(() => process.exit(0));
  });
  reply({ type: 'ready', url });
}
