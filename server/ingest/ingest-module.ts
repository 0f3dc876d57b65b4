import type { AlarmService } from '../alarms/alarm-service';
import { LoginThrottle } from '../auth/login-throttle';
import { namedLimiters, type LimiterFactory } from '../cluster/rate-limiters';
import type { DeviceService } from '../devices/device-service';
import type { Logger } from '../logger';
import type { PositionHub } from '../positions/position-hub';
import { ingestRoutes } from './ingest-routes';
import type { IngestDeps } from './intake';
import { createOsmandServer } from './osmand-server';
import { trackerSos } from './tracker-sos';

export interface IngestModuleDeps {
  devices: DeviceService;
  hub: PositionHub;
  alarms: Pick<AlarmService, 'raise'>;
  teamName: (teamId: string) => string | undefined;
  logger: Logger;
  clock: () => number;
  /** Counts wrong device passwords (over every instance in cluster mode); in this process by default. */
  limiters?: LimiterFactory;
}

/**
 * Tracker apps' positions: OwnTracks and OsmAnd under /ingest on the main port, and OsmAnd's own port
 * (the caller listens on it and closes it first on shutdown).
 */
export function createIngestModule({ devices, hub, alarms, teamName, logger, clock, limiters }: IngestModuleDeps) {
  const ingest: IngestDeps = { devices, hub, logger, clock, raiseSos: trackerSos(alarms, teamName) };
  // Counted apart from sign-ins: a phone with a stale password must not use up the command centre's address allowance.
  const devicePasswords = new LoginThrottle(undefined, undefined, limiters && namedLimiters(limiters, 'device'));
  return { rootRoutes: [ingestRoutes(ingest, devicePasswords)], osmandServer: createOsmandServer(ingest) };
}

export type IngestModule = ReturnType<typeof createIngestModule>;
