import { setTimeout as sleep } from 'node:timers/promises';
import type { CameraStatusReason } from '../../../shared/schemas/camera';
import type { Logger } from '../../logger';
import type { CameraStatusBoard } from '../camera-status-board';
import type { VideoRoom } from '../video-room';
import { chooseCodec, type IngestCodec } from './codec-choice';
import { rtmpListenArgs, rtspPullArgs, type RtpTarget } from './ffmpeg-args';
import { FfmpegProcess } from './ffmpeg-process';
import { failureReason } from './failure-reason';
import { probeRtspVideo } from './probe-source';
import { RetryBackoff, type RetryRules } from '../../../shared/backoff';
import { openRtpEndpoint, receivedBytes, type RtpEndpoint } from './rtp-endpoint';
import { maskUrlCredentials } from './secrets';
import type { IngestSource } from './ingest-source';

export interface IngestTiming {
  probeTimeoutMs: number;
  /** A pulled source that sends nothing this long after ffmpeg started has failed (`no_media`). */
  firstMediaTimeoutMs: number;
  /** An online feed that stops growing for this long has failed (`no_media`). */
  stallMs: number;
  pollMs: number;
  /** How long ffmpeg gets to finish after SIGTERM before SIGKILL. */
  stopGraceMs: number;
  backoff: RetryRules;
}

export const INGEST_TIMING: IngestTiming = {
  probeTimeoutMs: 10_000,
  firstMediaTimeoutMs: 15_000,
  stallMs: 10_000,
  pollMs: 500,
  stopGraceMs: 2_000,
  // 1 s doubling to 30 s, back to 1 s once a connection held for a minute; restarts need no spread.
  backoff: { baseMs: 1_000, maxMs: 30_000, jitter: 0, stableMs: 60_000 },
};

const RTMP_LISTEN_SETTLE_MS = 2_000;
const WRONG_STREAM_KEY = /Unexpected stream/;

export interface IngestDeps {
  room: VideoRoom;
  statuses: CameraStatusBoard;
  ffmpegPath: string;
  ffprobePath: string;
  /** The address RTMP cameras push to (VIDEO_LISTEN_IP). */
  rtmpListenIp: string;
  logger: Logger;
  clock: () => number;
  timing: IngestTiming;
}

/** How an attempt ended: the reason to show until the next one, and how long media had flowed. */
interface AttemptEnd {
  reason: CameraStatusReason;
  onlineForMs: number;
  detail?: string;
}

/**
 * One pulled (RTSP) or pushed (RTMP) camera's way into the relay, for as long as it is registered:
 * attempt after attempt of ffmpeg → PlainTransport → producer, with backoff between failures. Each
 * attempt owns its transport, producer, router share and ffmpeg, and frees all of them when it ends.
 */
export class CameraIngest {
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;
  private ffmpeg: FfmpegProcess | null = null;
  private readonly log: Logger;

  constructor(
    readonly cameraId: string,
    readonly source: IngestSource,
    private readonly deps: IngestDeps,
  ) {
    this.log = deps.logger.child({ cameraId, source: source.type === 'rtsp' ? maskUrlCredentials(source.url) : `rtmp:${source.port}` });
    this.done = this.run();
  }

  /** Whether an ffmpeg of this camera is running now. */
  get ffmpegRunning(): boolean {
    return this.ffmpeg?.running ?? false;
  }

  /** Stops the current attempt (ffmpeg killed, transport closed); idempotent. */
  close(): Promise<void> {
    this.abort.abort();
    return this.done;
  }

  private get closed(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    const backoff = new RetryBackoff(this.deps.timing.backoff);
    let lastReason: CameraStatusReason | null = null;
    while (!this.closed) {
      const end: AttemptEnd = await this.attempt(lastReason).catch((error: unknown): AttemptEnd => {
        this.log.error({ err: error }, 'camera ingest attempt failed');
        return { reason: 'relay_unavailable', onlineForMs: 0 };
      });
      if (this.closed) break;
      if (this.source.type === 'rtmp' && end.onlineForMs > 0) {
        // The push ended or stalled after delivering video (a drone landing): listen for the next one at once.
        lastReason = null;
        this.log.info({ reason: end.reason }, 'camera push ended');
        continue;
      }
      const delay = backoff.next(end.onlineForMs);
      lastReason = end.reason;
      this.deps.statuses.set(this.cameraId, 'failed', end.reason);
      this.log.warn({ reason: end.reason, detail: end.detail, retryInMs: delay }, 'camera feed failed');
      await sleep(delay, undefined, { signal: this.abort.signal }).catch(() => undefined);
    }
  }

  private async attempt(lastReason: CameraStatusReason | null): Promise<AttemptEnd> {
    const { deps, source } = this;
    let codec: IngestCodec = { name: 'VP8' };
    if (source.type === 'rtsp') {
      deps.statuses.set(this.cameraId, 'connecting', lastReason);
      const probe = await probeRtspVideo(deps.ffprobePath, source.url, deps.timing.probeTimeoutMs, this.abort.signal);
      if (!probe.ok) return { reason: probe.reason, onlineForMs: 0, detail: probe.detail };
      codec = chooseCodec(probe.video, source.codecPolicy);
      this.log.info({ probed: probe.video, codec: codec.name }, 'camera source probed');
    } else if (lastReason === null) {
      deps.statuses.set(this.cameraId, 'offline', 'awaiting_push');
    }
    if (this.closed) return { reason: 'ingest_exited', onlineForMs: 0 };

    const router = deps.room.takeRouter();
    let endpoint: RtpEndpoint | null = null;
    try {
      endpoint = await openRtpEndpoint(router, codec, this.cameraId);
      deps.room.addFeed({ cameraId: this.cameraId, producer: endpoint.producer, router, codec: codec.name });
      this.ffmpeg = this.spawnFfmpeg(codec, endpoint.target);
      return await this.watch(this.ffmpeg, endpoint, codec);
    } finally {
      endpoint?.close();
      deps.room.releaseRouter(router);
      await this.ffmpeg?.stop(deps.timing.stopGraceMs);
      this.ffmpeg = null;
    }
  }

  private spawnFfmpeg(codec: IngestCodec, target: RtpTarget): FfmpegProcess {
    const { source, deps } = this;
    if (source.type === 'rtsp') return new FfmpegProcess(deps.ffmpegPath, rtspPullArgs(source.url, codec, target), []);
    // ffmpeg's RTMP listener only warns about a push to another stream key, then takes it: refuse it here.
    const ffmpeg: FfmpegProcess = new FfmpegProcess(deps.ffmpegPath, rtmpListenArgs(deps.rtmpListenIp, source.port, source.streamKey, target), [source.streamKey], {
      onStderr: (tail) => WRONG_STREAM_KEY.test(tail) && ffmpeg.kill(),
    });
    return ffmpeg;
  }

  /** Online once RTP arrives; ends when ffmpeg exits, the feed stalls, or the ingest closes. */
  private async watch(ffmpeg: FfmpegProcess, endpoint: RtpEndpoint, codec: IngestCodec): Promise<AttemptEnd> {
    const { clock, timing, statuses } = this.deps;
    const startedAt = clock();
    let onlineAt: number | null = null;
    let bytes = 0;
    let grewAt = startedAt;
    let listening = false;
    const onlineFor = () => (onlineAt === null ? 0 : clock() - onlineAt);
    // A pushed camera may stay silent for hours: only a pulled one has to deliver soon after connecting.
    const firstMediaTimeoutMs = this.source.type === 'rtsp' ? timing.firstMediaTimeoutMs : Infinity;

    for (;;) {
      // Polled rather than raced against `exited`: racing a promise that lives for days piles reactions onto it.
      await sleep(timing.pollMs, undefined, { signal: this.abort.signal }).catch(() => undefined);
      if (this.closed) return { reason: 'ingest_exited', onlineForMs: onlineFor() };
      if (!ffmpeg.running) {
        const reason = failureReason(await ffmpeg.exited, ffmpeg.errorTail);
        return { reason, onlineForMs: onlineFor(), detail: ffmpeg.errorTail.slice(-500) };
      }
      if (endpoint.producer.closed) return { reason: 'relay_unavailable', onlineForMs: onlineFor() };
      const now = clock();
      const received = await receivedBytes(endpoint.producer);
      if (received > bytes && !WRONG_STREAM_KEY.test(ffmpeg.errorTail)) {
        bytes = received;
        grewAt = now;
        if (onlineAt === null) {
          onlineAt = now;
          statuses.set(this.cameraId, 'online', null, codec.name);
          this.log.info({ codec: codec.name, pid: ffmpeg.pid }, 'camera online');
        }
      } else if (onlineAt !== null ? now - grewAt > timing.stallMs : now - startedAt > firstMediaTimeoutMs) {
        return { reason: 'no_media', onlineForMs: onlineFor() };
      } else if (this.source.type === 'rtmp' && onlineAt === null && !listening && now - startedAt >= RTMP_LISTEN_SETTLE_MS) {
        // ffmpeg has held the port this long without failing: it is listening, whatever failed before.
        listening = true;
        statuses.set(this.cameraId, 'offline', 'awaiting_push');
      }
    }
  }
}
