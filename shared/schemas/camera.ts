import { z } from 'zod';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';
import { hasUrlSecrets, maskUrlSecrets } from './camera-secrets';
import { TeamIdSchema } from './team';

export const CAMERA_KINDS = ['cctv', 'drone', 'body_camera', 'deployable', 'field_tablet'] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];

export const CAMERA_STATES = ['offline', 'connecting', 'online', 'failed'] as const;
export type CameraState = (typeof CAMERA_STATES)[number];

/**
 * `h264_passthrough` relays H.264 as it comes when the browser can decode the profile (baseline, main,
 * constrained baseline) and transcodes to VP8 otherwise; `vp8` always transcodes.
 */
export const VIDEO_CODEC_POLICIES = ['h264_passthrough', 'vp8'] as const;

export const RtspSourceSchema = z
  .object({
    type: z.literal('rtsp'),
    url: z.string().max(1000).regex(/^rtsps?:\/\/[^\s]+$/, 'an rtsp:// or rtsps:// URL'),
    codecPolicy: z.enum(VIDEO_CODEC_POLICIES).default('h264_passthrough'),
  })
  .strict();

/** Drones and body cameras push RTMP to a port the server listens on for that camera. */
export const RtmpSourceSchema = z
  .object({
    type: z.literal('rtmp'),
    port: z.number().int().min(1).max(65_535),
    /** Null where the viewer may not see it: only admins get stream keys. */
    streamKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).nullable(),
  })
  .strict();

/** The RTMP application a camera pushes to; with the port and stream key it makes the push URL. */
export const RTMP_APP = 'live';

/** What an admin enters in a drone or body camera: `host` is the server's address as the camera reaches it. */
export const rtmpPushUrl = (host: string, source: { port: number; streamKey: string | null }): string => `rtmp://${host}:${source.port}/${RTMP_APP}/${source.streamKey}`;

/** Published from a field tablet's camera with WebRTC. */
export const WebRtcSourceSchema = z.object({ type: z.literal('webrtc') }).strict();

export const CameraSourceSchema = z.discriminatedUnion('type', [RtspSourceSchema, RtmpSourceSchema, WebRtcSourceSchema]);
export type CameraSource = z.infer<typeof CameraSourceSchema>;

export const CameraIdSchema = z.string().min(1).max(64);

export const CameraSchema = z.object({
  id: CameraIdSchema,
  name: z.string().min(1).max(80),
  kind: z.enum(CAMERA_KINDS),
  department: z.string().max(80),
  location: PointSchema.nullable(),
  source: CameraSourceSchema,
  teamId: TeamIdSchema.nullable(),
  updatedAt: InstantSchema,
});
export type Camera = z.infer<typeof CameraSchema>;

/** What an admin registers; RTMP ports and stream keys are assigned by the server. */
const CameraInputSourceSchema = z.discriminatedUnion('type', [RtspSourceSchema, z.object({ type: z.literal('rtmp') }).strict()]);
export const CameraCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(CAMERA_KINDS).exclude(['field_tablet']),
    department: z.string().trim().max(80).default(''),
    location: PointSchema.nullable().default(null),
    source: CameraInputSourceSchema,
  })
  .strict();
export type CameraCreate = z.input<typeof CameraCreateSchema>;
/** A create as the server holds it once parsed (defaults applied). */
export type CameraCreateInput = z.output<typeof CameraCreateSchema>;
export const CameraUpdateSchema = CameraCreateSchema.partial().strict();
export type CameraUpdate = z.input<typeof CameraUpdateSchema>;
export type CameraUpdateInput = z.output<typeof CameraUpdateSchema>;

/** The `reason` codes of a camera status (the UI words them); `null` when online or first connecting. */
export const CAMERA_STATUS_REASONS = [
  'source_unreachable', // the camera did not answer (refused, timed out, no route)
  'source_unauthorized', // the camera refused the credentials in the URL
  'source_not_found', // the camera has no stream at that path
  'unsupported_codec', // the stream's codec cannot be decoded
  'no_video', // the stream has no video
  'no_media', // connected, but no video arrived (or it stopped arriving)
  'ingest_exited', // the ingest process ended: the source dropped the stream
  'port_in_use', // an RTMP camera's port is taken by another program
  'awaiting_push', // an RTMP camera is not pushing
  'push_rejected', // something pushed to an RTMP camera's port with the wrong stream key
  'ffmpeg_missing', // FFMPEG_PATH (or ffprobe beside it) cannot be run
  'relay_unavailable', // the video relay is off or could not start
  'publisher_stopped', // a field tablet stopped publishing
] as const;
export type CameraStatusReason = (typeof CAMERA_STATUS_REASONS)[number];

/** Live state of a camera's feed: not an event (it flaps), pushed to board clients as it changes. */
export const CameraStatusSchema = z.object({
  cameraId: CameraIdSchema,
  state: z.enum(CAMERA_STATES),
  /** Why it failed or is offline, as a code the UI words (e.g. `source_unreachable`, `ingest_exited`). */
  reason: z.string().max(200).nullable(),
  /** The codec on the relay: `H264` when passed through, `VP8` when transcoded or published by a tablet. */
  codec: z.string().nullable(),
  since: InstantSchema,
});
export type CameraStatus = z.infer<typeof CameraStatusSchema>;

export const CameraWithStatusSchema = CameraSchema.extend({ status: CameraStatusSchema });
export type CameraWithStatus = z.infer<typeof CameraWithStatusSchema>;

export const CAMERA_EVENT_PAYLOADS = {
  'camera.registered': z.object({ camera: CameraSchema }),
  'camera.updated': z.object({ camera: CameraSchema }),
  'camera.removed': z.object({ cameraId: CameraIdSchema }),
} as const;

export { HIDDEN_SECRET } from './camera-secrets';

/**
 * A camera as screens other than the admin's see it, and as the event log keeps it: no credential in an RTSP
 * URL (user info, query or path parameters), no RTMP stream key (either would let anyone on the wall or desk
 * pull the camera or push a fake picture).
 */
export function withoutSecrets(camera: Camera): Camera {
  const { source } = camera;
  if (source.type === 'rtsp' && hasUrlSecrets(source.url)) return { ...camera, source: { ...source, url: maskUrlSecrets(source.url) } };
  if (source.type === 'rtmp' && source.streamKey !== null) return { ...camera, source: { ...source, streamKey: null } };
  return camera;
}

/** An update without secrets keeps the secrets already known for the same source (an admin's own copy). */
export function keepKnownSecrets(known: Camera | undefined, incoming: Camera): Camera {
  const [a, b] = [known?.source, incoming.source];
  if (a?.type === 'rtmp' && b.type === 'rtmp' && b.streamKey === null && a.port === b.port) return { ...incoming, source: { ...b, streamKey: a.streamKey } };
  if (a?.type === 'rtsp' && b.type === 'rtsp' && a.url !== b.url && maskUrlSecrets(a.url) === b.url) return { ...incoming, source: { ...b, url: a.url } };
  return incoming;
}
