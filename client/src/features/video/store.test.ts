import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Camera, CameraStatus, CameraWithStatus } from '@shared/schemas/camera';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { useVideoStore } from './store';

const at = (s: number) => new Date(Date.parse('2025-08-01T00:00:00.000Z') + s * 1000).toISOString();
const camera = (id: string, name: string, updatedAt = at(0)): Camera => ({
  id,
  name,
  kind: 'cctv',
  department: '',
  location: { lat: 29.4, lon: 121.9 },
  source: { type: 'rtsp', url: 'rtsp://cam/sub', codecPolicy: 'h264_passthrough' },
  teamId: null,
  updatedAt,
});
const status = (cameraId: string, state: CameraStatus['state'], s: number, reason: string | null = null): CameraStatus => ({ cameraId, state, reason, codec: null, since: at(s) });

describe('video store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  function synced() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10), positions: [] });
    return sync;
  }

  it('follows cameras registered, renamed and removed elsewhere, sorted by name', () => {
    const sync = synced();
    sync.receiveEvent(ev(11, 'camera.registered', { camera: camera('b', '乙 码头') }));
    sync.receiveEvent(ev(12, 'camera.registered', { camera: camera('a', '甲 大桥') }));
    sync.receiveEvent(ev(13, 'camera.updated', { camera: camera('b', '丙 码头', at(5)) }));
    const video = useVideoStore();
    expect(video.list.map((c) => c.name)).toEqual(['丙 码头', '甲 大桥']);
    sync.receiveEvent(ev(14, 'camera.removed', { cameraId: 'a' }));
    expect(video.list.map((c) => c.id)).toEqual(['b']);
  });

  it('keeps the newest state of a camera whichever way it arrived, and treats unknown cameras as offline', async () => {
    const video = useVideoStore();
    expect(video.statusOf('x').state).toBe('offline');
    video.applyStatus(status('b', 'online', 20));
    // A list fetched before that push answers after it.
    const listed: CameraWithStatus[] = [{ ...camera('b', '码头'), status: status('b', 'connecting', 10) }];
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: true, data: listed }), { status: 200 })));
    await video.load();
    expect(video.loaded).toBe(true);
    expect(video.statusOf('b').state).toBe('online');
    video.applyStatus(status('b', 'failed', 30, 'source_unreachable'));
    expect(video.statusOf('b')).toMatchObject({ state: 'failed', reason: 'source_unreachable' });
  });

  it('passes the relay’s consumer_closed to whoever listens, until they stop', () => {
    const video = useVideoStore();
    const heard: string[] = [];
    const stop = video.onConsumerClosed(({ consumerId }) => heard.push(consumerId));
    video.noteConsumerClosed({ consumerId: 'c1', cameraId: 'b' });
    stop();
    video.noteConsumerClosed({ consumerId: 'c2', cameraId: 'b' });
    expect(heard).toEqual(['c1']);
  });
});
