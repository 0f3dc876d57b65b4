import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

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
  const indexHtml = path.join(clientDir, 'index.html');
  router.get(/^\/(?!api\/|ingest\/|socket\.io\/|health$).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
