import type { CameraStatusReason } from '../../../shared/schemas/camera';
import type { ProbedVideo } from './codec-choice';
import { ffprobeArgs } from './ffmpeg-args';
import { FfmpegProcess } from './ffmpeg-process';
import { failureReason } from './failure-reason';

export type ProbeResult = { ok: true; video: ProbedVideo } | { ok: false; reason: CameraStatusReason; detail: string };

interface FfprobeStream {
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  has_b_frames?: number;
}

/** Asks the camera what it sends (codec, H.264 profile, size) before deciding whether to transcode. */
export async function probeRtspVideo(ffprobe: string, url: string, timeoutMs: number, signal: AbortSignal): Promise<ProbeResult> {
  const run = new FfmpegProcess(ffprobe, ffprobeArgs(url), [], { captureStdout: true });
  const stop = () => void run.stop(500);
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), stop()), timeoutMs);
  signal.addEventListener('abort', stop, { once: true });
  const exit = await run.exited;
  clearTimeout(timer);
  signal.removeEventListener('abort', stop);
  if (timedOut) return { ok: false, reason: 'source_unreachable', detail: `no answer within ${timeoutMs} ms` };
  if (exit.code !== 0) {
    const reason = failureReason(exit, run.errorTail);
    return { ok: false, reason: reason === 'ingest_exited' ? 'source_unreachable' : reason, detail: run.errorTail };
  }
  let stream: FfprobeStream | undefined;
  try {
    stream = (JSON.parse(run.output) as { streams?: FfprobeStream[] }).streams?.[0];
  } catch {
    return { ok: false, reason: 'source_unreachable', detail: 'ffprobe printed no JSON' };
  }
  if (!stream) return { ok: false, reason: 'no_video', detail: 'the stream has no video' };
  if (!stream.codec_name || !stream.width || !stream.height) return { ok: false, reason: 'unsupported_codec', detail: `codec ${stream.codec_name ?? 'unknown'}` };
  return {
    ok: true,
    video: { codec: stream.codec_name, profile: stream.profile ?? null, width: stream.width, height: stream.height, hasBFrames: (stream.has_b_frames ?? 0) > 0 },
  };
}
