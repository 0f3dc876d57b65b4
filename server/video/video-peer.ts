import type { types as ms } from 'mediasoup';
import type { ConsumeResult, TransportOptions } from '../../shared/schemas/video-socket';
import { DomainError, notFound } from '../errors';
import type { VideoRoom } from './video-room';

export interface WebRtcListen {
  ip: string;
  announcedIp: string | undefined;
}

export interface PeerEvents {
  consumerClosed(consumerId: string, cameraId: string): void;
}

const MAX_TRANSPORTS = 4;
const MAX_CONSUMERS = 32;

/** mediasoup refuses bad RTP/DTLS parameters with TypeError or UnsupportedError: the client's mistake. */
async function asClientError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const name = (error as Error).name;
    if (name === 'TypeError' || name === 'UnsupportedError') throw new DomainError('VALIDATION_FAILED', 'The media parameters are not acceptable.');
    throw error;
  }
}

/**
 * One browser's share of the relay: its WebRTC transports, what it watches and what it publishes.
 * Owned by the socket that joined; closing it frees everything on the worker.
 */
export class VideoPeer {
  private readonly transports = new Map<string, ms.WebRtcTransport>();
  private readonly consumers = new Map<string, ms.Consumer>();
  private readonly producers = new Map<string, ms.Producer>();
  private closed = false;

  constructor(
    readonly id: string,
    private readonly room: VideoRoom,
    private readonly router: ms.Router,
    private readonly listen: WebRtcListen,
    private readonly events: PeerEvents,
  ) {}

  async createTransport(direction: 'send' | 'recv'): Promise<TransportOptions> {
    this.assertOpen();
    if (this.transports.size >= MAX_TRANSPORTS) throw new DomainError('CONFLICT', 'Too many video transports for one screen.');
    const transport = await this.router.createWebRtcTransport({
      listenIps: [{ ip: this.listen.ip, announcedIp: this.listen.announcedIp }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_500_000,
      appData: { direction },
    });
    this.transports.set(transport.id, transport);
    transport.observer.once('close', () => this.transports.delete(transport.id));
    return {
      id: transport.id,
      iceParameters: transport.iceParameters as unknown as Record<string, unknown>,
      iceCandidates: transport.iceCandidates as unknown as Array<Record<string, unknown>>,
      dtlsParameters: transport.dtlsParameters as TransportOptions['dtlsParameters'],
    };
  }

  async connectTransport(transportId: string, dtlsParameters: unknown): Promise<void> {
    await asClientError(() => this.transport(transportId).connect({ dtlsParameters: dtlsParameters as ms.DtlsParameters }));
  }

  /** Closes a transport and everything on it; an unknown id is NOT_FOUND. */
  closeTransport(transportId: string): void {
    this.transport(transportId).close();
  }

  /** A paused consumer of the camera's feed; the viewer resumes it once its decoder is ready. */
  async consume(transportId: string, cameraId: string, rtpCapabilities: unknown): Promise<ConsumeResult> {
    const transport = this.transport(transportId);
    if (transport.appData.direction !== 'recv') throw new DomainError('VALIDATION_FAILED', 'Consume on a receive transport.');
    if (this.consumers.size >= MAX_CONSUMERS) throw new DomainError('CONFLICT', 'Too many videos open on one screen.');
    const producer = await this.room.producerOn(this.router, cameraId);
    const caps = rtpCapabilities as ms.RtpCapabilities;
    if (!this.router.canConsume({ producerId: producer.id, rtpCapabilities: caps })) {
      throw new DomainError('VALIDATION_FAILED', 'This browser cannot decode the camera’s video.');
    }
    const consumer = await asClientError(() => transport.consume({ producerId: producer.id, rtpCapabilities: caps, paused: true, appData: { cameraId } }));
    this.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => this.consumers.delete(consumer.id));
    consumer.once('producerclose', () => {
      this.consumers.delete(consumer.id);
      this.events.consumerClosed(consumer.id, cameraId);
    });
    return { consumerId: consumer.id, producerId: producer.id, cameraId, kind: consumer.kind, rtpParameters: consumer.rtpParameters as unknown as ConsumeResult['rtpParameters'] };
  }

  async setConsumerPaused(consumerId: string, paused: boolean): Promise<void> {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) throw notFound('Consumer');
    if (paused) await consumer.pause();
    else await consumer.resume();
  }

  closeConsumer(consumerId: string): void {
    this.consumers.get(consumerId)?.close();
  }

  async produce(transportId: string, rtpParameters: unknown, cameraId: string): Promise<ms.Producer> {
    const transport = this.transport(transportId);
    if (transport.appData.direction !== 'send') throw new DomainError('VALIDATION_FAILED', 'Produce on a send transport.');
    if (this.producers.size >= 1) throw new DomainError('CONFLICT', 'This tablet already publishes its camera.');
    const producer = await asClientError(() => transport.produce({ kind: 'video', rtpParameters: rtpParameters as ms.RtpParameters, appData: { cameraId } }));
    this.producers.set(producer.id, producer);
    producer.observer.once('close', () => this.producers.delete(producer.id));
    return producer;
  }

  closeProducer(producerId: string): void {
    const producer = this.producers.get(producerId);
    if (!producer) throw notFound('Producer');
    producer.close();
  }

  get homeRouter(): ms.Router {
    return this.router;
  }

  get counts(): { transports: number; consumers: number; producers: number } {
    return { transports: this.transports.size, consumers: this.consumers.size, producers: this.producers.size };
  }

  /** Idempotent: closes every transport, and with them their consumers and producers. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const transport of [...this.transports.values()]) transport.close();
    this.room.releaseRouter(this.router);
  }

  private transport(transportId: string): ms.WebRtcTransport {
    this.assertOpen();
    const transport = this.transports.get(transportId);
    if (!transport) throw notFound('Transport');
    return transport;
  }

  private assertOpen(): void {
    if (this.closed) throw new DomainError('CONFLICT', 'This video session has ended.');
  }
}
