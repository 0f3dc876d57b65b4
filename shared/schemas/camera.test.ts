import { describe, expect, it } from 'vitest';
import { keepKnownSecrets, withoutSecrets, type Camera } from './camera';

const camera = (source: Camera['source']): Camera => ({ id: 'c1', name: '石浦', kind: 'cctv', department: '', location: null, source, teamId: null, updatedAt: '2026-09-01T00:00:00.000Z' });

describe('camera secrets', () => {
  it('hides RTSP passwords and RTMP stream keys, and leaves cameras without secrets alone', () => {
    expect(withoutSecrets(camera({ type: 'rtsp', url: 'rtsp://admin:Pa55@10.1.2.3:554/main', codecPolicy: 'vp8' })).source).toEqual({ type: 'rtsp', url: 'rtsp://admin:***@10.1.2.3:554/main', codecPolicy: 'vp8' });
    expect(withoutSecrets(camera({ type: 'rtmp', port: 19350, streamKey: 'abcdefgh12' })).source).toEqual({ type: 'rtmp', port: 19350, streamKey: null });
    const plain = camera({ type: 'rtsp', url: 'rtsp://10.1.2.3/main', codecPolicy: 'h264_passthrough' });
    expect(withoutSecrets(plain)).toBe(plain);
  });

  it('keeps the secrets an admin already holds when the same camera arrives without them', () => {
    const full = camera({ type: 'rtmp', port: 19350, streamKey: 'abcdefgh12' });
    expect(keepKnownSecrets(full, { ...withoutSecrets(full), name: '新名' })).toMatchObject({ name: '新名', source: { streamKey: 'abcdefgh12' } });
    const rtsp = camera({ type: 'rtsp', url: 'rtsp://admin:Pa55@10.1.2.3/main', codecPolicy: 'vp8' });
    expect(keepKnownSecrets(rtsp, withoutSecrets(rtsp)).source).toMatchObject({ url: 'rtsp://admin:Pa55@10.1.2.3/main' });
    // A different camera address is a different source: nothing is carried over.
    const moved = withoutSecrets(camera({ type: 'rtsp', url: 'rtsp://admin:x@10.9.9.9/main', codecPolicy: 'vp8' }));
    expect(keepKnownSecrets(rtsp, moved).source).toMatchObject({ url: 'rtsp://admin:***@10.9.9.9/main' });
  });
});
