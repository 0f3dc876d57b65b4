import type { StoredEvent } from './event-log';

export type EventListener = (stored: StoredEvent) => void;

/**
 * Delivers committed events to listeners strictly in seq order. Transactions commit in seq order,
 * but their post-commit continuations may run in any order, so an early arrival waits for the
 * events before it; if a hole persists (an event committed elsewhere), it is read back from the log.
 */
export class EventBus {
  private lastDelivered: number;
  private readonly waiting = new Map<number, StoredEvent>();
  private readonly listeners = new Set<EventListener>();
  private gapTimer: NodeJS.Timeout | null = null;

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

  close(): void {
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

  private async fillGap(): Promise<void> {
    this.gapTimer = null;
    if (this.waiting.size === 0) return;
    const firstWaiting = Math.min(...this.waiting.keys());
    try {
      const missing = await this.readRange(this.lastDelivered + 1, firstWaiting - 1);
      for (const stored of missing) this.waiting.set(stored.event.seq, stored);
      this.drain();
    } catch (error) {
      this.onError(error);
    }
    if (this.waiting.size > 0 && !this.gapTimer) this.gapTimer = setTimeout(() => void this.fillGap(), this.gapWaitMs);
  }
}
