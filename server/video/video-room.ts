import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import { DomainError } from '../errors';
import type { Logger } from '../logger';
import { ROUTER_CODECS } from './media-workers';

/** A camera's live feed inside the relay: one producer on one router, piped to the others on demand. */
export interface CameraFeed {
  cameraId: string;
  producer: ms.Producer;
  router: ms.Router;
  codec: string;
}

interface RoomEvents {
  /** A camera's feed ended (source lost, tablet stopped, worker died). */
  feedClosed: [cameraId: string, producerId: string];
}

/**
 * The county's one video room: a router on every worker, the camera feeds, and who is watching.
 * Peers are spread over routers by count; a feed on another router is piped over once and shared.
 */
export class VideoRoom extends EventEmitter<RoomEvents> {
  private readonly feeds = new Map<string, CameraFeed>();
  private readonly piped = new Map<string, ms.Producer>();
  private readonly load = new Map<ms.Router, number>();
  private closed = false;

  private constructor(
    private readonly routers: ms.Router[],
    private readonly logger: Logger,
  ) {
    super();
    for (const router of routers) this.load.set(router, 0);
  }

  static async create(workers: readonly ms.Worker[], logger: Logger): Promise<VideoRoom> {
    const routers = await Promise.all(workers.map((w) => w.createRouter({ mediaCodecs: ROUTER_CODECS })));
    return new VideoRoom(routers, logger);
  }

  get rtpCapabilities(): ms.RtpCapabilities {
    return this.routers[0]!.rtpCapabilities;
  }

  /** The least-loaded router, for a new peer or feed; the caller reports when it lets go. */
  takeRouter(): ms.Router {
    if (this.closed) throw new DomainError('VIDEO_UNAVAILABLE');
    const router = [...this.load.entries()].filter(([r]) => !r.closed).sort((a, b) => a[1] - b[1])[0]?.[0];
    if (!router) throw new DomainError('VIDEO_UNAVAILABLE');
    this.load.set(router, (this.load.get(router) ?? 0) + 1);
    return router;
  }

  releaseRouter(router: ms.Router): void {
    const n = this.load.get(router);
    if (n !== undefined) this.load.set(router, Math.max(0, n - 1));
  }

  /** Replaces the router of worker `index` after that worker died; whatever ran on it was closed with it. */
  async replaceRouter(index: number, worker: ms.Worker): Promise<void> {
    const dead = this.routers[index];
    if (dead) this.load.delete(dead);
    const router = await worker.createRouter({ mediaCodecs: ROUTER_CODECS });
    this.routers[index] = router;
    this.load.set(router, 0);
  }

  feed(cameraId: string): CameraFeed | undefined {
    return this.feeds.get(cameraId);
  }

  get feedCount(): number {
    return this.feeds.size;
  }

  /** Registers a camera's producer; a previous feed of the same camera is closed first. */
  addFeed(feed: CameraFeed): void {
    this.feeds.get(feed.cameraId)?.producer.close();
    this.feeds.set(feed.cameraId, feed);
    feed.producer.observer.once('close', () => {
      if (this.feeds.get(feed.cameraId)?.producer === feed.producer) this.feeds.delete(feed.cameraId);
      for (const [key, pipe] of this.piped) {
        if (!key.startsWith(`${feed.producer.id}:`)) continue;
        this.piped.delete(key);
        pipe.close();
      }
      this.emit('feedClosed', feed.cameraId, feed.producer.id);
    });
  }

  /** The producer to consume a camera from on `router`, piping the feed there the first time. */
  async producerOn(router: ms.Router, cameraId: string): Promise<ms.Producer> {
    const feed = this.feeds.get(cameraId);
    if (!feed || feed.producer.closed) throw new DomainError('CAMERA_OFFLINE');
    if (feed.router === router) return feed.producer;
    const key = `${feed.producer.id}:${router.id}`;
    const existing = this.piped.get(key);
    if (existing && !existing.closed) return existing;
    // With RTX the pipe repairs packets a busy worker's socket buffer dropped, as a browser link would.
    const { pipeProducer } = await feed.router.pipeToRouter({ producerId: feed.producer.id, router, enableRtx: true });
    if (!pipeProducer) throw new DomainError('CAMERA_OFFLINE');
    this.piped.set(key, pipeProducer);
    return pipeProducer;
  }

  stats(): { routers: number; feeds: number; pipedFeeds: number } {
    return { routers: this.routers.filter((r) => !r.closed).length, feeds: this.feeds.size, pipedFeeds: this.piped.size };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const router of this.routers) router.close();
    this.feeds.clear();
    this.piped.clear();
    this.logger.info('video room closed');
  }
}
