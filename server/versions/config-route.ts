import { Router } from 'express';
import type { Basemap } from '../../shared/basemap';
import type { BuildInfo, ClientConfig } from '../../shared/protocol';
import type { Config } from '../config/config';

/** `GET /api/config`: what every screen needs before signing in, including the build it should run and the basemaps. */
export function clientConfigRoute(config: Config, build: () => BuildInfo | null, basemaps: readonly Basemap[] = []): Router {
  return Router().get('/config', (_req, res) => {
    const served = build();
    const data: ClientConfig = { staleAfterSeconds: config.STALE_AFTER_SECONDS, trailMinutes: 30, timeZone: 'Asia/Shanghai', version: served?.buildId ?? null, builtAt: served?.builtAt ?? null, minProtocol: config.MIN_CLIENT_PROTOCOL, basemaps: [...basemaps] };
    res.json({ ok: true, data });
  });
}
