import { z } from 'zod';
import { CameraIdSchema, CameraStatusSchema } from './camera';

/*
 * WebRTC signaling for mediasoup over the existing socket. The shapes of mediasoup's own structures are
 * checked here only as far as Tidewatch relies on them; mediasoup validates the rest and a refusal comes
 * back as VALIDATION_FAILED.
 */
const MediaIdSchema = z.string().min(1).max(64);

const RtpCodecSchema = z.looseObject({
  mimeType: z.string().regex(/^(audio|video)\/[A-Za-z0-9.-]+$/),
  payloadType: z.number().int().min(0).max(127),
  clockRate: z.number().int().positive(),
});
export const RtpParametersSchema = z.looseObject({
  mid: z.string().max(32).optional(),
  codecs: z.array(RtpCodecSchema).min(1).max(16),
  encodings: z.array(z.looseObject({})).max(8).optional(),
  headerExtensions: z.array(z.looseObject({ uri: z.string(), id: z.number().int() })).max(32).optional(),
  rtcp: z.looseObject({}).optional(),
});

export const RtpCapabilitiesSchema = z.looseObject({
  codecs: z.array(z.looseObject({ mimeType: z.string(), kind: z.enum(['audio', 'video']), clockRate: z.number().int() })).max(64).optional(),
  headerExtensions: z.array(z.looseObject({ uri: z.string() })).max(64).optional(),
});

export const DtlsParametersSchema = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z.array(z.object({ algorithm: z.string().max(16), value: z.string().max(200) })).min(1).max(8),
});

export const VideoJoinResultSchema = z.object({ routerRtpCapabilities: RtpCapabilitiesSchema });

export const TransportCreateSchema = z.object({ direction: z.enum(['send', 'recv']) }).strict();
export const TransportOptionsSchema = z.object({
  id: MediaIdSchema,
  iceParameters: z.looseObject({}),
  iceCandidates: z.array(z.looseObject({})),
  dtlsParameters: DtlsParametersSchema,
});
export type TransportOptions = z.infer<typeof TransportOptionsSchema>;

export const TransportCloseSchema = z.object({ transportId: MediaIdSchema }).strict();
export const TransportConnectSchema = z.object({ transportId: MediaIdSchema, dtlsParameters: DtlsParametersSchema }).strict();

export const ConsumeRequestSchema = z
  .object({ transportId: MediaIdSchema, cameraId: CameraIdSchema, rtpCapabilities: RtpCapabilitiesSchema })
  .strict();
export const ConsumeResultSchema = z.object({
  consumerId: MediaIdSchema,
  producerId: MediaIdSchema,
  cameraId: CameraIdSchema,
  kind: z.enum(['audio', 'video']),
  rtpParameters: RtpParametersSchema,
});
export type ConsumeResult = z.infer<typeof ConsumeResultSchema>;

export const ConsumerPauseSchema = z.object({ consumerId: MediaIdSchema, paused: z.boolean() }).strict();
export const ConsumerCloseSchema = z.object({ consumerId: MediaIdSchema }).strict();

/** A field tablet publishes its own camera; the server files it under the tablet's team. */
export const ProduceRequestSchema = z
  .object({ transportId: MediaIdSchema, kind: z.literal('video'), rtpParameters: RtpParametersSchema })
  .strict();
export const ProduceResultSchema = z.object({ producerId: MediaIdSchema, cameraId: CameraIdSchema });
export const ProducerCloseSchema = z.object({ producerId: MediaIdSchema }).strict();

const Done = z.object({ done: z.literal(true) });

/** Spread into CLIENT_REQUESTS. */
export const VIDEO_REQUESTS = {
  'video:join': { request: z.object({}).strict(), response: VideoJoinResultSchema },
  'video:transport_create': { request: TransportCreateSchema, response: TransportOptionsSchema },
  'video:transport_connect': { request: TransportConnectSchema, response: Done },
  /** A transport whose ICE or DTLS failed: freed at once rather than when the socket goes. */
  'video:transport_close': { request: TransportCloseSchema, response: Done },
  'video:consume': { request: ConsumeRequestSchema, response: ConsumeResultSchema },
  'video:consumer_pause': { request: ConsumerPauseSchema, response: Done },
  'video:consumer_close': { request: ConsumerCloseSchema, response: Done },
  'video:produce': { request: ProduceRequestSchema, response: ProduceResultSchema },
  'video:producer_close': { request: ProducerCloseSchema, response: Done },
} as const;

const VIDEO_REQUEST_NAMES = Object.keys(VIDEO_REQUESTS) as [keyof typeof VIDEO_REQUESTS, ...Array<keyof typeof VIDEO_REQUESTS>];

/**
 * Cluster mode: a video request of a socket connected to an instance without the relay, forwarded to the media
 * node with the socket's session (`request` is checked there with the request's own schema). `video:leave`: the
 * socket is gone.
 */
export const VideoRelaySignalSchema = z.object({
  peerId: z.string().min(1).max(64),
  name: z.enum([...VIDEO_REQUEST_NAMES, 'video:leave']),
  request: z.unknown(),
});

/** Spread into SERVER_PUSHES. */
export const VIDEO_PUSHES = {
  'video:camera_status': CameraStatusSchema,
  /** The server closed a consumer because its source went away; the viewer waits for `online` and consumes again. */
  'video:consumer_closed': z.object({ consumerId: MediaIdSchema, cameraId: CameraIdSchema }),
} as const;
