import type { Device, types } from 'mediasoup-client';
import { readonly, ref } from 'vue';
import { request } from '../../shell/realtime/channel';
import type { FeedConsumer, FeedSource } from './cameraFeed';

type Direction = 'send' | 'recv';

/** What a tablet sends (as VP8, which every board browser decodes): modest, so it survives a weak uplink. */
const PUBLISH_ENCODING: types.RtpEncodingParameters = { maxBitrate: 700_000, maxFramerate: 15 };

export interface Publication {
  producer: types.Producer;
  cameraId: string;
}

/**
 * This page's share of the video relay: one mediasoup-client Device, loaded from `video:join`; one receive
 * transport shared by every tile and, on a tablet, one send transport, both made on first use. The relay
 * frees a peer when its socket drops, so the realtime layer reports the socket here: `socketLost` forgets
 * everything (and bumps `generation`, which tells feeds and publishers to start over), `socketReady` lets
 * them do so once the socket is synced again.
 */
export class VideoSession implements FeedSource {
  private readonly readyRef = ref(false);
  private readonly generationRef = ref(0);
  readonly ready = readonly(this.readyRef);
  readonly generation = readonly(this.generationRef);

  private device: Device | null = null;
  private joining: Promise<Device> | null = null;
  private readonly transports: Record<Direction, Promise<types.Transport> | null> = { send: null, recv: null };
  /** The camera the relay filed each of this tablet's producers under, from the `produce` answer. */
  private readonly cameraOf = new Map<string, string>();

  socketReady(): void {
    this.readyRef.value = true;
  }

  socketLost(): void {
    this.readyRef.value = false;
    this.forget();
  }

  async consume(cameraId: string): Promise<FeedConsumer> {
    const transport = await this.transport('recv');
    const device = await this.join();
    const answer = await request('video:consume', { transportId: transport.id, cameraId, rtpCapabilities: device.rtpCapabilities });
    let consumer: types.Consumer;
    try {
      consumer = await transport.consume({
        id: answer.consumerId,
        producerId: answer.producerId,
        kind: answer.kind,
        rtpParameters: answer.rtpParameters as unknown as types.RtpParameters,
      });
    } catch (e) {
      void request('video:consumer_close', { consumerId: answer.consumerId }).catch(() => {});
      throw e;
    }
    return {
      id: consumer.id,
      track: consumer.track,
      setPaused: async (paused) => {
        await request('video:consumer_pause', { consumerId: consumer.id, paused });
      },
      close: (tellServer) => {
        consumer.close();
        if (tellServer && this.readyRef.value) void request('video:consumer_close', { consumerId: consumer.id }).catch(() => {});
      },
      getStats: () => consumer.getStats(),
    };
  }

  /** Publishes a tablet's camera track; the relay files it as the team's camera. The track is left running. */
  async publish(track: MediaStreamTrack): Promise<Publication> {
    const transport = await this.transport('send');
    const device = await this.join();
    const codec = device.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'video/vp8');
    const producer = await transport.produce({ track, codec, encodings: [PUBLISH_ENCODING], stopTracks: false });
    const cameraId = this.cameraOf.get(producer.id);
    this.cameraOf.delete(producer.id);
    if (!cameraId) {
      producer.close();
      throw new Error('the relay did not name the camera');
    }
    return { producer, cameraId };
  }

  unpublish(producer: types.Producer): void {
    if (producer.closed) return;
    producer.close();
    if (this.readyRef.value) void request('video:producer_close', { producerId: producer.id }).catch(() => {});
  }

  /** On logout: nothing of this session is reused by the next. */
  close(): void {
    this.socketLost();
  }

  private join(): Promise<Device> {
    const joining = (this.joining ??= (async () => {
      const { routerRtpCapabilities } = await request('video:join', {});
      // One Device per page: the relay's codecs do not change between its sessions. Loaded on first use,
      // so pages without video do not carry mediasoup-client.
      this.device ??= await (await import('mediasoup-client')).Device.factory();
      if (!this.device.loaded) await this.device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
      return this.device;
    })());
    joining.catch(() => {
      if (this.joining === joining) this.joining = null;
    });
    return joining;
  }

  private transport(direction: Direction): Promise<types.Transport> {
    const existing = this.transports[direction];
    if (existing) return existing;
    const created = this.createTransport(direction);
    this.transports[direction] = created;
    created.catch(() => {
      if (this.transports[direction] === created) this.transports[direction] = null;
    });
    return created;
  }

  private async createTransport(direction: Direction): Promise<types.Transport> {
    const device = await this.join();
    const options = (await request('video:transport_create', { direction })) as unknown as types.TransportOptions;
    const transport = direction === 'recv' ? device.createRecvTransport(options) : device.createSendTransport(options);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      request('video:transport_connect', { transportId: transport.id, dtlsParameters }).then(() => callback(), errback);
    });
    transport.on('produce', ({ rtpParameters }, callback, errback) => {
      request('video:produce', { transportId: transport.id, kind: 'video', rtpParameters: rtpParameters as never }).then(({ producerId, cameraId }) => {
        this.cameraOf.set(producerId, cameraId);
        callback({ id: producerId });
      }, errback);
    });
    transport.on('connectionstatechange', (state) => {
      // ICE or DTLS gave up: whatever ran over this transport must be made again over a new one.
      if (state === 'failed' && !transport.closed) this.forget();
    });
    return transport;
  }

  private forget(): void {
    this.joining = null;
    for (const direction of ['send', 'recv'] as const) {
      const transport = this.transports[direction];
      this.transports[direction] = null;
      void transport?.then((t) => {
        t.close();
        // The relay would keep it until the socket goes; a page that fails over and over would run out.
        void request('video:transport_close', { transportId: t.id }).catch(() => {});
      }, () => {});
    }
    this.generationRef.value++;
  }
}

let session: VideoSession | null = null;

/** The page's one video session. */
export function videoSession(): VideoSession {
  return (session ??= new VideoSession());
}
