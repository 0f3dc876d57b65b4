import type { types as ms } from 'mediasoup';
import { createLogger } from '../../server/logger';
import { MediaWorkerPool, recordedWorkerBin } from '../../server/video/media-workers';
import { VideoRoom } from '../../server/video/video-room';
import { readProcess } from '../positions/process-stats';
import { CLIP_KEYFRAME_INTERVAL_MS, CLIP_PAYLOAD_TYPE, CLIP_PROFILE_LEVEL_ID, RtpSender } from './ffmpeg-source';
import type { SinkCounts } from './rtp-sink';
import { RtpSinks, udpDropsByPort } from './rtp-sinks';

export interface RelayLoadConfig {
  streams: number;
  consumersPerStream: number;
  workers: number;
}

/** Cumulative counters at one moment; figures are differences of two. */
export interface Snapshot {
  atMs: number;
  workerCpuMs: number[];
  workerRssMb: number[];
  /** What the camera producers received from ffmpeg, and what they noticed missing (sequence gaps). */
  in: { packets: number; bytes: number; lost: number };
  /** Feeds consumed on another worker: what their producers received, and what their pipe copies received. */
  piped: { origin: number; arrived: number };
  /** Per consumer: what the producer it consumes (a feed or its pipe copy) received, and what it sent. */
  expectedPerConsumer: number[];
  sentPerConsumer: number[];
  outBytes: number;
  sinks: SinkCounts;
  ffmpegCpuSeconds: number;
  sinkCpuSeconds: number;
  /** Datagrams the kernel dropped for a full receive buffer, by the sockets they were bound for. */
  socketDrops: SocketDrops;
}

export interface SocketDrops {
  ingest: number;
  pipes: number;
  sinks: number;
}

const RTC_PORTS = { min: 44_000, max: 45_999 };
const LISTEN_IP = '127.0.0.1';
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
type StreamCounts = { packetCount: number; byteCount: number; packetsLost: number };
const streamCounts = (stats: Array<StreamCounts & { type: string }>, type: string): StreamCounts =>
  stats.find((s) => s.type === type) ?? { packetCount: 0, byteCount: 0, packetsLost: 0 };

interface Feed {
  cameraId: string;
  producer: ms.Producer;
  sender: RtpSender;
  workerIndex: number;
}
interface Watcher {
  consumer: ms.Consumer;
  /** The feed's producer, or its pipe copy when the consumer is on another worker. */
  source: ms.Producer;
  workerIndex: number;
}

/**
 * The relay as the server runs it (one worker per core, the county's VideoRoom), loaded with camera
 * streams from ffmpeg into PlainTransports and consumers on PlainTransports to local RTP sinks, spread
 * over the routers by the room (feeds piped to other workers where their consumers are).
 */
export class RelayLoad {
  private readonly feeds: Feed[] = [];
  private readonly watchers: Watcher[] = [];
  private readonly ingestPorts = new Set<number>();
  /** The UDP ports of the pipe transports the room opened between routers. */
  private readonly pipePorts = new Set<number>();

  private constructor(
    readonly pool: MediaWorkerPool,
    readonly room: VideoRoom,
    private readonly routerWorker: Map<ms.Router, number>,
    private readonly sinks: RtpSinks,
  ) {}

  static async start(config: RelayLoadConfig, clip: string, onWorkerDied: (index: number) => void): Promise<RelayLoad> {
    const logger = createLogger('warn');
    const sinks = await RtpSinks.start(config.streams * config.consumersPerStream);
    const pool = await MediaWorkerPool.start({
      workerBin: process.env.MEDIASOUP_WORKER_BIN ?? recordedWorkerBin(),
      count: config.workers,
      rtcMinPort: RTC_PORTS.min,
      rtcMaxPort: RTC_PORTS.max,
      logger,
      onDied: onWorkerDied,
    });
    const routerWorker = new Map<ms.Router, number>();
    pool.all.forEach((worker, index) => worker.observer.once('newrouter', (router: ms.Router) => routerWorker.set(router, index)));
    const load = new RelayLoad(pool, await VideoRoom.create(pool.all, logger), routerWorker, sinks);
    for (const router of routerWorker.keys()) {
      router.observer.on('newtransport', (transport: ms.Transport) => transport.constructor.name === 'PipeTransport' && load.pipePorts.add((transport as ms.PipeTransport).tuple.localPort));
    }
    // Independent cameras do not send their keyframes in step: the senders start spread over one interval.
    for (let i = 0; i < config.streams; i++) {
      await load.addFeed(i, clip);
      await new Promise((r) => setTimeout(r, CLIP_KEYFRAME_INTERVAL_MS / config.streams));
    }
    // Each viewer is a screen showing every camera (a 16-tile wall), on the router the room gives it.
    for (let v = 0; v < config.consumersPerStream; v++) {
      const router = load.room.takeRouter();
      for (const feed of load.feeds) await load.addWatcher(router, feed.cameraId);
    }
    return load;
  }

  get placement(): Array<{ feeds: number; consumers: number }> {
    return this.pool.all.map((_, index) => ({
      feeds: this.feeds.filter((f) => f.workerIndex === index).length,
      consumers: this.watchers.filter((w) => w.workerIndex === index).length,
    }));
  }

  private async addFeed(index: number, clip: string): Promise<void> {
    const router = this.room.takeRouter();
    // ffmpeg sends RTCP from a port of its own, so the transport learns the RTP and RTCP sources apart.
    const transport = await router.createPlainTransport({ listenIp: LISTEN_IP, rtcpMux: false, comedia: true });
    const producer = await transport.produce({
      kind: 'video',
      rtpParameters: {
        codecs: [{ mimeType: 'video/H264', payloadType: CLIP_PAYLOAD_TYPE, clockRate: 90_000, parameters: { 'packetization-mode': 1, 'profile-level-id': CLIP_PROFILE_LEVEL_ID } }],
        encodings: [{ ssrc: 11_110_000 + index }],
      },
    });
    const cameraId = `bench-camera-${index}`;
    this.room.addFeed({ cameraId, producer, router, codec: 'H264' });
    const sender = RtpSender.start(clip, transport.tuple.localPort, transport.rtcpTuple!.localPort, 11_110_000 + index);
    this.ingestPorts.add(transport.tuple.localPort).add(transport.rtcpTuple!.localPort);
    this.feeds.push({ cameraId, producer, sender, workerIndex: this.workerOf(router) });
  }

  private async addWatcher(router: ms.Router, cameraId: string): Promise<void> {
    const producer = await this.room.producerOn(router, cameraId);
    const transport = await router.createPlainTransport({ listenIp: LISTEN_IP, rtcpMux: true, comedia: false });
    await transport.connect({ ip: LISTEN_IP, port: this.sinks.ports[this.watchers.length]! });
    const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: false });
    this.watchers.push({ consumer, source: producer, workerIndex: this.workerOf(router) });
  }

  private workerOf(router: ms.Router): number {
    const index = this.routerWorker.get(router);
    if (index === undefined) throw new Error('a router of no known worker');
    return index;
  }

  async snapshot(): Promise<Snapshot> {
    const atMs = performance.now();
    const feedProducers = this.feeds.map((f) => f.producer);
    const pipeCopies = [...new Set(this.watchers.map((w) => w.source))].filter((p) => !feedProducers.includes(p));
    const producers = [...feedProducers, ...pipeCopies];
    const [usage, producerStats, consumerStats, sinks, drops] = await Promise.all([
      Promise.all(this.pool.all.map((w) => w.getResourceUsage())),
      Promise.all(producers.map((p) => p.getStats())),
      Promise.all(this.watchers.map((w) => w.consumer.getStats())),
      this.sinks.counts(),
      udpDropsByPort(),
    ]);
    const dropsAt = (ports: Iterable<number>) => sum([...ports].map((port) => drops.get(port) ?? 0));
    const received = new Map(producers.map((p, i) => [p, streamCounts(producerStats[i]!, 'inbound-rtp')]));
    const feedIn = feedProducers.map((p) => received.get(p)!);
    const originOf = (copy: ms.Producer) => received.get(this.feeds.find((f) => f.producer.id === copy.id)!.producer)!;
    const sent = consumerStats.map((stats) => streamCounts(stats, 'outbound-rtp'));
    return {
      atMs,
      workerCpuMs: usage.map((u) => u.ru_utime + u.ru_stime),
      workerRssMb: this.pool.all.map((w) => readProcess(w.pid).rssMb),
      in: { packets: sum(feedIn.map((r) => r.packetCount)), bytes: sum(feedIn.map((r) => r.byteCount)), lost: sum(feedIn.map((r) => r.packetsLost)) },
      piped: { origin: sum(pipeCopies.map((copy) => originOf(copy).packetCount)), arrived: sum(pipeCopies.map((copy) => received.get(copy)!.packetCount)) },
      expectedPerConsumer: this.watchers.map((w) => received.get(w.source)!.packetCount),
      sentPerConsumer: sent.map((s) => s.packetCount),
      outBytes: sum(sent.map((s) => s.byteCount)),
      sinks,
      ffmpegCpuSeconds: sum(this.feeds.map((f) => readProcess(f.sender.pid).cpuSeconds)),
      sinkCpuSeconds: readProcess(this.sinks.pid).cpuSeconds,
      socketDrops: { ingest: dropsAt(this.ingestPorts), pipes: dropsAt(this.pipePorts), sinks: dropsAt(this.sinks.ports) },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.feeds.map((f) => f.sender.stop()));
    this.room.close();
    this.pool.close();
    this.sinks.stop();
  }
}
