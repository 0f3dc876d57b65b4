import type { types as ms } from 'mediasoup';
import { withoutSecrets, type CameraWithStatus } from '../../shared/schemas/camera';
import type { ConsumeResult, TransportOptions } from '../../shared/schemas/video-socket';
import { actorOf, type Principal } from '../auth/principal';
import { DomainError, forbidden } from '../errors';
import type { CameraRegistry } from './camera-registry';
import type { CameraStatusBoard } from './camera-status-board';
import { VideoPeer, type WebRtcListen } from './video-peer';
import type { VideoRoom } from './video-room';

export interface VideoServiceDeps {
  /** Null when the relay is off or its workers could not start: signaling then answers VIDEO_UNAVAILABLE. */
  room: VideoRoom | null;
  registry: CameraRegistry;
  statuses: CameraStatusBoard;
  listen: WebRtcListen;
  teamName: (teamId: string) => Promise<string>;
  notifyConsumerClosed: (peerId: string, consumerId: string, cameraId: string) => void;
}

/** Signaling for the relay, free of sockets: peers are keyed by the id of the connection that joined. */
export class VideoService {
  private readonly peers = new Map<string, VideoPeer>();

  constructor(private readonly deps: VideoServiceDeps) {
    deps.room?.on('feedClosed', (cameraId) => {
      void deps.registry.get(cameraId).then(
        (camera) => camera.source.type === 'webrtc' && deps.statuses.set(cameraId, 'offline', 'publisher_stopped'),
        () => deps.statuses.forget(cameraId),
      );
    });
  }

  /** Every camera with its live state; secrets only for admins. */
  async cameras(withSecrets: boolean): Promise<CameraWithStatus[]> {
    const cameras = await this.deps.registry.list();
    return cameras.map((camera) => ({ ...(withSecrets ? camera : withoutSecrets(camera)), status: this.deps.statuses.get(camera.id) }));
  }

  join(peerId: string): { routerRtpCapabilities: ms.RtpCapabilities } {
    const room = this.room();
    if (!this.peers.has(peerId)) {
      const peer = new VideoPeer(peerId, room, room.takeRouter(), this.deps.listen, {
        consumerClosed: (consumerId, cameraId) => this.deps.notifyConsumerClosed(peerId, consumerId, cameraId),
      });
      this.peers.set(peerId, peer);
    }
    return { routerRtpCapabilities: room.rtpCapabilities };
  }

  /** Frees everything a connection held; safe to call for a connection that never joined. */
  leave(peerId: string): void {
    this.peers.get(peerId)?.close();
    this.peers.delete(peerId);
  }

  createTransport(peerId: string, direction: 'send' | 'recv'): Promise<TransportOptions> {
    return this.peer(peerId).createTransport(direction);
  }

  connectTransport(peerId: string, transportId: string, dtlsParameters: unknown): Promise<void> {
    return this.peer(peerId).connectTransport(transportId, dtlsParameters);
  }

  closeTransport(peerId: string, transportId: string): void {
    this.peer(peerId).closeTransport(transportId);
  }

  async consume(peerId: string, transportId: string, cameraId: string, rtpCapabilities: unknown): Promise<ConsumeResult> {
    const peer = this.peer(peerId);
    await this.deps.registry.get(cameraId);
    return peer.consume(transportId, cameraId, rtpCapabilities);
  }

  setConsumerPaused(peerId: string, consumerId: string, paused: boolean): Promise<void> {
    return this.peer(peerId).setConsumerPaused(consumerId, paused);
  }

  closeConsumer(peerId: string, consumerId: string): void {
    this.peer(peerId).closeConsumer(consumerId);
  }

  /** A field tablet publishes its own camera, filed under its team. */
  async produce(peerId: string, principal: Principal, transportId: string, rtpParameters: unknown): Promise<{ producerId: string; cameraId: string }> {
    if (principal.role !== 'field' || !principal.teamId) throw forbidden('Only a field tablet of a team publishes its camera.');
    const peer = this.peer(peerId);
    const camera = await this.deps.registry.tabletCamera(principal.teamId, await this.deps.teamName(principal.teamId), actorOf(principal));
    const producer = await peer.produce(transportId, rtpParameters, camera.id);
    const codec = producer.rtpParameters.codecs[0]?.mimeType.split('/')[1] ?? null;
    this.room().addFeed({ cameraId: camera.id, producer, router: peer.homeRouter, codec: codec ?? 'VP8' });
    this.deps.statuses.set(camera.id, 'online', null, codec);
    return { producerId: producer.id, cameraId: camera.id };
  }

  closeProducer(peerId: string, producerId: string): void {
    this.peer(peerId).closeProducer(producerId);
  }

  /** What the relay holds right now, for operators and for the leak tests. */
  stats(): { peers: number; transports: number; consumers: number; producers: number; feeds: number } {
    const totals = { peers: this.peers.size, transports: 0, consumers: 0, producers: 0, feeds: this.deps.room?.feedCount ?? 0 };
    for (const peer of this.peers.values()) {
      const c = peer.counts;
      totals.transports += c.transports;
      totals.consumers += c.consumers;
      totals.producers += c.producers;
    }
    return totals;
  }

  /** Whether this instance runs the relay (a media node, or the one instance with video on). */
  get relayRunning(): boolean {
    return this.deps.room !== null;
  }

  close(): void {
    for (const id of [...this.peers.keys()]) this.leave(id);
  }

  private room(): VideoRoom {
    if (!this.deps.room) throw new DomainError('VIDEO_UNAVAILABLE');
    return this.deps.room;
  }

  private peer(peerId: string): VideoPeer {
    const peer = this.peers.get(peerId);
    if (!peer) throw new DomainError('CONFLICT', 'Join the video session first.');
    return peer;
  }
}
