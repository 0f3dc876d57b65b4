import http from 'node:http';
import express from 'express';
import { errorHandler } from '../http/respond';
import { ingestBodyParsers, osmandHandler, type IngestDeps } from './ingest-routes';

/**
 * The dedicated OsmAnd port (OSMAND_PORT, 5055 as in Traccar), answering at `/`, so Traccar Client
 * works with its default server URL. Returned unstarted: the composition listens and closes it.
 */
export function createOsmandServer(deps: IngestDeps): http.Server {
  const app = express();
  app.disable('x-powered-by');
  const handler = osmandHandler(deps);
  app.get('/', handler);
  app.post('/', ...ingestBodyParsers(), handler);
  app.use((_req, res) => {
    res.status(404).json({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
  app.use(errorHandler(deps.logger));
  const server = http.createServer(app);
  // Phones on flaky mobile links: do not let a stalled request hold a socket for minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}
