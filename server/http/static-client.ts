import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { DomainError } from '../errors';

const STATIC_FILE = /\.(?:m?js|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|json|webmanifest|wasm|txt|xml|html?)$/i;

/** Where the built client is: next to the bundled server (dist/client), or under the repo's dist/. */
export function findClientDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../client'), path.resolve(here, '../../dist/client')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

/** Serves the SPA: hashed assets cached for a year, index.html never cached, client routes fall back to it. */
export function staticClient(clientDir: string): Router {
  const router = express.Router();
  router.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(clientDir, { index: false, maxAge: 0 }));
  // A file the build does not have is a 404, not the app's page: a stale service worker or a scanner asking
  // for /sw.js or /app.css must not get HTML with a 200. Client routes never end in these extensions.
  router.get(STATIC_FILE, (_req, _res, next) => next(new DomainError('NOT_FOUND')));
  const indexHtml = path.join(clientDir, 'index.html');
  router.get(/^\/(?!api\/|ingest\/|socket\.io\/|health$).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
