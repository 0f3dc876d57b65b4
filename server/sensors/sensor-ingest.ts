import type { Kysely } from 'kysely';
import { plausibleValue, type SensorElement } from '../../shared/schemas/sensor-element';
import type { Reading } from '../../shared/schemas/sensor-reading';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';
import { insertReadings } from './reading-store';
import type { StationLive } from './station-live';

export interface IncomingReading {
  element: SensorElement;
  observedAt: number;
  value: number | null;
}

interface Pending {
  stationId: string;
  readings: Reading[];
  resolve: (stored: number) => void;
  reject: (error: unknown) => void;
}

/** How far ahead of the server's clock an observation time may be (an RTU clock a little fast) before it is refused. */
const MAX_FUTURE_MS = 10 * 60_000;

export interface SensorIngestOptions {
  db: Kysely<Database>;
  live: StationLive;
  clock: () => number;
  logger: Logger;
}

/**
 * Where both ingest paths (MQTT, SL 651) hand their readings. `accept` resolves once the readings are stored, so
 * the caller acknowledges (MQTT PUBACK, SL 651 confirmation) only what is on disk; messages arriving while a
 * transaction is written share the next one. Readings already stored are skipped and not counted again in the rainfall.
 */
export class SensorIngest {
  private queue: Pending[] = [];
  private scheduled = false;
  private draining: Promise<void> | null = null;
  readingsStored = 0;
  duplicatesIgnored = 0;
  futureRefused = 0;

  constructor(private readonly options: SensorIngestOptions) {}

  /** Stores one message's readings; resolves with how many were new. */
  accept(stationId: string, source: Reading['source'], incoming: readonly IncomingReading[]): Promise<number> {
    const now = this.options.clock();
    const readings: Reading[] = [];
    for (const r of incoming) {
      if (r.observedAt > now + MAX_FUTURE_MS) {
        this.futureRefused += 1;
        continue;
      }
      readings.push({ stationId, element: r.element, observedAt: r.observedAt, value: plausibleValue(r.element, r.value), source });
    }
    if (readings.length === 0) {
      this.options.live.heard(stationId, now);
      return Promise.resolve(0);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ stationId, readings, resolve, reject });
      if (!this.scheduled && !this.draining) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.drain();
        });
      }
    });
  }

  /** Stores everything queued, now (shutdown calls it). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.draining) await this.drain();
  }

  /**
   * Group commit: one transaction at a time holds everything that queued up while the previous one was being
   * written, so an idle ingest stores a message at once and a busy one in ever larger batches.
   */
  private drain(): Promise<void> {
    this.draining ??= (async () => {
      try {
        while (this.queue.length > 0) {
          const batch = this.queue;
          this.queue = [];
          await this.store(batch);
        }
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async store(batch: Pending[]): Promise<void> {
    const receivedAt = this.options.clock();
    let stored: Reading[];
    try {
      stored = await insertReadings(this.options.db, batch.flatMap((p) => p.readings), receivedAt);
    } catch (error) {
      this.options.logger.error({ err: error, messages: batch.length }, 'storing gauge readings failed');
      for (const pending of batch) pending.reject(error);
      return;
    }
    const fresh = new Set(stored);
    for (const pending of batch) {
      const mine = pending.readings.filter((r) => fresh.has(r));
      this.readingsStored += mine.length;
      this.duplicatesIgnored += pending.readings.length - mine.length;
      this.options.live.apply(pending.stationId, mine, receivedAt);
      pending.resolve(mine.length);
    }
  }
}
