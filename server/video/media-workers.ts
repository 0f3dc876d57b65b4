import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { types as ms } from 'mediasoup';
import type { Logger } from '../logger';

export type Mediasoup = typeof import('mediasoup');

export interface MediaWorkerOptions {
  workerBin: string | undefined;
  count: number;
  rtcMinPort: number;
  rtcMaxPort: number;
  logger: Logger;
  /** Called when a worker process dies; the room rebuilds on a fresh one. */
  onDied: (index: number) => void;
}

/** The worker that `scripts/setup.mjs` built or found, as it recorded beside the installed packages. */
export function recordedWorkerBin(): string | undefined {
  try {
    const nodeModules = path.resolve(path.dirname(createRequire(import.meta.url).resolve('mediasoup/package.json')), '..');
    const record = path.join(nodeModules, '.tidewatch-mediasoup-worker');
    const bin = existsSync(record) ? readFileSync(record, 'utf8').trim() : '';
    return bin && existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** mediasoup reads MEDIASOUP_WORKER_BIN once, when its module first loads, so it is set just before. */
export async function loadMediasoup(workerBin: string | undefined): Promise<Mediasoup> {
  if (workerBin) process.env.MEDIASOUP_WORKER_BIN = workerBin;
  return import('mediasoup');
}

/** One mediasoup worker (a C++ process) per core, each with its own slice of the RTC port range. */
export class MediaWorkerPool {
  private readonly workers: ms.Worker[] = [];
  private closed = false;

  private constructor(
    private readonly mediasoup: Mediasoup,
    private readonly options: MediaWorkerOptions,
  ) {}

  static async start(options: MediaWorkerOptions): Promise<MediaWorkerPool> {
    const pool = new MediaWorkerPool(await loadMediasoup(options.workerBin), options);
    for (let i = 0; i < options.count; i++) pool.workers.push(await pool.spawn(i));
    return pool;
  }

  get all(): readonly ms.Worker[] {
    return this.workers;
  }

  /** Replaces a dead worker with a new one on the same port slice. */
  async respawn(index: number): Promise<ms.Worker> {
    const worker = await this.spawn(index);
    this.workers[index] = worker;
    return worker;
  }

  private async spawn(index: number): Promise<ms.Worker> {
    const { rtcMinPort, rtcMaxPort, count, logger } = this.options;
    const slice = Math.floor((rtcMaxPort - rtcMinPort + 1) / count);
    const worker = await this.mediasoup.createWorker({
      logLevel: 'warn',
      rtcMinPort: rtcMinPort + index * slice,
      rtcMaxPort: rtcMinPort + (index + 1) * slice - 1,
    });
    worker.on('died', (error) => {
      if (this.closed) return;
      logger.error({ err: error, pid: worker.pid }, 'mediasoup worker died');
      this.options.onDied(index);
    });
    logger.info({ pid: worker.pid, index }, 'mediasoup worker started');
    return worker;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const worker of this.workers) worker.close();
  }
}

/**
 * What the relay routes. H.264 only in the profiles Chromium decodes (constrained baseline, baseline,
 * main); anything else is transcoded to VP8 before it reaches a router.
 */
export const ROUTER_CODECS: ms.RtpCodecCapability[] = [
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000, parameters: { 'x-google-start-bitrate': 1000 } },
  ...['42e01f', '42001f', '4d001f'].map(
    (profileLevelId): ms.RtpCodecCapability => ({
      kind: 'video',
      mimeType: 'video/H264',
      clockRate: 90_000,
      parameters: { 'packetization-mode': 1, 'profile-level-id': profileLevelId, 'level-asymmetry-allowed': 1 },
    }),
  ),
];
