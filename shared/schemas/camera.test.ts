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
    // Every form of embedded password, including one holding @ and /, comes back from the admin's own copy.
    for (const url of ['rtsp://admin:p@ss/w0rd@10.1.2.3/main', 'rtsp://10.1.2.3/live?user=admin&password=s3cret', 'rtsp://10.1.2.3/user=admin_password=tlJwpbo6_channel=1']) {
      const full = camera({ type: 'rtsp', url, codecPolicy: 'vp8' });
      expect(withoutSecrets(full).source).not.toMatchObject({ url: expect.stringMatching(/p@ss|s3cret|tlJwpbo6/) });
      expect(keepKnownSecrets(full, withoutSecrets(full)).source).toMatchObject({ url });
    }
  });
});
