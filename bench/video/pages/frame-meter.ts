import { HEIGHT, WIDTH, decodePattern, type Decoded } from './pattern';

export interface MeterReport {
  /** Date.now() when the frame was handed to the page minus the time drawn into it, ms, per decoded frame. */
  latencies: number[];
  /** Frames presented while measuring. */
  frames: number;
  /** Frames whose pattern could not be read, by reason; left out of the latencies. */
  undecodable: Record<Exclude<Decoded, { ok: true }>['reason'] | 'implausible', number>;
  /** The video's size when measuring stopped (the encoder may scale down under load). */
  videoSize: string;
  seconds: number;
}

/** A decoded time more than this far from the clock is a misread, not a latency. */
const PLAUSIBLE_MS = 10_000;

/**
 * Reads the clock pattern off every frame a video element presents (requestVideoFrameCallback) and
 * records how old the drawn time is. The pages share the browser's clock, so Date.now() compares directly.
 */
export class FrameMeter {
  private readonly ctx: CanvasRenderingContext2D;
  private report: MeterReport | null = null;
  private startedAt = 0;
  private decodedOnce = false;
  private firstDecoded: (() => void) | null = null;

  constructor(private readonly video: HTMLVideoElement) {
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    this.ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    video.requestVideoFrameCallback(() => this.onFrame());
  }

  /** Resolves once a frame's pattern has been read, so measuring starts on a flowing stream. */
  firstFrame(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.decodedOnce) return resolve();
      const timer = setTimeout(() => reject(new Error(`no readable frame within ${timeoutMs} ms`)), timeoutMs);
      this.firstDecoded = () => (clearTimeout(timer), resolve());
    });
  }

  start(): void {
    this.startedAt = performance.now();
    this.report = { latencies: [], frames: 0, undecodable: { contrast: 0, guard: 0, checksum: 0, implausible: 0 }, videoSize: '', seconds: 0 };
  }

  stop(): MeterReport {
    const report = this.report;
    if (!report) throw new Error('the meter was not started');
    this.report = null;
    return { ...report, videoSize: `${this.video.videoWidth}x${this.video.videoHeight}`, seconds: (performance.now() - this.startedAt) / 1000 };
  }

  private onFrame(): void {
    this.video.requestVideoFrameCallback(() => this.onFrame());
    this.ctx.drawImage(this.video, 0, 0, WIDTH, HEIGHT);
    const decoded = decodePattern(this.ctx.getImageData(0, 0, WIDTH, HEIGHT).data);
    const latency = decoded.ok ? Date.now() - decoded.time : Number.NaN;
    if (decoded.ok && !this.decodedOnce) {
      this.decodedOnce = true;
      this.firstDecoded?.();
    }
    const report = this.report;
    if (!report) return;
    report.frames++;
    if (!decoded.ok) report.undecodable[decoded.reason]++;
    else if (latency < 0 || latency > PLAUSIBLE_MS) report.undecodable.implausible++;
    else report.latencies.push(latency);
  }
}
