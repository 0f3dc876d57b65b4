import { z } from 'zod';
import { CameraCreateSchema, CameraSchema, CameraUpdateSchema, CameraWithStatusSchema } from '../schemas/camera';
import { VideoRelaySignalSchema } from '../schemas/video-socket';
import { defineRoute } from './route';

/** The board reads cameras with their live state (secrets masked unless the reader is an admin); admins register them. */
export const CAMERA_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/cameras', answer: z.array(CameraWithStatusSchema), allow: 'watchBoard' }),
  create: defineRoute({ method: 'POST', path: '/cameras', body: CameraCreateSchema, answer: CameraSchema, allow: 'administer' }),
  update: defineRoute({ method: 'PATCH', path: '/cameras/:id', body: CameraUpdateSchema, answer: CameraSchema, allow: 'administer' }),
  remove: defineRoute({ method: 'DELETE', path: '/cameras/:id', answer: z.object({ removed: z.literal(true) }), allow: 'administer' }),
  /** Per-worker CPU and the relay's holdings, for operators and the benchmark; its shape follows mediasoup's. */
  relayStats: defineRoute({ method: 'GET', path: '/video/stats', answer: z.unknown(), allow: 'administer' }),
  /** Cluster mode: the media node answers the video requests other instances' sockets sent (server to server). */
  signal: defineRoute({ method: 'POST', path: '/video/signal', body: VideoRelaySignalSchema, answer: z.unknown(), allow: 'watchBoardOrOwnTeam' }),
};
