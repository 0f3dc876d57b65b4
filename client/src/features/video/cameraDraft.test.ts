import { describe, expect, it } from 'vitest';
import { CameraCreateSchema, type Camera } from '@shared/schemas/camera';
import { draftOf, inputOf, rtmpPushUrl } from './cameraDraft';

const camera = (over: Partial<Camera>): Camera => ({
  id: 'cam-1',
  name: '石浦渔港 1 号',
  kind: 'cctv',
  department: '交通局',
  location: { lat: 29.2, lon: 121.9 },
  source: { type: 'rtsp', url: 'rtsp://10.0.0.9/sub', codecPolicy: 'vp8' },
  teamId: null,
  updatedAt: '2025-08-01T00:00:00.000Z',
  ...over,
});

describe('the camera form', () => {
  it('turns an RTSP camera into a draft and back into what the server accepts', () => {
    const input = inputOf(draftOf(camera({})));
    expect(CameraCreateSchema.parse(input)).toEqual({
      name: '石浦渔港 1 号',
      kind: 'cctv',
      department: '交通局',
      location: { lat: 29.2, lon: 121.9 },
      source: { type: 'rtsp', url: 'rtsp://10.0.0.9/sub', codecPolicy: 'vp8' },
    });
  });

  it('sends an RTMP camera without port or key (the server assigns them) and a camera off the map without a location', () => {
    const draft = { ...draftOf(camera({ kind: 'drone', source: { type: 'rtmp', port: 19350, streamKey: 'abcdefgh12' } })), onMap: false };
    expect(draft.sourceType).toBe('rtmp');
    expect(CameraCreateSchema.parse(inputOf(draft))).toMatchObject({ kind: 'drone', location: null, source: { type: 'rtmp' } });
  });

  it('shows the push URL a drone is set up with, on the host the admin uses', () => {
    expect(rtmpPushUrl({ port: 19351, streamKey: 'Zk3_x-9aQw' }, '192.168.10.5')).toBe('rtmp://192.168.10.5:19351/live/Zk3_x-9aQw');
    expect(rtmpPushUrl({ port: 19351, streamKey: 'k' }, '[fd00::5]')).toBe('rtmp://[fd00::5]:19351/live/k');
  });
});
