import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { DomainError } from '../errors';
import { ProxyTrust } from './proxy-trust';
import { errorHandler } from './respond';
import { staticClient } from './static-client';

export interface HttpAppParts {
  /** Routers mounted under /api (JSON bodies parsed there). */
  api: Router[];
  /** Routers mounted at the root before the client: device ingest, health. */
  root: Router[];
  clientDir: string | null;
  logger: Logger;
  /** Whose X-Forwarded-* headers to believe (none when not given). */
  proxyTrust?: ProxyTrust;
  /** Other origins the page may load images from (basemap tile services). */
  imgSources?: string[];
}

export function createHttpApp(parts: HttpAppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  const proxyTrust = parts.proxyTrust ?? new ProxyTrust();
  app.use((req, _res, next) => {
    req.client = proxyTrust.clientOf(req);
    next();
  });
  // Socket.IO, attached to the same server first, answers everything under its path itself (even a 400).
  app.use('/socket.io', () => {});
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:', 'blob:', ...(parts.imgSources ?? [])],
          mediaSrc: ["'self'", 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
          workerSrc: ["'self'", 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
      // Plain HTTP stays available for localhost and device ingest; HSTS would break that.
      strictTransportSecurity: false,
    }),
  );
  for (const router of parts.root) app.use(router);
  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  for (const router of parts.api) api.use(router);
  api.use((_req, _res, next) => next(new DomainError('NOT_FOUND', 'No such API route.')));
  app.use('/api', api);
  if (parts.clientDir) app.use(staticClient(parts.clientDir));
  app.use(errorHandler(parts.logger));
  return app;
}
