import type { DomainEvent } from '@shared/schemas/event';
import type { LatestPosition } from '@shared/schemas/position';
import type { Snapshot, SyncHello, SyncResult } from '@shared/schemas/sync';

/** Where synchronised state goes; implemented by the store dispatcher. */
export interface SyncSink {
  /** Replace all state (a snapshot), including the latest positions. */
  reset(snapshot: Snapshot, positions: LatestPosition[]): void;
  apply(event: DomainEvent): void;
  positions(fixes: LatestPosition[]): void;
}

/**
 * The seq bookkeeping of the sync protocol, free of any socket so it can be tested:
 * - `lastSeq` lives only in memory, so a reload starts from a snapshot;
 * - while a hello is pending, pushes are buffered and replayed after the answer;
 * - an event is applied only if its seq is above `lastSeq`.
 * Seq gaps are normal (events are routed by audience), so they are not treated as loss.
 */
export class SyncSession {
  private seq: number | null = null;
  private pending = false;
  private bufferedEvents: DomainEvent[] = [];
  private bufferedPositions: LatestPosition[][] = [];

  constructor(private readonly sink: SyncSink) {}

  get lastSeq(): number | null {
    return this.seq;
  }

  get helloPending(): boolean {
    return this.pending;
  }

  beginHello(): SyncHello {
    this.pending = true;
    this.bufferedEvents = [];
    this.bufferedPositions = [];
    return { lastSeq: this.seq };
  }

  receiveEvent(event: DomainEvent): void {
    if (this.pending) this.bufferedEvents.push(event);
    else this.applyIfNew(event);
  }

  receivePositions(fixes: LatestPosition[]): void {
    if (this.pending) this.bufferedPositions.push(fixes);
    else this.sink.positions(fixes);
  }

  completeHello(result: SyncResult): void {
    if (result.mode === 'snapshot') {
      this.sink.reset(result.snapshot, result.positions);
      this.seq = result.snapshot.seq;
    } else {
      for (const event of bySeq(result.events)) this.applyIfNew(event);
      this.sink.positions(result.positions);
    }
    const events = this.bufferedEvents;
    const positions = this.bufferedPositions;
    this.pending = false;
    this.bufferedEvents = [];
    this.bufferedPositions = [];
    for (const event of bySeq(events)) this.applyIfNew(event);
    // The positions store keeps the newest fix per team, so replaying older batches is harmless.
    for (const batch of positions) this.sink.positions(batch);
  }

  /** The hello failed or the socket dropped; the next connect sends a new hello. */
  abortHello(): void {
    this.pending = false;
    this.bufferedEvents = [];
    this.bufferedPositions = [];
  }

  private applyIfNew(event: DomainEvent): void {
    if (this.seq !== null && event.seq <= this.seq) return;
    this.sink.apply(event);
    this.seq = event.seq;
  }
}

const bySeq = (events: DomainEvent[]) => [...events].sort((a, b) => a.seq - b.seq);
