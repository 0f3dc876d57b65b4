import { describe, expect, it } from 'vitest';
import { FrameSplitter } from './splitter';
import { frameBytes, PUBLIC_FRAMES } from './public-frames';

// Frames from public sources (see ./public-frames.ts), cut and corrupted the ways a GPRS link does it.

const good = [PUBLIC_FRAMES.keepAlive, PUBLIC_FRAMES.testReport, PUBLIC_FRAMES.keepAliveWith7E, PUBLIC_FRAMES.hourlyRiver].map(frameBytes);

function feed(splitter: FrameSplitter, stream: Buffer, chunkSize: number): string[] {
  const functions: string[] = [];
  for (let at = 0; at < stream.length; at += chunkSize) {
    for (const frame of splitter.push(stream.subarray(at, at + chunkSize))) functions.push(`${frame.station}:${frame.functionCode.toString(16)}`);
  }
  return functions;
}

const expected = ['0012345678:2f', '0012345678:30', '9876543210:2f', '0012345678:34'];

describe('FrameSplitter', () => {
  it('cuts a stream into frames whatever the chunk size, 7E inside a frame included', () => {
    for (const size of [1, 2, 7, 64, 4096]) {
      const splitter = new FrameSplitter();
      expect(feed(splitter, Buffer.concat(good), size)).toEqual(expected);
      expect(splitter.faultCount).toBe(0);
      expect(splitter.garbageBytes).toBe(0);
    }
  });

  it('skips garbage between frames and counts its bytes', () => {
    const noise = Buffer.from('AT+CSQ\r\n+CSQ: 23,0\r\n~~\x7e', 'latin1');
    const splitter = new FrameSplitter();
    expect(feed(splitter, Buffer.concat([noise, good[0]!, noise, good[1]!, good[2]!, noise, good[3]!]), 5)).toEqual(expected);
    expect(splitter.garbageBytes).toBe(noise.length * 3);
    expect(splitter.faultCount).toBe(0);
  });

  it('counts a bad CRC and keeps the frames around it', () => {
    const corrupt = Buffer.from(good[1]!);
    corrupt[40] = corrupt[40]! ^ 0xff;
    const splitter = new FrameSplitter();
    expect(feed(splitter, Buffer.concat([good[0]!, corrupt, good[2]!, good[3]!]), 3)).toEqual([expected[0], expected[2], expected[3]]);
    expect(splitter.faults['bad-crc']).toBe(1);
  });

  it('counts a frame whose length field lies (too short) and a truncated frame, and still delivers the next ones', () => {
    const lying = Buffer.from(good[1]!);
    lying[12] = lying[12]! - 4; // declares 4 bytes fewer than it carries
    const truncated = good[3]!.subarray(0, 40);
    const splitter = new FrameSplitter();
    const out = feed(splitter, Buffer.concat([lying, good[0]!, truncated, good[2]!]), 11);
    expect(out).toEqual([expected[0], expected[2]]);
    expect(splitter.faults['bad-end'] + splitter.faults['bad-crc'] + splitter.faults['bad-length']).toBe(1);
    expect(splitter.faults.truncated).toBe(1);
  });

  it('rejects a header that cannot be SL 651 at once instead of waiting for 4 KB it declares', () => {
    const bogus = Buffer.from('7E7E01001234567812342FFFFF99', 'hex');
    const splitter = new FrameSplitter();
    expect(feed(splitter, Buffer.concat([bogus, good[0]!]), 100)).toEqual([expected[0]]);
    expect(splitter.garbageBytes).toBe(bogus.length);
    expect(splitter.faultCount).toBe(0);
  });

  it('counts what is left when the connection closes mid-frame', () => {
    const splitter = new FrameSplitter();
    expect(feed(splitter, Buffer.concat([good[0]!, good[1]!.subarray(0, 30)]), 16)).toEqual([expected[0]]);
    splitter.finish();
    expect(splitter.faults.truncated).toBe(1);
  });

  it('never buffers more than a maximum frame of 7E 7E noise', () => {
    const splitter = new FrameSplitter();
    const noise = Buffer.alloc(50_000, 0x7e);
    splitter.push(noise);
    expect(feed(splitter, good[0]!, 9)).toEqual([expected[0]]);
  });
});
