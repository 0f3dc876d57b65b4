import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rtmpPushUrl, type Camera, type CameraStatus, type CameraWithStatus } from '../../shared/schemas/camera';
import { TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';
import { FakeRtspCamera } from '../testing/fake-rtsp-camera';
import { freePort, startServer, type ServerHandle } from '../testing/server-process';

const CAMERA_PASSWORD = 'Cam-Secret:42';

let server: ServerHandle;
let admin: ReturnType<typeof httpClient>;
let board: TestClient;
const pushed: CameraStatus[] = [];
let baseline: FakeRtspCamera;
let high: FakeRtspCamera;

/** The server's child processes by program name (ffmpeg, ffprobe), from /proc. */
function childrenOf(pid: number): Array<{ pid: number; name: string }> {
  const children: Array<{ pid: number; name: string }> = [];
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push({ pid: Number(entry), name });
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}
const ffmpegChildren = () => childrenOf(server.pid!).filter((c) => c.name === 'ffmpeg' || c.name === 'ffprobe');
const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

const statusOf = async (id: string) => dataOf(await admin.get<CameraWithStatus[]>('/api/cameras')).find((c) => c.id === id)?.status;
const waitForStatus = (id: string, accept: (s: CameraStatus) => boolean, what: string, timeoutMs = 20_000) =>
  eventually(async () => {
    const status = await statusOf(id);
    return status && accept(status) ? status : null;
  }, timeoutMs, what);

async function register(name: string, source: unknown): Promise<Camera> {
  return dataOf(await admin.post<Camera>('/api/cameras', { name, kind: 'cctv', department: '县公安局', source }));
}

beforeAll(async () => {
  const rtmpPort = await freePort();
  [baseline, high] = await Promise.all([
    FakeRtspCamera.start({ profile: 'baseline', credentials: { user: 'admin', password: CAMERA_PASSWORD } }),
    FakeRtspCamera.start({ profile: 'high' }),
  ]);
  server = await startServer({ env: { VIDEO_WORKERS: '1', VIDEO_LISTEN_IP: '127.0.0.1', VIDEO_RTMP_PORTS: `${rtmpPort}-${rtmpPort + 1}` } });
  const token = await login(server.baseUrl, 'admin', server.adminPassword);
  admin = httpClient(server.baseUrl, token);
  dataOf(await admin.post('/api/users', { username: 'wall', displayName: '指挥大厅大屏', role: 'wall', teamId: null, password: 'long-enough-password' }));
  board = new TestClient(server.baseUrl, await login(server.baseUrl, 'wall', 'long-enough-password'));
  board.socket.on('video:camera_status', (status) => pushed.push(status));
  await board.connected();
  await board.request('sync:hello', { lastSeq: null });
});
afterAll(async () => {
  board?.close();
  await server?.dispose();
  await Promise.all([baseline?.stop(), high?.stop()]);
});

describe('RTSP and RTMP cameras ingested into the relay', () => {
  it('shows a baseline camera online with its H.264 passed through, on the API and on board screens', async () => {
    const camera = await register('丹城十字路口', { type: 'rtsp', url: baseline.url, codecPolicy: 'h264_passthrough' });
    const online = await waitForStatus(camera.id, (s) => s.state === 'online', 'the baseline camera online');
    expect(online).toMatchObject({ state: 'online', codec: 'H264', reason: null });
    await eventually(() => pushed.find((s) => s.cameraId === camera.id && s.state === 'online'), 5_000, 'the online push');
    expect(pushed.filter((s) => s.cameraId === camera.id).map((s) => s.state)).toEqual(['connecting', 'online']);
    expect(baseline.playingClients).toBe(1);
    expect(dataOf(await admin.get<{ feeds: number }>('/api/video/stats')).feeds).toBe(1);
    expect(server.logs()).toContain(camera.id);
    expect(server.logs()).not.toContain(CAMERA_PASSWORD);
    expect(server.logs()).not.toContain(encodeURIComponent(CAMERA_PASSWORD));
  });

  it('marks a camera that dies as failed with a reason, and brings it back online when it returns', async () => {
    const [camera] = dataOf(await admin.get<CameraWithStatus[]>('/api/cameras'));
    pushed.length = 0;
    await baseline.stop();
    const failed = await waitForStatus(camera!.id, (s) => s.state === 'failed', 'the dead camera failed', 10_000);
    expect(['ingest_exited', 'source_unreachable', 'no_media']).toContain(failed.reason);
    await baseline.start();
    await waitForStatus(camera!.id, (s) => s.state === 'online', 'the camera back online', 40_000);
    const seen = pushed.filter((s) => s.cameraId === camera!.id);
    expect(seen[0]).toMatchObject({ state: 'failed' });
    expect(seen.at(-1)).toMatchObject({ state: 'online', codec: 'H264' });
  });

  it('transcodes a High profile camera to VP8, and restarts the ingest when its source changes', async () => {
    const camera = await register('石浦渔港', { type: 'rtsp', url: high.url });
    expect(await waitForStatus(camera.id, (s) => s.state === 'online', 'the High profile camera online')).toMatchObject({ codec: 'VP8' });
    expect(high.playingClients).toBe(1);

    dataOf(await admin.patch(`/api/cameras/${camera.id}`, { source: { type: 'rtsp', url: baseline.url } }));
    await waitForStatus(camera.id, (s) => s.state === 'online' && s.codec === 'H264', 'the camera online from its new source');
    expect(high.playingClients).toBe(0);
    expect(baseline.playingClients).toBe(2);
  });

  it('stops the ffmpeg and drops the feed when a camera is deleted', async () => {
    expect(ffmpegChildren().filter((c) => c.name === 'ffmpeg')).toHaveLength(2);
    for (const camera of dataOf(await admin.get<CameraWithStatus[]>('/api/cameras'))) dataOf(await admin.delete(`/api/cameras/${camera.id}`));
    await eventually(() => ffmpegChildren().length === 0, 5_000, 'no ffmpeg left');
    expect(dataOf(await admin.get('/api/video/stats'))).toMatchObject({ feeds: 0, ingest: { cameras: 0, ffmpegRunning: 0 } });
    await eventually(() => baseline.playingClients === 0, 5_000, 'the camera no longer pulled');
  });

  it('takes an RTMP push on the camera port and stream key, and waits for the next push after it ends', async () => {
    const camera = await register('无人机一号', { type: 'rtmp' });
    if (camera.source.type !== 'rtmp' || !camera.source.streamKey) throw new Error('expected an RTMP source with its key (admins see it)');
    await waitForStatus(camera.id, (s) => s.state === 'offline' && s.reason === 'awaiting_push', 'the RTMP camera awaiting a push');
    const pushUrl = rtmpPushUrl('127.0.0.1', camera.source);

    const wrongKey = keepPushing(pushUrl.replace(camera.source.streamKey, 'not-the-key-0000'));
    try {
      await waitForStatus(camera.id, (s) => s.state === 'failed' && s.reason === 'push_rejected', 'the wrong stream key refused', 10_000);
    } finally {
      wrongKey.stop();
    }

    const drone = keepPushing(pushUrl);
    try {
      expect(await waitForStatus(camera.id, (s) => s.state === 'online', 'the RTMP camera online', 30_000)).toMatchObject({ codec: 'VP8' });
    } finally {
      drone.stop();
    }
    await waitForStatus(camera.id, (s) => s.state === 'offline' && s.reason === 'awaiting_push', 'listening again after the push', 20_000);
    expect(ffmpegChildren().filter((c) => c.name === 'ffmpeg')).toHaveLength(1);
  });

  it('leaves no ffmpeg behind when the server stops, or crashes', async () => {
    await register('城东泵站', { type: 'rtsp', url: baseline.url });
    const cameras = dataOf(await admin.get<CameraWithStatus[]>('/api/cameras')).length;
    const allRunning = () => ffmpegChildren().filter((c) => c.name === 'ffmpeg').length === cameras;
    await eventually(allRunning, 20_000, 'every ingest running');
    const before = ffmpegChildren().map((c) => c.pid);
    await server.stop();
    expect(before.filter(alive)).toEqual([]);

    await server.restart();
    await eventually(allRunning, 20_000, 'every ingest running again');
    const again = ffmpegChildren().map((c) => c.pid);
    await server.kill();
    await eventually(() => again.filter(alive).length === 0, 5_000, 'the ingests of a crashed server gone');
  });
});

/** A drone pushing the test pattern, trying again (as drones do) while the server refuses. */
function keepPushing(url: string): { stop(): void } {
  let child: ChildProcess;
  let stopped = false;
  const start = () => {
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25',
      '-c:v', 'libx264', '-profile:v', 'high', '-preset', 'veryfast', '-tune', 'zerolatency', '-g', '25', '-pix_fmt', 'yuv420p', '-f', 'flv', url];
    child = spawn('ffmpeg', args, { stdio: 'ignore' });
    child.once('exit', () => !stopped && setTimeout(start, 300));
  };
  start();
  return {
    stop: () => {
      stopped = true;
      child.kill('SIGKILL');
    },
  };
}
