import type { AlarmService } from '../alarms/alarm-service';
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
}

/**
 * Tracker apps' positions: OwnTracks and OsmAnd under /ingest on the main port, and OsmAnd's own port
 * (the caller listens on it and closes it first on shutdown).
 */
export function createIngestModule({ devices, hub, alarms, teamName, logger, clock }: IngestModuleDeps) {
  const ingest: IngestDeps = { devices, hub, logger, clock, raiseSos: trackerSos(alarms, teamName) };
  return { rootRoutes: [ingestRoutes(ingest)], osmandServer: createOsmandServer(ingest) };
}

export type IngestModule = ReturnType<typeof createIngestModule>;
