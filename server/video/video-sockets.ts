import type { Role } from '../../shared/enums';
import { forbidden } from '../errors';
import type { Logger } from '../logger';
import { onRequest } from '../realtime/request-handler';
import type { TidewatchSocket } from '../realtime/types';
import type { VideoService } from './video-service';

/** Who may watch: the command centre's screens. Field tablets only publish their own camera. */
const VIEWERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'wall'];
const EVERYONE: readonly Role[] = [...VIEWERS, 'field'];
const done = { done: true } as const;

export function registerVideoSocket(socket: TidewatchSocket, video: VideoService, logger: Logger): void {
  const peerId = socket.id;
  onRequest(socket, 'video:join', EVERYONE, async () => video.join(peerId) as never, logger);
  onRequest(socket, 'video:transport_create', EVERYONE, async (r, principal) => {
    if (r.direction === 'recv' && principal.role === 'field') throw forbidden('Field tablets publish their camera; they do not watch.');
    return video.createTransport(peerId, r.direction);
  }, logger);
  onRequest(socket, 'video:transport_connect', EVERYONE, async (r) => (await video.connectTransport(peerId, r.transportId, r.dtlsParameters), done), logger);
  onRequest(socket, 'video:transport_close', EVERYONE, async (r) => (video.closeTransport(peerId, r.transportId), done), logger);
  onRequest(socket, 'video:consume', VIEWERS, (r) => video.consume(peerId, r.transportId, r.cameraId, r.rtpCapabilities), logger);
  onRequest(socket, 'video:consumer_pause', VIEWERS, async (r) => (await video.setConsumerPaused(peerId, r.consumerId, r.paused), done), logger);
  onRequest(socket, 'video:consumer_close', VIEWERS, async (r) => (video.closeConsumer(peerId, r.consumerId), done), logger);
  onRequest(socket, 'video:produce', ['field'], (r, principal) => video.produce(peerId, principal, r.transportId, r.rtpParameters), logger);
  onRequest(socket, 'video:producer_close', ['field'], async (r) => (video.closeProducer(peerId, r.producerId), done), logger);
  // A browser that vanishes without a word still frees its transports once its socket is gone.
  socket.on('disconnect', () => video.leave(peerId));
}
