import { patternSelfTest } from './clock-video';
import type { FrameMeter, MeterReport } from './frame-meter';
import { loopbackClock } from './loopback';
import { publishClock, viewCamera } from './relay-pages';

/** What the bundle puts on `window.videoBench`, for the runner to drive with page.evaluate. */
export interface VideoBenchPage {
  patternSelfTest(): boolean;
  publish(token: string): Promise<{ cameraId: string }>;
  /** Starts viewing (relay or loopback) and resolves once a frame's pattern was read. */
  view(token: string, cameraId: string, firstFrameTimeoutMs: number): Promise<void>;
  loopback(firstFrameTimeoutMs: number): Promise<void>;
  startMeasuring(): void;
  stopMeasuring(): MeterReport;
}

let meter: FrameMeter | null = null;
const metering = () => {
  if (!meter) throw new Error('nothing is being viewed on this page');
  return meter;
};

const page: VideoBenchPage = {
  patternSelfTest,
  publish: publishClock,
  async view(token, cameraId, firstFrameTimeoutMs) {
    meter = await viewCamera(token, cameraId);
    await meter.firstFrame(firstFrameTimeoutMs);
  },
  async loopback(firstFrameTimeoutMs) {
    meter = await loopbackClock();
    await meter.firstFrame(firstFrameTimeoutMs);
  },
  startMeasuring: () => metering().start(),
  stopMeasuring: () => metering().stop(),
};

(window as unknown as { videoBench: VideoBenchPage }).videoBench = page;
