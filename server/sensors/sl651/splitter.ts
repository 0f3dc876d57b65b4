import { CONTROL, decodeFrame, declaredLength, HEADER_LENGTH, type FrameFault, type Sl651Frame } from './frame';

const MARK = Buffer.from([0x7e, 0x7e]);

export type SplitterFault = FrameFault | 'truncated';

/**
 * Cuts a TCP byte stream into SL 651 frames. A corrupt frame (bad CRC, wrong length, a packet cut short, bytes
 * that are not a frame at all) is counted and skipped; the frames around it still come out. The buffer never
 * holds more than one maximum frame plus a chunk, so a misbehaving RTU cannot grow it.
 */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);
  readonly faults: Record<SplitterFault, number> = { 'bad-header': 0, 'bad-length': 0, 'bad-end': 0, 'bad-crc': 0, truncated: 0 };
  /** Bytes between frames that belonged to no frame. */
  garbageBytes = 0;

  push(chunk: Buffer): Sl651Frame[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Sl651Frame[] = [];
    for (;;) {
      const start = this.pending.indexOf(MARK);
      if (start < 0) {
        const keep = this.pending.at(-1) === 0x7e ? 1 : 0;
        this.garbageBytes += this.pending.length - keep;
        this.pending = this.pending.subarray(this.pending.length - keep);
        return frames;
      }
      this.garbageBytes += start;
      this.pending = this.pending.subarray(start);
      if (this.pending.length >= HEADER_LENGTH && !plausibleHeader(this.pending)) {
        // Not a frame start after all (noise ending in 7E before a real 7E 7E): one more garbage byte.
        this.garbageBytes += 1;
        this.pending = this.pending.subarray(1);
        continue;
      }
      const length = declaredLength(this.pending, 0);
      if (length === null || this.pending.length < length) {
        // A frame cut short is only noticed when a whole good frame has arrived after its start.
        const next = laterCompleteFrame(this.pending);
        if (next < 0) return frames;
        this.faults.truncated += 1;
        this.pending = this.pending.subarray(next);
        continue;
      }
      const decoded = decodeFrame(this.pending.subarray(0, length));
      if (!decoded.ok) {
        this.drop(decoded.fault);
        continue;
      }
      frames.push(decoded.frame);
      this.pending = this.pending.subarray(length);
    }
  }

  /** The connection closed: whatever is left was cut short. */
  finish(): void {
    if (this.pending.length >= MARK.length && this.pending.subarray(0, 2).equals(MARK)) this.faults.truncated += 1;
    else this.garbageBytes += this.pending.length;
    this.pending = Buffer.alloc(0);
  }

  get faultCount(): number {
    return Object.values(this.faults).reduce((sum, n) => sum + n, 0);
  }

  /** Counts the frame at the head as corrupt and resumes at the next 7E 7E inside it. */
  private drop(fault: SplitterFault): void {
    this.faults[fault] += 1;
    const next = this.pending.indexOf(MARK, 1);
    this.pending = next < 0 ? this.pending.subarray(this.pending.length - (this.pending.at(-1) === 0x7e ? 1 : 0)) : this.pending.subarray(next);
  }
}

function plausibleHeader(bytes: Buffer): boolean {
  const direction = bytes[11]! >> 4;
  const start = bytes[13]!;
  return (direction === 0 || direction === 8) && (start === CONTROL.STX || start === CONTROL.SYN);
}

function laterCompleteFrame(bytes: Buffer): number {
  for (let at = bytes.indexOf(MARK, 1); at >= 0; at = bytes.indexOf(MARK, at + 1)) {
    const length = declaredLength(bytes, at);
    if (length !== null && bytes.length - at >= length && decodeFrame(bytes.subarray(at, at + length)).ok) return at;
  }
  return -1;
}
