import type { CameraSource } from '../../../shared/schemas/camera';

export type CodecPolicy = Extract<CameraSource, { type: 'rtsp' }>['codecPolicy'];

/** The video stream of a source, as ffprobe reports it. */
export interface ProbedVideo {
  /** ffmpeg's codec name: `h264`, `hevc`, `mjpeg`… */
  codec: string;
  /** ffmpeg's profile name: `Constrained Baseline`, `Main`, `High`…; null when unknown. */
  profile: string | null;
  width: number;
  height: number;
  hasBFrames: boolean;
}

/** What the relay gets from an ingest: H.264 as it came (in one of the router's profiles), or VP8 from ffmpeg. */
export type IngestCodec = { name: 'H264'; profileLevelId: string } | { name: 'VP8' };

/** H.264 profiles Chromium decodes, as the router's profile-level-ids (see ROUTER_CODECS). */
export const PASSTHROUGH_PROFILES: Readonly<Record<string, string>> = {
  'constrained baseline': '42e01f',
  baseline: '42001f',
  main: '4d001f',
};

/**
 * Passes H.264 through when the browser decodes its profile; transcodes everything else (High profile,
 * H.265, MJPEG) to VP8. B-frames are transcoded too: WebRTC assumes frames arrive in display order.
 */
export function chooseCodec(video: ProbedVideo, policy: CodecPolicy): IngestCodec {
  if (policy !== 'h264_passthrough' || video.codec !== 'h264' || video.hasBFrames) return { name: 'VP8' };
  const profileLevelId = PASSTHROUGH_PROFILES[(video.profile ?? '').toLowerCase()];
  return profileLevelId ? { name: 'H264', profileLevelId } : { name: 'VP8' };
}
