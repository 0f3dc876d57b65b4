import { describe, expect, it } from 'vitest';
import { secondsWithoutFrame, tileCondition, type TileFacts } from './tileCondition';

const T0 = 1_750_000_000_000;
const live: TileFacts = { cameraId: 'cam-1', registered: true, state: 'online', ready: true, phase: 'live', liveSince: T0, lastFrameAt: T0 + 500, now: T0 + 1_000 };

describe('what a video tile tells the viewer', () => {
  it('shows the picture while frames keep coming, and warns once none came for 3 s', () => {
    expect(tileCondition(live)).toBe('live');
    expect(tileCondition({ ...live, now: T0 + 3_400 })).toBe('live');
    expect(tileCondition({ ...live, now: T0 + 3_500 })).toBe('stale');
    expect(secondsWithoutFrame({ ...live, now: T0 + 10_500 })).toBe(10);
  });

  it('counts a feed that went live but never showed a frame as loading, then stale', () => {
    const noFrame = { ...live, lastFrameAt: null };
    expect(tileCondition({ ...noFrame, now: T0 + 2_000 })).toBe('loading');
    expect(tileCondition({ ...noFrame, now: T0 + 3_000 })).toBe('stale');
  });

  it('measures from the newest of going live and the last frame (a feed consumed again starts afresh)', () => {
    expect(tileCondition({ ...live, liveSince: T0 + 10_000, lastFrameAt: T0, now: T0 + 11_000 })).toBe('live');
  });

  it('puts the camera’s own state before this screen’s connection and the picture', () => {
    expect(tileCondition({ ...live, state: 'offline', ready: false })).toBe('offline');
    expect(tileCondition({ ...live, state: 'failed' })).toBe('failed');
    expect(tileCondition({ ...live, state: 'connecting' })).toBe('connecting');
    expect(tileCondition({ ...live, ready: false })).toBe('no_connection');
    expect(tileCondition({ ...live, phase: 'paused' })).toBe('paused');
    expect(tileCondition({ ...live, phase: 'retrying' })).toBe('loading');
  });

  it('tells an empty tile, a removed camera and a registry not loaded yet apart', () => {
    expect(tileCondition({ ...live, cameraId: null })).toBe('empty');
    expect(tileCondition({ ...live, registered: false })).toBe('unknown');
    expect(tileCondition({ ...live, registered: null })).toBe('loading');
  });
});
