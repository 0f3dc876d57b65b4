import type { Router } from 'express';
import { CAMERA_ROUTES } from '../../shared/routes/cameras';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { CameraRegistry } from './camera-registry';
import type { RemotePeers } from './remote-peer-sockets';
import type { VideoService } from './video-service';

export interface VideoRouteDeps {
  sessions: Authenticator;
  registry: CameraRegistry;
  video: VideoService;
  /** Per-worker CPU and the relay's holdings; for operators and the benchmark. */
  relayStats: () => Promise<unknown>;
  /** Video requests of sockets on other instances (cluster mode). */
  remotePeers: RemotePeers;
}

/** Only an admin's list carries camera secrets (RTSP passwords, RTMP stream keys). */
export function videoRoutes({ sessions, registry, video, relayStats, remotePeers }: VideoRouteDeps): Router {
  return contractRouter(sessions, CAMERA_ROUTES, {
    list: ({ principal }) => video.cameras(principal.role === 'admin'),
    create: ({ body, actor }) => registry.create(body, actor),
    update: ({ params, body, actor }) => registry.update(params.id, body, actor),
    remove: async ({ params, actor }) => (await registry.remove(params.id, actor), { removed: true as const }),
    relayStats: () => relayStats(),
    signal: ({ body, principal }) => remotePeers.answer(body, principal),
  });
}
