import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack';
import type { Camera, CameraWithStatus } from '../../shared/schemas/camera';
import { setUpCounty, type County } from '../dispatch/int-support';
import { TestClient, dataOf, eventually, httpClient } from '../testing/int-support';
import { startServer, type ServerHandle } from '../testing/server-process';

interface RelayStats {
  peers: number;
  transports: number;
  consumers: number;
  workers: Array<{ pid: number }>;
}

const WHO = ['admin', 'commander', 'duty_officer', 'wall', 'field-0'] as const;
type Who = (typeof WHO)[number];
const VIEWERS: Who[] = ['admin', 'commander', 'duty_officer', 'wall'];
const FAKE_CAPS = { codecs: [{ mimeType: 'video/VP8', kind: 'video' as const, clockRate: 90_000 }] };

let server: ServerHandle;
let county: County;
const sockets = {} as Record<Who, TestClient>;
let rtspCamera: Camera;

const refusal = (code: string) => ({ ok: false, error: expect.objectContaining({ code, message: expect.any(String) }) });
const stats = async () => dataOf(await county.admin.get<RelayStats>('/api/video/stats'));

beforeAll(async () => {
  server = await startServer({ env: { VIDEO_ANNOUNCED_IP: '127.0.0.1', VIDEO_LISTEN_IP: '127.0.0.1' } });
  county = await setUpCounty(server, 1);
  for (const who of WHO) {
    sockets[who] = new TestClient(server.baseUrl, county.tokens[who]!);
    await sockets[who].connected();
  }
  // An RTSP source nobody serves: registered, never online.
  rtspCamera = dataOf(
    await county.admin.post<Camera>('/api/cameras', { name: '石浦渔港', kind: 'cctv', department: '公安', location: { lat: 29.2, lon: 121.95 }, source: { type: 'rtsp', url: 'rtsp://127.0.0.1:9/none' } }),
  );
});
afterAll(async () => {
  for (const s of Object.values(sockets)) s.close();
  await server?.dispose();
});

describe('video signaling', () => {
  it('runs one mediasoup worker per configured core and gives every role the router capabilities', async () => {
    expect((await stats()).workers.length).toBeGreaterThanOrEqual(1);
    for (const who of WHO) {
      const joined = await sockets[who].request('video:join', {});
      expect({ who, ok: joined.ok }).toEqual({ who, ok: true });
      if (joined.ok) expect(joined.data.routerRtpCapabilities.codecs?.map((c) => c.mimeType)).toContain('video/VP8');
    }
  });

  it('lets only the command centre’s screens watch, and only field tablets publish', async () => {
    for (const who of WHO) {
      const recv = await sockets[who].request('video:transport_create', { direction: 'recv' });
      if (VIEWERS.includes(who)) expect({ who, ok: recv.ok }).toEqual({ who, ok: true });
      else expect(recv).toEqual(refusal('FORBIDDEN'));
      const consume = await sockets[who].request('video:consume', { transportId: recv.ok ? recv.data.id : 'x', cameraId: rtspCamera.id, rtpCapabilities: FAKE_CAPS });
      if (!VIEWERS.includes(who)) expect({ who, consume }).toEqual({ who, consume: refusal('FORBIDDEN') });
    }
    for (const who of VIEWERS) {
      const produce = await sockets[who].request('video:produce', { transportId: 'x', kind: 'video', rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000 }] } });
      expect({ who, produce }).toEqual({ who, produce: refusal('FORBIDDEN') });
    }
  });

  it('keeps the camera registry to admins and the camera list to the board', async () => {
    const body = { name: '测试', kind: 'cctv', source: { type: 'rtsp', url: 'rtsp://127.0.0.1:9/x' } };
    for (const who of ['commander', 'duty_officer', 'wall', 'field-0'] as const) {
      expect((await httpClient(server.baseUrl, county.tokens[who]).post('/api/cameras', body)).status).toBe(403);
    }
    expect((await httpClient(server.baseUrl, county.tokens['field-0']).get('/api/cameras')).status).toBe(403);
    const listed = dataOf(await httpClient(server.baseUrl, county.tokens.wall).get<CameraWithStatus[]>('/api/cameras'));
    expect(listed.find((c) => c.id === rtspCamera.id)?.status.state).toMatch(/offline|connecting|failed/);
  });

  it('assigns an RTMP camera its own port and stream key', async () => {
    const a = dataOf(await county.admin.post<Camera>('/api/cameras', { name: '无人机1', kind: 'drone', source: { type: 'rtmp' } }));
    const b = dataOf(await county.admin.post<Camera>('/api/cameras', { name: '单兵2', kind: 'body_camera', source: { type: 'rtmp' } }));
    expect(a.source.type === 'rtmp' && b.source.type === 'rtmp' && a.source.port !== b.source.port && a.source.streamKey !== b.source.streamKey).toBe(true);
  });

  it('never shows a camera password or RTMP stream key to anyone but admins, nor keeps them in the event log', async () => {
    const wall = sockets.wall;
    expect((await wall.request('sync:hello', { lastSeq: null })).ok).toBe(true);
    const seenBefore = wall.events.length;
    const cam = dataOf(await county.admin.post<Camera>('/api/cameras', { name: '西周水库', kind: 'cctv', department: '水利', source: { type: 'rtsp', url: 'rtsp://admin:s3cret-pw@127.0.0.1:9/h264' } }));
    const drone = dataOf(await county.admin.post<Camera>('/api/cameras', { name: '无人机3', kind: 'drone', source: { type: 'rtmp' } }));
    const key = drone.source.type === 'rtmp' ? drone.source.streamKey : null;
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    const asSeenBy = async (who: 'admin' | 'duty_officer') => dataOf(await httpClient(server.baseUrl, county.tokens[who]).get<CameraWithStatus[]>('/api/cameras'));
    const officer = await asSeenBy('duty_officer');
    expect(officer.find((c) => c.id === cam.id)?.source).toMatchObject({ url: 'rtsp://admin:***@127.0.0.1:9/h264' });
    expect(officer.find((c) => c.id === drone.id)?.source).toMatchObject({ type: 'rtmp', streamKey: null });
    expect((await asSeenBy('admin')).find((c) => c.id === cam.id)?.source).toMatchObject({ url: 'rtsp://admin:s3cret-pw@127.0.0.1:9/h264' });
    await eventually(() => wall.events.length >= seenBefore + 2, 5_000, 'the registrations pushed to the wall');
    const pushed = JSON.stringify(wall.events.slice(seenBefore));
    expect(pushed).not.toContain('s3cret-pw');
    expect(pushed).not.toContain(key!);
    // Sent back with the password still hidden, the stored password stays; a new one replaces it.
    dataOf(await county.admin.patch(`/api/cameras/${cam.id}`, { name: '西周水库大坝', source: { type: 'rtsp', url: 'rtsp://admin:***@127.0.0.1:9/h264' } }));
    expect((await asSeenBy('admin')).find((c) => c.id === cam.id)?.source).toMatchObject({ url: 'rtsp://admin:s3cret-pw@127.0.0.1:9/h264' });
  });

  it('answers a camera without a picture CAMERA_OFFLINE, an unknown one NOT_FOUND and bad parameters VALIDATION_FAILED', async () => {
    const viewer = sockets.duty_officer;
    const recv = await viewer.request('video:transport_create', { direction: 'recv' });
    if (!recv.ok) throw new Error('no transport');
    expect(await viewer.request('video:consume', { transportId: recv.data.id, cameraId: rtspCamera.id, rtpCapabilities: FAKE_CAPS })).toEqual(refusal('CAMERA_OFFLINE'));
    expect(await viewer.request('video:consume', { transportId: recv.data.id, cameraId: 'cam-nope', rtpCapabilities: FAKE_CAPS })).toEqual(refusal('NOT_FOUND'));
    expect(await viewer.rawRequest('video:transport_connect', { transportId: recv.data.id, dtlsParameters: { fingerprints: [] } })).toEqual(refusal('VALIDATION_FAILED'));
    expect(await viewer.rawRequest('video:transport_create', { direction: 'sideways' })).toEqual(refusal('VALIDATION_FAILED'));
    expect(await viewer.request('video:transport_connect', { transportId: recv.data.id, dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-999', value: 'zz' }] } })).toEqual(
      refusal('VALIDATION_FAILED'),
    );
  });

  it('frees a viewer’s transports when its connection drops without a goodbye', async () => {
    const before = await stats();
    const viewer = new TestClient(server.baseUrl, county.tokens.commander!);
    await viewer.connected();
    expect((await viewer.request('video:join', {})).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect((await viewer.request('video:transport_create', { direction: 'recv' })).ok).toBe(true);
    expect((await stats()).transports).toBe(before.transports + 3);
    // A transport given up on (ICE failed) is closed at once; someone else's id is not found.
    const extra = await viewer.request('video:transport_create', { direction: 'recv' });
    if (!extra.ok) throw new Error('no transport');
    expect((await viewer.request('video:transport_close', { transportId: extra.data.id })).ok).toBe(true);
    expect(await viewer.request('video:transport_close', { transportId: extra.data.id })).toEqual(refusal('NOT_FOUND'));
    expect((await stats()).transports).toBe(before.transports + 3);
    // Cut the TCP connection under the socket, as a crashed browser or a pulled cable at the far end would.
    const engine = viewer.socket.io.engine as unknown as { transport: { ws: { _socket: { destroy(): void } } } };
    engine.transport.ws._socket.destroy();
    const after = await eventually(async () => {
      const s = await stats();
      return s.transports === before.transports && s.peers === before.peers ? s : null;
    }, 15_000, 'the dropped viewer’s transports to be freed');
    expect(after.transports).toBe(before.transports);
    viewer.close();
  });

  it('keeps serving after a request with a hostile payload', async () => {
    const answers = await Promise.all([
      sockets.wall.rawRequest('video:consume', null),
      sockets.wall.rawRequest('video:consume', { transportId: 'a'.repeat(10_000), cameraId: 1, rtpCapabilities: [] }),
      sockets.wall.rawRequest('video:consumer_pause', { consumerId: 'nope', paused: false }),
    ]);
    expect(answers.map((a: Ack<unknown>) => (a.ok ? 'ok' : a.error.code))).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED', 'NOT_FOUND']);
    expect((await sockets.wall.request('video:join', {})).ok).toBe(true);
  });
});
