import { Router } from 'express';
import type { Basemap } from '../../shared/basemap';
import type { ClientConfig } from '../../shared/protocol';
import type { Config } from '../config/config';

/** `GET /api/config`: what every screen needs before signing in, including the build it should run and the basemaps. */
export function clientConfigRoute(config: Config, buildId: () => string | null, basemaps: readonly Basemap[] = []): Router {
  return Router().get('/config', (_req, res) => {
    const data: ClientConfig = { staleAfterSeconds: config.STALE_AFTER_SECONDS, trailMinutes: 30, timeZone: 'Asia/Shanghai', version: buildId(), minProtocol: config.MIN_CLIENT_PROTOCOL, basemaps: [...basemaps] };
    res.json({ ok: true, data });
  });
}
