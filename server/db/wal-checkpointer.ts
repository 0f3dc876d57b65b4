import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs inside the worker thread: a second connection that copies the WAL into the database file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch {}
  db.close();
  parentPort.postMessage({ closed: true });
});
`;

/**
 * Checkpoints the SQLite WAL from a worker thread. SQLite otherwise checkpoints inside whichever
 * commit crosses the threshold, copying megabytes and syncing the database file on the event loop,
 * which stalls position pushes for hundreds of milliseconds under load. A PASSIVE checkpoint never
 * blocks the writer, so commits on the main connection stay short.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private closing: Promise<void> | null = null;

  constructor(file: string, everyMs: number, onError: (message: string) => void) {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs, modulePath } });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) onError(message.error);
    });
    this.worker.on('error', (error) => onError(String(error)));
    this.worker.unref();
  }

  /** Runs a last full checkpoint and stops the thread; idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const timeout = setTimeout(() => void this.worker.terminate().then(() => resolve()), 5_000);
      this.worker.once('message', () => {
        clearTimeout(timeout);
        void this.worker.terminate().then(() => resolve());
      });
      this.worker.once('exit', () => {
        clearTimeout(timeout);
        resolve();
      });
      this.worker.postMessage('close');
    });
    return this.closing;
  }
}
