import type { Sl651Frame } from './frame';

interface Partial {
  total: number;
  parts: Map<number, Buffer>;
  startedAt: number;
}

/**
 * Joins the packets of a multi-packet (SYN) message. Packets may arrive out of order and twice (an RTU
 * resends); the message comes out once all its packets are in. A message left incomplete for `maxAgeMs` is
 * dropped and counted, and at most `maxOpen` are kept per connection.
 */
export class PacketAssembler {
  private readonly open = new Map<string, Partial>();
  abandoned = 0;

  constructor(
    private readonly clock: () => number,
    private readonly maxAgeMs = 10 * 60_000,
    private readonly maxOpen = 8,
  ) {}

  /** The whole text once `frame` completes its message (a single-packet frame is complete at once). */
  add(frame: Sl651Frame): { body: Buffer; first: Buffer } | null {
    if (!frame.packet) return { body: frame.body, first: frame.body };
    this.expire();
    const key = `${frame.station}:${frame.functionCode}`;
    let partial = this.open.get(key);
    if (partial && partial.total !== frame.packet.total) {
      this.abandoned += 1;
      partial = undefined;
    }
    if (!partial) {
      if (this.open.size >= this.maxOpen) this.dropOldest();
      partial = { total: frame.packet.total, parts: new Map(), startedAt: this.clock() };
      this.open.set(key, partial);
    }
    partial.parts.set(frame.packet.index, frame.body);
    if (partial.parts.size < partial.total) return null;
    this.open.delete(key);
    const ordered = [...partial.parts.entries()].sort(([a], [b]) => a - b).map(([, body]) => body);
    return { body: Buffer.concat(ordered), first: ordered[0]! };
  }

  /** Packet numbers still missing per open message (for a NAK or a log line). */
  missing(): Array<{ key: string; missing: number[] }> {
    return [...this.open.entries()].map(([key, partial]) => ({
      key,
      missing: Array.from({ length: partial.total }, (_, i) => i + 1).filter((index) => !partial.parts.has(index)),
    }));
  }

  private expire(): void {
    const now = this.clock();
    for (const [key, partial] of this.open) {
      if (now - partial.startedAt > this.maxAgeMs) {
        this.open.delete(key);
        this.abandoned += 1;
      }
    }
  }

  private dropOldest(): void {
    const oldest = [...this.open.entries()].sort(([, a], [, b]) => a.startedAt - b.startedAt)[0];
    if (oldest) {
      this.open.delete(oldest[0]);
      this.abandoned += 1;
    }
  }
}
