import { backoffDelay, type BackoffRules } from '@shared/backoff';
import type { RequestOf } from '@shared/socket';
import { OUTBOX_FORMAT, upgradeStoredItem } from './format';
import { KINDS_WITHOUT_ACTION_ID, type OutboxBackend, type OutboxItem, type OutboxKind, type SendResult, type Sender } from './types';

export type { OutboxBackend, OutboxFailure, OutboxItem, OutboxKind, SendResult, Sender } from './types';
export { MemoryBackend } from './memoryBackend';
export { KINDS_WITHOUT_ACTION_ID } from './types';
export { OUTBOX_FORMAT } from './format';

/** Without a `retryDelay`: 1 s doubling to 30 s, unspread. */
const STEADY_BACKOFF: BackoffRules = { baseMs: 1_000, maxMs: 30_000, jitter: 0 };

export interface OutboxOptions {
  backend: OutboxBackend;
  owner: string;
  send: Sender;
  /** Every change of the waiting/failed lists (for a reactive mirror). */
  onChange?: (pending: OutboxItem[], failed: OutboxItem[]) => void;
  /** An item the server acknowledged, with its answer. */
  onSent?: (item: OutboxItem, data: unknown) => void;
  /** Delay before the next try after a retryable failure. */
  retryDelay?: (attempt: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  newId?: () => string;
  now?: () => number;
  /** Positions taken within this span of the item's first fix replace it instead of queueing another. */
  positionCoalesceMs?: number;
  /** At most this many positions wait; the oldest go first. */
  maxPositions?: number;
}

export const POSITION_COALESCE_MS = 30_000;
export const MAX_POSITIONS = 2_000;

/** Client-side error codes that mean "not now" rather than "never". */
const RETRYABLE = new Set(['OFFLINE', 'TIMEOUT', 'NETWORK_ERROR', 'INTERNAL', 'UNAUTHENTICATED', 'LOGIN_THROTTLED', 'WRITE_THROTTLED', 'RATE_LIMITED', 'CLIENT_OUTDATED', 'STORE_UNAVAILABLE']);
export const isRetryable = (code: string): boolean => RETRYABLE.has(code);

const sendOrder = (a: OutboxItem, b: OutboxItem) => Number(b.urgent) - Number(a.urgent) || a.order - b.order;
/** Plain data for IndexedDB's structured clone (no Vue proxies). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * A write-ahead queue of a tablet's actions. An item is persisted before `enqueue` resolves, sent one at
 * a time in order, and removed only once the server answered it. A retryable failure (offline, timeout)
 * stops the queue and retries the same item, with the same id, later or when `kick` is called; a refusal
 * marks the item failed and the queue moves on. The server dedupes by id, so a resend never applies twice.
 */
export class Outbox {
  private items = new Map<string, OutboxItem>();
  private nextOrder = 1;
  private flushing: Promise<void> | null = null;
  private again = false;
  /** A kick came while a send was out: a retryable failure of that send retries at once. */
  private kicked = false;
  private timer: unknown = null;
  private retryAttempt = 0;
  private closed = false;
  private inFlight: string | null = null;
  private readonly o: Required<Omit<OutboxOptions, 'onChange' | 'onSent'>> & Pick<OutboxOptions, 'onChange' | 'onSent'>;

  constructor(options: OutboxOptions) {
    this.o = {
      retryDelay: (n) => backoffDelay(n, STEADY_BACKOFF),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      newId: () => crypto.randomUUID(),
      now: Date.now,
      positionCoalesceMs: POSITION_COALESCE_MS,
      maxPositions: MAX_POSITIONS,
      ...options,
    };
  }

  /**
   * Loads what a previous page left behind, also items an older client wrote (upgraded to the current
   * format and stored again). Items of a newer client stay stored, unsent, for that client.
   */
  async open(): Promise<void> {
    const loaded: OutboxItem[] = [];
    for (const stored of await this.o.backend.loadAll(this.o.owner)) {
      const read = upgradeStoredItem(stored);
      if ('skip' in read) continue;
      if (read.upgraded) await this.o.backend.put(plain(read.item));
      loaded.push(read.item);
    }
    for (const item of loaded) this.items.set(item.id, item);
    this.nextOrder = Math.max(0, ...loaded.map((i) => i.order)) + 1;
    this.changed();
  }

  /** Waiting items in the order they will be sent. */
  pending(): OutboxItem[] {
    return [...this.items.values()].filter((i) => !i.failed).sort(sendOrder);
  }

  failed(): OutboxItem[] {
    return [...this.items.values()].filter((i) => i.failed).sort(sendOrder);
  }

  /** Queues an action; its `actionId` is the item id (for kinds that carry one). Resolves once it is stored. */
  async enqueue<K extends Exclude<OutboxKind, 'position:report'>>(
    kind: K,
    payload: Omit<RequestOf<K>, 'actionId'>,
    opts: { key?: string; urgent?: boolean } = {},
  ): Promise<OutboxItem<K>> {
    if (opts.key) {
      const existing = this.pending().find((i) => i.key === opts.key);
      if (existing) return existing as OutboxItem<K>;
    }
    const id = this.o.newId();
    const body = KINDS_WITHOUT_ACTION_ID.has(kind) ? payload : { ...payload, actionId: id };
    const item = this.create(kind, body as RequestOf<K>, id, opts);
    await this.store(item);
    if (item.urgent) void this.kick();
    else this.schedule();
    return item;
  }

  /** Queues a position; while the queue is backed up, fixes within the coalesce span replace the last one. */
  async enqueuePosition(fix: RequestOf<'position:report'>): Promise<OutboxItem<'position:report'>> {
    const tail = this.pending().at(-1);
    if (tail && tail.kind === 'position:report' && tail.id !== this.inFlight && !tail.urgent) {
      const from = tail.coalesceFrom ?? (tail.payload as RequestOf<'position:report'>).t;
      if (fix.t >= from && fix.t - from < this.o.positionCoalesceMs) {
        const merged: OutboxItem<'position:report'> = { ...(tail as OutboxItem<'position:report'>), payload: fix, coalesceFrom: from };
        await this.store(merged);
        this.schedule();
        return merged;
      }
    }
    const item = this.create('position:report', fix, this.o.newId(), {});
    item.coalesceFrom = fix.t;
    await this.store(item);
    await this.trimPositions();
    this.schedule();
    return item;
  }

  /** Try now (the connection came back): resets the backoff. */
  kick(): Promise<void> {
    this.retryAttempt = 0;
    this.cancelTimer();
    this.kicked = true;
    return this.flush();
  }

  /** Sends until the queue is empty or a retryable failure stops it. Concurrent calls share one run. */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.flushing) {
      // The running pass may already have looked at the queue: make it look again.
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.run();
      } while (this.again && !this.closed && this.timer === null);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Forgets a failed item (the user has seen why). */
  async dismiss(id: string): Promise<void> {
    const item = this.items.get(id);
    if (!item?.failed) return;
    this.items.delete(id);
    await this.o.backend.remove(id);
    this.changed();
  }

  /** Stops sending (logout); stored items stay for the same user's next session. */
  close(): void {
    this.closed = true;
    this.cancelTimer();
  }

  private async run(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const next = this.pending()[0];
      if (!next) return;
      this.inFlight = next.id;
      this.kicked = false;
      let result: SendResult;
      try {
        result = await this.o.send(next);
      } catch (e) {
        result = { ok: false, retry: true, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
      } finally {
        this.inFlight = null;
      }
      if (this.closed) return;
      const current = this.items.get(next.id) ?? next;
      if (result.ok) {
        this.retryAttempt = 0;
        this.items.delete(next.id);
        await this.o.backend.remove(next.id);
        this.changed();
        this.o.onSent?.(next, result.data);
        continue;
      }
      const tried: OutboxItem = { ...current, attempts: current.attempts + 1, lastError: result.code };
      if (!result.retry) {
        await this.store({ ...tried, failed: { code: result.code, message: result.message } });
        continue;
      }
      await this.store(tried);
      // A reconnect retries at once, but not past a throttle: the server said when.
      if (this.kicked && result.retryAfterMs === undefined) continue;
      this.retryLater(result.retryAfterMs ?? 0);
      return;
    }
  }

  private create<K extends OutboxKind>(kind: K, payload: RequestOf<K>, id: string, opts: { key?: string; urgent?: boolean }): OutboxItem<K> {
    return {
      format: OUTBOX_FORMAT,
      id,
      owner: this.o.owner,
      order: this.nextOrder++,
      kind,
      payload,
      urgent: opts.urgent ?? false,
      key: opts.key ?? null,
      createdAt: this.o.now(),
      attempts: 0,
      lastError: null,
      failed: null,
    };
  }

  private async store(item: OutboxItem): Promise<void> {
    const copy = plain(item);
    await this.o.backend.put(copy);
    this.items.set(copy.id, copy);
    this.changed();
  }

  private async trimPositions(): Promise<void> {
    const positions = this.pending().filter((i) => i.kind === 'position:report' && i.id !== this.inFlight);
    const excess = positions.length - this.o.maxPositions;
    for (const item of positions.slice(0, Math.max(0, excess))) {
      this.items.delete(item.id);
      await this.o.backend.remove(item.id);
    }
    if (excess > 0) this.changed();
  }

  /** New work: send soon (not synchronously, so a burst of enqueues goes out as one run). */
  private schedule(): void {
    if (this.timer === null) void Promise.resolve().then(() => this.flush());
  }

  private retryLater(atLeastMs: number): void {
    this.cancelTimer();
    const delay = Math.max(atLeastMs, this.o.retryDelay(this.retryAttempt++));
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
  }

  private changed(): void {
    this.o.onChange?.(this.pending(), this.failed());
  }
}
