import type { Camera } from '../../../shared/schemas/camera';
import type { DomainEvent } from '../../../shared/schemas/event';
import type { Logger } from '../../logger';
import type { CameraStatusBoard } from '../camera-status-board';
import type { VideoRoom } from '../video-room';
import { CameraIngest, INGEST_TIMING } from './camera-ingest';
import { ffprobeBeside } from './ffmpeg-args';
import { isIngestSource, sameSource } from './ingest-source';

export interface IngestManagerDeps {
  /** Null when the relay is off or could not start: cameras are then shown offline, `relay_unavailable`. */
  room: VideoRoom | null;
  statuses: CameraStatusBoard;
  ffmpegPath: string;
  rtmpListenIp: string;
  logger: Logger;
  clock: () => number;
}

/**
 * Keeps one CameraIngest running per registered RTSP or RTMP camera, following the registry's events:
 * started on registration, restarted when the source changes, stopped on removal. Changes are applied
 * one at a time, in order, so a quick register-then-remove never leaves an ffmpeg behind.
 */
export class IngestManager {
  private readonly ingests = new Map<string, CameraIngest>();
  private queue: Promise<void> = Promise.resolve();
  private closing: Promise<void> | null = null;

  constructor(private readonly deps: IngestManagerDeps) {}

  /** Starts ingesting the cameras registered now; events applied after arrive through `handle`. */
  load(list: () => Promise<Camera[]>): void {
    this.enqueue(async () => {
      for (const camera of await list()) await this.apply(camera);
    });
  }

  /** Events carry cameras without their secrets, so the camera is read back from the registry. */
  handle(event: DomainEvent, read: (cameraId: string) => Promise<Camera | null>): void {
    if (event.type === 'camera.registered' || event.type === 'camera.updated') {
      const { id } = event.payload.camera;
      this.enqueue(async () => {
        const camera = await read(id);
        await (camera ? this.apply(camera) : this.remove(id));
      });
    } else if (event.type === 'camera.removed') {
      const { cameraId } = event.payload;
      this.enqueue(() => this.remove(cameraId));
    }
  }

  stats(): { cameras: number; ffmpegRunning: number } {
    const ingests = [...this.ingests.values()];
    return { cameras: ingests.length, ffmpegRunning: ingests.filter((i) => i.ffmpegRunning).length };
  }

  /** Stops every ingest and its ffmpeg; idempotent. */
  close(): Promise<void> {
    this.closing ??= this.queue.then(() => Promise.all([...this.ingests.keys()].map((id) => this.stop(id)))).then(() => undefined);
    return this.closing;
  }

  private enqueue(change: () => Promise<void>): void {
    if (this.closing) return;
    this.queue = this.queue.then(change).catch((err: unknown) => this.deps.logger.error({ err }, 'applying a camera change to the ingest failed'));
  }

  private async apply(camera: Camera): Promise<void> {
    const { source } = camera;
    if (!isIngestSource(source)) return;
    const running = this.ingests.get(camera.id);
    if (running && sameSource(running.source, source)) return;
    if (running) await this.stop(camera.id);
    if (!this.deps.room) {
      this.deps.statuses.set(camera.id, 'offline', 'relay_unavailable');
      return;
    }
    const { room, statuses, ffmpegPath, rtmpListenIp, logger, clock } = this.deps;
    const deps = { room, statuses, ffmpegPath, ffprobePath: ffprobeBeside(ffmpegPath), rtmpListenIp, logger, clock, timing: INGEST_TIMING };
    this.ingests.set(camera.id, new CameraIngest(camera.id, source, deps));
  }

  private async remove(cameraId: string): Promise<void> {
    await this.stop(cameraId);
    this.deps.statuses.forget(cameraId);
  }

  private async stop(cameraId: string): Promise<void> {
    const ingest = this.ingests.get(cameraId);
    this.ingests.delete(cameraId);
    await ingest?.close();
  }
}
