import type { Role } from '../../shared/enums';
import { VIDEO_REQUESTS } from '../../shared/schemas/video-socket';
import type { ParsedRequestOf, ResponseOf } from '../../shared/socket';
import type { Principal } from '../auth/principal';
import { forbidden } from '../errors';
import type { Logger } from '../logger';
import { onRequest } from '../realtime/request-handler';
import type { TidewatchSocket } from '../realtime/types';
import type { VideoService } from './video-service';

/** Who may watch: the command centre's screens. Field tablets only publish their own camera. */
const VIEWERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'wall'];
const EVERYONE: readonly Role[] = [...VIEWERS, 'field'];
const done = { done: true } as const;

export type VideoRequestName = keyof typeof VIDEO_REQUESTS;
export const VIDEO_REQUEST_NAMES = Object.keys(VIDEO_REQUESTS) as VideoRequestName[];

interface VideoRequestRule<K extends VideoRequestName> {
  roles: readonly Role[];
  run(video: VideoService, peerId: string, request: ParsedRequestOf<K>, principal: Principal): Promise<ResponseOf<K>>;
}

/** Each video request: who may send it and what the relay does with it, wherever the request arrived. */
export const VIDEO_SIGNALING: { [K in VideoRequestName]: VideoRequestRule<K> } = {
  'video:join': { roles: EVERYONE, run: async (video, peerId) => video.join(peerId) as never },
  'video:transport_create': {
    roles: EVERYONE,
    run: async (video, peerId, r, principal) => {
      if (r.direction === 'recv' && principal.role === 'field') throw forbidden('Field tablets publish their camera; they do not watch.');
      return video.createTransport(peerId, r.direction);
    },
  },
  'video:transport_connect': { roles: EVERYONE, run: async (video, peerId, r) => (await video.connectTransport(peerId, r.transportId, r.dtlsParameters), done) },
  'video:transport_close': { roles: EVERYONE, run: async (video, peerId, r) => (video.closeTransport(peerId, r.transportId), done) },
  'video:consume': { roles: VIEWERS, run: (video, peerId, r) => video.consume(peerId, r.transportId, r.cameraId, r.rtpCapabilities) },
  'video:consumer_pause': { roles: VIEWERS, run: async (video, peerId, r) => (await video.setConsumerPaused(peerId, r.consumerId, r.paused), done) },
  'video:consumer_close': { roles: VIEWERS, run: async (video, peerId, r) => (video.closeConsumer(peerId, r.consumerId), done) },
  'video:produce': { roles: ['field'], run: (video, peerId, r, principal) => video.produce(peerId, principal, r.transportId, r.rtpParameters) },
  'video:producer_close': { roles: ['field'], run: async (video, peerId, r) => (video.closeProducer(peerId, r.producerId), done) },
};

/** Where a socket's video requests are answered: by this instance's relay, or by the cluster's media node. */
export interface VideoSignaling {
  signal<K extends VideoRequestName>(socket: TidewatchSocket, name: K, request: ParsedRequestOf<K>, principal: Principal): Promise<ResponseOf<K>>;
  /** The socket is gone: its transports, consumers and producers go with it. */
  leave(socket: TidewatchSocket): void;
}

/** This instance runs the relay: peers are keyed by the id of the connection that joined. */
export const localSignaling = (video: VideoService): VideoSignaling => ({
  signal: (socket, name, request, principal) => VIDEO_SIGNALING[name].run(video, socket.id, request, principal),
  leave: (socket) => video.leave(socket.id),
});

export function registerVideoSocket(socket: TidewatchSocket, signaling: VideoSignaling, logger: Logger): void {
  for (const name of VIDEO_REQUEST_NAMES) {
    onRequest(socket, name, VIDEO_SIGNALING[name].roles, (request, principal) => signaling.signal(socket, name, request as never, principal) as never, logger);
  }
  // A browser that vanishes without a word still frees its transports once its socket is gone.
  socket.on('disconnect', () => signaling.leave(socket));
}
