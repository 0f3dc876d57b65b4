import type { StoredEvent } from './event-log';

export type EventListener = (stored: StoredEvent) => void;

/**
 * Delivers committed events to listeners strictly in seq order. Transactions commit in seq order,
 * but their post-commit continuations may run in any order, so an early arrival waits for the
 * events before it; if a hole persists (an event committed elsewhere), it is read back from the log.
 * In cluster mode another instance's commits are `announce`d (their seq only) and read back from the log at once.
 */
export class EventBus {
  private lastDelivered: number;
  private readonly waiting = new Map<number, StoredEvent>();
  private readonly listeners = new Set<EventListener>();
  private gapTimer: NodeJS.Timeout | null = null;
  /** The highest seq known to be committed (announced by another instance); read up to it. */
  private announced = 0;
  private filling: Promise<void> | null = null;
  private refill = false;
  private closed = false;

  constructor(
    startSeq: number,
    private readonly readRange: (fromSeq: number, toSeq: number) => Promise<StoredEvent[]>,
    private readonly onError: (error: unknown) => void,
    private readonly gapWaitMs = 250,
  ) {
    this.lastDelivered = startSeq;
  }

  get deliveredSeq(): number {
    return this.lastDelivered;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(stored: StoredEvent): void {
    if (stored.event.seq <= this.lastDelivered) return;
    this.waiting.set(stored.event.seq, stored);
    this.drain();
    if (this.waiting.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => void this.fillGap(), this.gapWaitMs);
    }
  }

  /** Tells the bus that every event up to `seq` is committed (a notification from another instance): reads what it lacks now. */
  announce(seq: number): void {
    if (seq <= this.lastDelivered || this.closed) return;
    this.announced = Math.max(this.announced, seq);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    void this.fillGap();
  }

  close(): void {
    this.closed = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.listeners.clear();
  }

  private drain(): void {
    for (let next = this.waiting.get(this.lastDelivered + 1); next; next = this.waiting.get(this.lastDelivered + 1)) {
      this.waiting.delete(next.event.seq);
      this.lastDelivered = next.event.seq;
      for (const listener of this.listeners) {
        try {
          listener(next);
        } catch (error) {
          this.onError(error);
        }
      }
    }
  }

  /** One read at a time; an announcement during a read asks for another read after it. */
  private fillGap(): Promise<void> {
    if (this.filling) {
      this.refill = true;
      return this.filling;
    }
    this.filling = (async () => {
      do {
        this.refill = false;
        await this.readMissing();
      } while (this.refill);
    })().finally(() => (this.filling = null));
    return this.filling;
  }

  private async readMissing(): Promise<void> {
    this.gapTimer = null;
    const firstWaiting = this.waiting.size > 0 ? Math.min(...this.waiting.keys()) : Infinity;
    const upTo = Math.max(this.announced, firstWaiting === Infinity ? 0 : firstWaiting - 1);
    if (upTo <= this.lastDelivered) return;
    try {
      const missing = await this.readRange(this.lastDelivered + 1, upTo);
      for (const stored of missing) if (stored.event.seq > this.lastDelivered) this.waiting.set(stored.event.seq, stored);
      this.drain();
    } catch (error) {
      this.onError(error);
    }
    if (this.closed) return;
    if ((this.waiting.size > 0 || this.announced > this.lastDelivered) && !this.gapTimer) this.gapTimer = setTimeout(() => void this.fillGap(), this.gapWaitMs);
  }
}
