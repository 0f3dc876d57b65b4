import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { killOnExit } from './cleanup';

/** What every camera stream declares and what the clip is encoded as: constrained baseline, level 3.1. */
export const CLIP_PROFILE_LEVEL_ID = '42e01f';
export const CLIP_PAYLOAD_TYPE = 102;
export const CLIP_KEYFRAME_INTERVAL_MS = 2_000;

const STDERR_TAIL_CHARS = 2_000;

function runFfmpeg(args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  killOnExit(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS)));
  return { child, stderr: () => stderr };
}

/**
 * Encodes a 1280×720 25 fps constrained-baseline H.264 clip once (a moving test card with a little noise,
 * so it needs its bitrate like a real scene), keyframe every 2 s, SPS/PPS before every keyframe.
 */
export async function encodeClip(dir: string, seconds: number, kbps: number): Promise<string> {
  const file = path.join(dir, 'camera-720p25.ts');
  const { child, stderr } = runFfmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25,noise=alls=8:allf=t`,
    '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'baseline', '-level', '3.1', '-pix_fmt', 'yuv420p',
    '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-bf', '0',
    '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`,
    '-x264-params', 'repeat-headers=1',
    '-f', 'mpegts', '-y', file,
  ]);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`encoding the test clip failed (ffmpeg exit ${code}): ${stderr()}`);
  return file;
}

/** An ffmpeg sending the clip in a loop at its own pace as RTP, copying the H.264 as it is. */
export class RtpSender {
  private constructor(
    private readonly run: { child: ChildProcess; stderr: () => string },
    readonly ssrc: number,
  ) {}

  static start(clip: string, rtpPort: number, rtcpPort: number, ssrc: number): RtpSender {
    const run = runFfmpeg([
      '-re', '-stream_loop', '-1', '-i', clip,
      '-an', '-c:v', 'copy', '-f', 'rtp', '-payload_type', String(CLIP_PAYLOAD_TYPE), '-ssrc', String(ssrc),
      `rtp://127.0.0.1:${rtpPort}?rtcpport=${rtcpPort}&pkt_size=1200`,
    ]);
    return new RtpSender(run, ssrc);
  }

  get pid(): number {
    const pid = this.run.child.pid;
    if (pid === undefined || this.run.child.exitCode !== null) throw new Error(`ffmpeg for ssrc ${this.ssrc} is not running: ${this.run.stderr()}`);
    return pid;
  }

  stop(): Promise<void> {
    const { child } = this.run;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
    });
  }
}
