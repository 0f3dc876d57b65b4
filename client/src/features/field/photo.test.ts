import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE } from '@shared/schemas/incident-record';
import { ENCODE_ATTEMPTS, MAX_PHOTO_EDGE, MAX_PHOTO_JPEG_BYTES, PhotoTooLargeError, decodedBytes, encodeWithinBudget, fitWithin } from './photo';

describe('fitWithin', () => {
  it('fits the longest edge to 1600 px keeping the aspect ratio, and never enlarges', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 10)).toEqual({ width: 1600, height: 2 });
  });

  it('sends even a 20000×20000 picture well inside what the server accepts', () => {
    const sent = fitWithin(20_000, 20_000);
    expect(sent).toEqual({ width: MAX_PHOTO_EDGE, height: MAX_PHOTO_EDGE });
    expect(sent.width * sent.height).toBeLessThan(MAX_PHOTO_PIXELS);
    expect(MAX_PHOTO_EDGE).toBeLessThan(MAX_PHOTO_SIDE);
    expect(MAX_PHOTO_JPEG_BYTES).toBeLessThan(MAX_PHOTO_BYTES);
  });
});

describe('decodedBytes', () => {
  it('counts the decoded bytes of base64 with and without padding', () => {
    expect(decodedBytes(btoa('abc'))).toBe(3);
    expect(decodedBytes(btoa('abcd'))).toBe(4);
    expect(decodedBytes(btoa('abcde'))).toBe(5);
  });
});

describe('encodeWithinBudget', () => {
  /** A fake encoder whose output size follows pixels × quality. */
  const fake = (fullBytes: number) => {
    const calls: Array<[number, number]> = [];
    const encode = async (scale: number, quality: number) => {
      calls.push([scale, quality]);
      const bytes = Math.round(fullBytes * scale * scale * quality);
      return 'A'.repeat(Math.ceil(bytes / 3) * 4);
    };
    return { calls, encode };
  };

  it('keeps the first encoding under the budget', async () => {
    const f = fake(1_000_000);
    const out = await encodeWithinBudget(f.encode);
    expect(f.calls).toEqual([[1, 0.85]]);
    expect(decodedBytes(out)).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  it('lowers the quality, then the size, until it fits', async () => {
    const f = fake(4_000_000);
    const out = await encodeWithinBudget(f.encode);
    expect(f.calls.length).toBeGreaterThan(3);
    expect(f.calls.at(-1)?.[0]).toBeLessThan(1);
    expect(decodedBytes(out)).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  it('gives up when nothing fits', async () => {
    const f = fake(80_000_000);
    await expect(encodeWithinBudget(f.encode)).rejects.toBeInstanceOf(PhotoTooLargeError);
    expect(f.calls).toHaveLength(ENCODE_ATTEMPTS.length);
  });
});
