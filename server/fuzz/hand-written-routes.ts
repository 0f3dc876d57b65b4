import type { HttpTarget } from './http-target';

/**
 * The routes still written by hand in Express, with the shared schemas their services parse. Every /api
 * route is now a contract in shared/routes (the fuzz derives those from ROUTE_TABLES; targets.test.ts fails
 * while a route is listed both here and there). What stays: tracker ingest, which signs in with device
 * credentials rather than a session and whose bodies are parsed in server/ingest.
 */
export const HAND_WRITTEN_ROUTES: HttpTarget[] = [
  { method: 'POST', path: '/ingest/osmand' },
  { method: 'POST', path: '/ingest/owntracks' },
];
