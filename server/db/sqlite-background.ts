import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in the worker thread, on its own connection to the same database file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
// Only telemetry is written here: a killed process keeps what was committed, a power cut may lose the last second.
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -65536');
const statements = new Map();
const appendAll = (sql, rows) => {
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  for (const row of rows) statement.run(row);
};
const append = db.transaction(appendAll);
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); }
};
const timer = setInterval(checkpoint, workerData.checkpointEveryMs);
parentPort.on('message', (message) => {
  if (message.kind === 'append') {
    try {
      append.immediate(message.sql, message.rows);
      parentPort.postMessage({ id: message.id, ok: true });
    } catch (error) {
      parentPort.postMessage({ id: message.id, ok: false, error: String(error) });
    }
  } else if (message.kind === 'close') {
    clearInterval(timer);
    try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch {}
    db.close();
    parentPort.postMessage({ closed: true });
  }
});
`;

type Reply = { id?: number; ok?: boolean; error?: string; closed?: boolean };

/**
 * A second SQLite connection in a worker thread for the high-rate, low-value writes (position
 * history) and for WAL checkpoints. Both touch many pages; on the main connection they would hold
 * the event loop (better-sqlite3 is synchronous) and delay every push and request. State changes stay
 * on the main connection, fully synced; SQLite serialises the two writers with its own lock.
 */
export class SqliteBackground {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private closing: Promise<void> | null = null;

  constructor(file: string, onError: (message: string) => void, checkpointEveryMs = 1_000) {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, checkpointEveryMs, modulePath } });
    this.worker.on('message', (reply: Reply) => {
      if (reply.id === undefined) {
        if (reply.error) onError(reply.error);
        return;
      }
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiter?.resolve();
      else waiter?.reject(new Error(reply.error ?? 'background write failed'));
    });
    this.worker.on('error', (error) => {
      onError(String(error));
      this.failAll(error);
    });
    this.worker.on('exit', () => this.failAll(new Error('the background writer stopped')));
  }

  /** Runs one statement (with `?` placeholders) for every row, all in one transaction. */
  runForEachRow(sql: string, rows: unknown[][]): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the background writer is closed'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'append', id, sql, rows });
    });
  }

  /** Waits for queued writes, runs a last full checkpoint and stops the thread; idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timeout);
        void this.worker.terminate().then(() => resolve());
      };
      const timeout = setTimeout(finish, 10_000);
      this.worker.on('message', (reply: Reply) => reply.closed && finish());
      this.worker.once('exit', () => {
        clearTimeout(timeout);
        resolve();
      });
      this.worker.postMessage({ kind: 'close' });
    });
    return this.closing;
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
