import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera, CameraStatus, CameraWithStatus } from '../../shared/schemas/camera';
import { FakeRtspCamera } from '../testing/fake-rtsp-camera';
import { startHaproxy } from '../testing/haproxy';
import { TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';
import { clusterTestState } from '../testing/cluster-state';
import { freePort, startServer, type ServerHandle } from '../testing/server-process';

interface RelayStats {
  peers: number;
  consumers: number;
  ingest: { cameras: number };
}

/** The ffmpeg processes a server runs (one per ingested camera), from /proc. */
function ffmpegChildrenOf(pid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name === 'ffmpeg' && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) count++;
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}

/** A media node (VIDEO=on) and an instance without the relay that sends it its video requests (VIDEO_MEDIA_URL). */
describe('video in a cluster with one media node', () => {
  const state = clusterTestState('video');
  const cluster = state.env;
  let media: ServerHandle;
  let other: ServerHandle;
  let camera: FakeRtspCamera;
  let board: TestClient;
  const pushed: CameraStatus[] = [];

  beforeAll(async () => {
    const rtmpPort = await freePort();
    camera = await FakeRtspCamera.start({ profile: 'baseline' });
    media = await startServer({ env: { ...cluster, VIDEO: 'on', VIDEO_WORKERS: '1', VIDEO_LISTEN_IP: '127.0.0.1', VIDEO_ANNOUNCED_IP: '127.0.0.1', VIDEO_RTMP_PORTS: `${rtmpPort}-${rtmpPort + 1}` } });
    other = await startServer({ env: { ...cluster, VIDEO: 'off', VIDEO_MEDIA_URL: media.baseUrl } });
    const admin = httpClient(other.baseUrl, await login(other.baseUrl, 'admin', cluster.ADMIN_PASSWORD));
    dataOf(await admin.post('/api/users', { username: 'wall', displayName: '指挥大厅大屏', role: 'wall', teamId: null, password: 'long-enough-password' }));
    board = new TestClient(other.baseUrl, await login(other.baseUrl, 'wall', 'long-enough-password'));
    board.socket.on('video:camera_status', (status) => pushed.push(status));
    await board.connected();
    await board.request('sync:hello', { lastSeq: null });
  });
  afterAll(async () => {
    board?.close();
    await Promise.all([media?.dispose(), other?.dispose(), camera?.stop()]);
    await state.remove();
  });

  it('ingests a camera once, on the media node, and gives a board connected to the other instance its consumer parameters', async () => {
    const admin = httpClient(other.baseUrl, await login(other.baseUrl, 'admin', cluster.ADMIN_PASSWORD));
    const registered = dataOf(await admin.post<Camera>('/api/cameras', { name: '丹城十字路口', kind: 'cctv', department: '县公安局', source: { type: 'rtsp', url: camera.url, codecPolicy: 'h264_passthrough' } }));
    // The camera list asked of the instance without the relay carries the media node's live state.
    await eventually(async () => dataOf(await admin.get<CameraWithStatus[]>('/api/cameras')).find((c) => c.id === registered.id && c.status.state === 'online'), 30_000, 'the camera online');
    await eventually(() => pushed.find((s) => s.cameraId === registered.id && s.state === 'online'), 5_000, 'the online push on the board of the other instance');
    expect(pushed.filter((s) => s.cameraId === registered.id).map((s) => s.state)).toEqual(['connecting', 'online']);
    expect({ media: ffmpegChildrenOf(media.pid!), other: ffmpegChildrenOf(other.pid!) }).toEqual({ media: 1, other: 0 });

    const joined = await board.request('video:join', {});
    if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
    const transport = await board.request('video:transport_create', { direction: 'recv' });
    if (!transport.ok) throw new Error(`transport refused: ${transport.error.code}`);
    expect(transport.data.iceCandidates[0]).toMatchObject({ ip: '127.0.0.1' });
    const consumed = await board.request('video:consume', { transportId: transport.data.id, cameraId: registered.id, rtpCapabilities: joined.data.routerRtpCapabilities });
    expect(consumed).toMatchObject({ ok: true, data: { cameraId: registered.id, kind: 'video', rtpParameters: { codecs: expect.arrayContaining([expect.objectContaining({ mimeType: 'video/H264' })]) } } });
    // Refusals keep their code across the hop.
    expect(await board.request('video:consume', { transportId: transport.data.id, cameraId: 'cam-nope', rtpCapabilities: joined.data.routerRtpCapabilities })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const stats = async () => dataOf(await admin.get<RelayStats>('/api/video/stats'));
    expect(await stats()).toMatchObject({ peers: 1, consumers: 1, ingest: { cameras: 1 } });
    // The board goes away: the media node frees what it held for it.
    board.close();
    await eventually(async () => (await stats()).peers === 0, 10_000, 'the board’s peer freed on the media node');
  });

  it('refuses a signed-in user who names another connection’s video session', async () => {
    const viewer = new TestClient(other.baseUrl, await login(other.baseUrl, 'admin', cluster.ADMIN_PASSWORD));
    try {
      await viewer.connected();
      expect((await viewer.request('video:join', {})).ok).toBe(true);
      const stranger = httpClient(media.baseUrl, await login(media.baseUrl, 'wall', 'long-enough-password'));
      const hijack = await stranger.post('/api/video/signal', { peerId: viewer.socket.id, name: 'video:transport_create', request: { direction: 'recv' } });
      expect(hijack.status).toBe(403);
    } finally {
      viewer.close();
    }
  });

  it('behind HAProxy, refuses the media node’s forwarding route from outside while the instances still use it', async () => {
    const proxy = await startHaproxy(
      [media, other].map((server, n) => ({ name: `tidewatch-${n + 1}`, port: server.port, osmandPort: server.osmandPort })),
      { certDir: path.join(media.dataDir, 'tls') },
    );
    const viewer = new TestClient(proxy.httpUrl, await login(proxy.httpUrl, 'wall', 'long-enough-password'));
    try {
      const outside = httpClient(proxy.httpUrl, await login(proxy.httpUrl, 'wall', 'long-enough-password'));
      const body = { peerId: 'any', name: 'video:join', request: {} };
      // However Express would route it: any case, repeated or trailing slashes, a query.
      for (const route of ['/api/video/signal', '/API/Video/Signal/', '//api//video/signal', '/api/video/signal?x=1']) {
        const refused = await outside.post(route, body);
        expect({ route, status: refused.status, body: refused.body }).toMatchObject({ route, status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('instances of the cluster only') } } });
      }
      // Straight to the media node (as the instances call it) the route answers.
      expect((await httpClient(media.baseUrl, await login(media.baseUrl, 'wall', 'long-enough-password')).post('/api/video/signal', body)).status).toBe(200);
      // Every other route passes, and a board on the proxy still gets video (its instance forwards past HAProxy).
      expect((await outside.get('/api/cameras')).status).toBe(200);
      expect((await fetch(`${proxy.httpUrl}/health`)).status).toBe(200);
      await viewer.connected();
      expect(await viewer.request('video:join', {})).toMatchObject({ ok: true });
    } finally {
      viewer.close();
      await proxy.stop();
    }
  });
});
