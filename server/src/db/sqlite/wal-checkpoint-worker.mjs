// The WAL checkpoint, on a timer, in a worker thread with its own connection (wal-checkpoints.ts):
// a checkpoint's fsyncs take milliseconds, and on the main thread every message waited behind them.
// Plain JavaScript: a worker does not inherit the TypeScript loader the server runs under.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.file);
const checkpoint = () => {
  try {
    // PASSIVE: copies what no reader still needs, never waits for a lock, never blocks the writer.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
