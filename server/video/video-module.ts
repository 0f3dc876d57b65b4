import os from 'node:os';
import type { Kysely } from 'kysely';
import type { SessionService } from '../auth/session-service';
import type { Config } from '../config/config';
import type { Database } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import type { Transactor } from '../events/transactor';
import type { Logger } from '../logger';
import { CameraRegistry } from './camera-registry';
import { CameraStatusBoard } from './camera-status-board';
import { IngestManager } from './ingest/ingest-manager';
import { mediaNodeRoutes, mediaNodeSignaling } from './media-node-routes';
import { MediaWorkerPool, recordedWorkerBin } from './media-workers';
import { RemotePeers } from './remote-peer-sockets';
import { videoRoutes } from './routes';
import { VideoRoom } from './video-room';
import { VideoService } from './video-service';
import { localSignaling, registerVideoSocket } from './video-sockets';
import type { TidewatchServer, TidewatchSocket } from '../realtime/types';
import { ROOMS } from '../../shared/socket';

export interface VideoModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  /** Registry events start, restart and stop camera ingests. */
  bus: Pick<EventBus, 'subscribe'>;
  sessions: SessionService;
  config: Config;
  teamName: (teamId: string) => Promise<string>;
  /** The socket server, once it exists: pushes go to board screens and to one viewer. */
  io: () => TidewatchServer | null;
  logger: Logger;
  clock: () => number;
}

/** The first non-internal IPv4 address: what browsers on the LAN reach the relay on by default. */
export function defaultAnnouncedIp(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

/**
 * Composes the video relay (issue 4): the camera registry and ingests, the mediasoup workers and the county's video
 * room, signaling over the socket. When the relay cannot start the rest of Tidewatch runs and video
 * requests are answered VIDEO_UNAVAILABLE.
 */
export async function createVideoModule({ db, transactor, bus, sessions, config, teamName, io, logger, clock }: VideoModuleDeps) {
  // In a cluster, an instance without the relay hands everything video to the media node: it ingests no camera
  // and keeps no camera state of its own (which it would push to every board as "relay unavailable").
  if (config.VIDEO === 'off' && config.VIDEO_MEDIA_URL) {
    const signaling = mediaNodeSignaling(config.VIDEO_MEDIA_URL, logger);
    return { routes: [mediaNodeRoutes(config.VIDEO_MEDIA_URL, logger)], registerSocket: (socket: TidewatchSocket) => registerVideoSocket(socket, signaling, logger), jobs: [] };
  }
  const registry = new CameraRegistry(db, transactor, config.VIDEO_RTMP_PORTS, clock);
  const statuses = new CameraStatusBoard((status) => io()?.to(ROOMS.board).emit('video:camera_status', status), clock);

  let pool: MediaWorkerPool | null = null;
  let room: VideoRoom | null = null;
  if (config.VIDEO === 'on') {
    try {
      pool = await MediaWorkerPool.start({
        workerBin: config.MEDIASOUP_WORKER_BIN ?? recordedWorkerBin(),
        count: config.VIDEO_WORKERS,
        rtcMinPort: config.VIDEO_RTC_PORTS.min,
        rtcMaxPort: config.VIDEO_RTC_PORTS.max,
        logger,
        onDied: (index) => {
          void pool
            ?.respawn(index)
            .then((worker) => room?.replaceRouter(index, worker))
            .catch((err: unknown) => logger.error({ err }, 'replacing a dead mediasoup worker failed'));
        },
      });
      room = await VideoRoom.create(pool.all, logger);
    } catch (err) {
      logger.error({ err }, 'the video relay could not start; video is unavailable');
      pool?.close();
      pool = null;
    }
  }

  const listen = { ip: config.VIDEO_LISTEN_IP, announcedIp: config.VIDEO_ANNOUNCED_IP ?? (config.VIDEO_LISTEN_IP === '0.0.0.0' ? defaultAnnouncedIp() : undefined) };
  const video = new VideoService({
    room,
    registry,
    statuses,
    listen,
    teamName,
    notifyConsumerClosed: (peerId, consumerId, cameraId) => io()?.to(peerId).emit('video:consumer_closed', { consumerId, cameraId }),
  });

  const remotePeers = new RemotePeers({ video, io, logger });
  const ingest = new IngestManager({ room, statuses, ffmpegPath: config.FFMPEG_PATH, rtmpListenIp: config.VIDEO_LISTEN_IP, logger, clock });
  let unsubscribe = () => {};

  const relayStats = async () => ({
    ...video.stats(),
    ingest: ingest.stats(),
    ...(room?.stats() ?? { routers: 0, feeds: 0, pipedFeeds: 0 }),
    workers: await Promise.all((pool?.all ?? []).map(async (w) => ({ pid: w.pid, usage: await w.getResourceUsage() }))),
  });

  return {
    registry,
    statuses,
    video,
    room,
    routes: [videoRoutes({ sessions, registry, video, relayStats, remotePeers })],
    registerSocket: (socket: TidewatchSocket) => registerVideoSocket(socket, localSignaling(video), logger),
    jobs: [
      {
        start: () => {
          unsubscribe = bus.subscribe(({ event }) => ingest.handle(event, (id) => registry.get(id).catch(() => null)));
          ingest.load(() => registry.list());
          remotePeers.sweep.start();
        },
        close: async () => {
          unsubscribe();
          await remotePeers.sweep.close();
          await ingest.close();
          video.close();
          room?.close();
          pool?.close();
        },
      },
    ],
  };
}

export type VideoModule = Awaited<ReturnType<typeof createVideoModule>>;
