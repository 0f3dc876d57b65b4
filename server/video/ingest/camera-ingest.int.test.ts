import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CameraStatus } from '../../../shared/schemas/camera';
import { eventually } from '../../testing/int-support';
import { FakeRtspCamera, type FakeCameraOptions } from '../../testing/fake-rtsp-camera';
import { decodeFromRouter } from '../../testing/rtp-decoder';
import { CameraStatusBoard } from '../camera-status-board';
import { MediaWorkerPool, recordedWorkerBin } from '../media-workers';
import { VideoRoom } from '../video-room';
import { CameraIngest, INGEST_TIMING } from './camera-ingest';

/** In one process, without the HTTP server: ingest → relay → a decoder, to prove what reaches viewers plays. */
const logger = pino({ level: 'silent' });
let pool: MediaWorkerPool;
let room: VideoRoom;
const pushed: CameraStatus[] = [];
const statuses = new CameraStatusBoard((status) => pushed.push(status), Date.now);
const cameras: FakeRtspCamera[] = [];
const ingests: CameraIngest[] = [];

beforeAll(async () => {
  pool = await MediaWorkerPool.start({ workerBin: recordedWorkerBin(), count: 1, rtcMinPort: 42_000, rtcMaxPort: 42_999, logger, onDied: () => undefined });
  room = await VideoRoom.create(pool.all, logger);
});
afterEach(async () => {
  await Promise.all(ingests.splice(0).map((i) => i.close()));
  await Promise.all(cameras.splice(0).map((c) => c.stop()));
});
afterAll(() => {
  room?.close();
  pool?.close();
});

async function ingestFrom(options: FakeCameraOptions, cameraId: string) {
  const camera = await FakeRtspCamera.start(options);
  cameras.push(camera);
  const ingest = new CameraIngest(cameraId, { type: 'rtsp', url: camera.url, codecPolicy: 'h264_passthrough' }, {
    room,
    statuses,
    ffmpegPath: 'ffmpeg',
    ffprobePath: 'ffprobe',
    rtmpListenIp: '127.0.0.1',
    logger,
    clock: Date.now,
    timing: INGEST_TIMING,
  });
  ingests.push(ingest);
  await eventually(() => statuses.get(cameraId).state === 'online', 20_000, `${cameraId} online`);
  return { camera, feed: room.feed(cameraId)! };
}

describe('what a camera ingest delivers to viewers', () => {
  it('passes a baseline camera through as H.264 that decodes from the stream alone', async () => {
    const { feed } = await ingestFrom({ profile: 'baseline', size: '640x360', credentials: { user: 'admin', password: 'Secret:9@x' } }, 'cam-baseline');
    expect(statuses.get('cam-baseline')).toMatchObject({ state: 'online', codec: 'H264' });
    expect(feed.producer.rtpParameters.codecs[0]).toMatchObject({ mimeType: 'video/H264', parameters: { 'profile-level-id': '42e01f' } });
    const decoded = await decodeFromRouter(feed.router, feed.producer, { frames: 25 });
    expect(decoded).toEqual({ codec: 'h264', width: 640, height: 360, frames: 25 });
  });

  it('transcodes a High profile camera to VP8, scaled down to 720 lines', async () => {
    const { feed } = await ingestFrom({ profile: 'high', size: '1280x960', fps: 15 }, 'cam-high');
    expect(statuses.get('cam-high')).toMatchObject({ state: 'online', codec: 'VP8' });
    const decoded = await decodeFromRouter(feed.router, feed.producer, { frames: 15 });
    expect(decoded).toEqual({ codec: 'vp8', width: 960, height: 720, frames: 15 });
  });

  it('closes the feed and its ffmpeg when the ingest is closed; closing twice is harmless', async () => {
    const { feed } = await ingestFrom({ profile: 'baseline' }, 'cam-close');
    const ingest = ingests[0]!;
    expect(ingest.ffmpegRunning).toBe(true);
    await Promise.all([ingest.close(), ingest.close()]);
    expect(ingest.ffmpegRunning).toBe(false);
    expect(feed.producer.closed).toBe(true);
    expect(room.feed('cam-close')).toBeUndefined();
  });
});
