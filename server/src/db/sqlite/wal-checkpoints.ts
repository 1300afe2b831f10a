import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** How often the WAL is copied into the database (and, then, fsynced). */
export const CHECKPOINT_EVERY_MS = 1_000;

/**
 * Runs the WAL checkpoints of `file` off the event loop, in a worker thread (docs/scaling.md): the
 * server's own connection never checkpoints while the timer keeps up (openSqlite sets its
 * autocheckpoint far out, as a backstop only).
 */
export class WalCheckpoints {
  readonly #worker: Worker;

  constructor(file: string, onError: (error: unknown) => void, everyMs = CHECKPOINT_EVERY_MS) {
    this.#worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), { workerData: { file, everyMs } });
    this.#worker.on('message', (message: { error?: string }) => message.error && onError(new Error(`WAL checkpoint: ${message.error}`)));
    this.#worker.on('error', onError);
    // A server that forgot to close must not be kept alive by its checkpoints.
    this.#worker.unref();
  }

  /** Stops the timer and closes the worker's connection; the last close of the database checkpoints what remains. */
  async stop(): Promise<void> {
    if (this.#worker.threadId === -1) return;
    const exited = once(this.#worker, 'exit');
    // Waited for: the process must not end (nor a test runner call it done) before the database is closed.
    this.#worker.ref();
    this.#worker.postMessage('stop');
    await exited;
  }
}
