import { FrameMeter } from './frame-meter';
import { HEIGHT, WIDTH, decodePattern, drawPattern } from './pattern';

/** Both paths send at most this much, so the relay and the loopback encode alike. */
export const MAX_BITRATE = 1_500_000;
const FPS = 30;

/** A canvas that shows the current time as the clock pattern, redrawn every animation frame, as a 30 fps track. */
export function clockTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  document.body.append(canvas);
  const ctx = canvas.getContext('2d')!;
  const draw = () => {
    drawPattern(ctx, Date.now());
    requestAnimationFrame(draw);
  };
  draw();
  const track = canvas.captureStream(FPS).getVideoTracks()[0];
  if (!track) throw new Error('canvas.captureStream gave no video track');
  return track;
}

/** A playing video element for a received track, with a meter reading each presented frame. */
export function meteredVideo(track: MediaStreamTrack): { video: HTMLVideoElement; meter: FrameMeter } {
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.width = WIDTH;
  video.height = HEIGHT;
  video.srcObject = new MediaStream([track]);
  document.body.append(video);
  void video.play().catch(() => undefined);
  return { video, meter: new FrameMeter(video) };
}

/** The pattern survives a round trip through a canvas here, before any codec is involved. */
export function patternSelfTest(): boolean {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const time = Date.now();
  drawPattern(ctx, time);
  const decoded = decodePattern(ctx.getImageData(0, 0, WIDTH, HEIGHT).data);
  ctx.fillStyle = '#888';
  ctx.fillRect(0, 0, WIDTH / 2, HEIGHT);
  const grey = decodePattern(ctx.getImageData(0, 0, WIDTH, HEIGHT).data);
  return decoded.ok && decoded.time === time && !grey.ok;
}
