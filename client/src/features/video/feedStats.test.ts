import { describe, expect, it } from 'vitest';
import { readInboundStats } from './feedStats';

const report = (over: Record<string, unknown>) =>
  new Map<string, Record<string, unknown>>([
    ['T1', { id: 'T1', type: 'transport', bytesReceived: 999_999 }],
    ['C1', { id: 'C1', type: 'codec', mimeType: 'video/VP8' }],
    ['IT1', { id: 'IT1', type: 'inbound-rtp', kind: 'video', codecId: 'C1', frameWidth: 640, frameHeight: 360, framesDecoded: 150, bytesReceived: 500_000, timestamp: 10_000, ...over }],
  ]);

describe('a tile’s picture statistics', () => {
  it('reads resolution and codec at once, and rates from the difference with the previous reading', () => {
    const first = readInboundStats(report({}), null);
    expect(first.stats).toEqual({ width: 640, height: 360, fps: null, kbps: null, codec: 'VP8' });
    const second = readInboundStats(report({ framesDecoded: 180, bytesReceived: 625_000, timestamp: 12_000 }), first.sample);
    expect(second.stats).toMatchObject({ fps: 15, kbps: 500 });
  });

  it('prefers the browser’s own frame rate when it reports one', () => {
    expect(readInboundStats(report({ framesPerSecond: 14.6 }), null).stats.fps).toBe(15);
  });

  it('reports nothing for a consumer that has no inbound video yet', () => {
    expect(readInboundStats(new Map([['T1', { id: 'T1', type: 'transport' }]]), null)).toEqual({
      stats: { width: null, height: null, fps: null, kbps: null, codec: null },
      sample: null,
    });
  });

  it('gives no rate across a counter reset (a new consumer)', () => {
    const first = readInboundStats(report({}), null);
    expect(readInboundStats(report({ bytesReceived: 1_000, framesDecoded: 3, timestamp: 12_000 }), first.sample).stats).toMatchObject({ kbps: null, fps: null });
  });
});
