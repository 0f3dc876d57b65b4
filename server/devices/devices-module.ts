import type { Kysely, Transaction } from 'kysely';
import type { SessionService } from '../auth/session-service';
import type { Config } from '../config/config';
import type { Database } from '../db/schema';
import type { SqliteBackground } from '../db/sqlite-background';
import type { Transactor } from '../events/transactor';
import { IntervalJob } from '../jobs/interval-job';
import type { Logger } from '../logger';
import { DeviceService } from './device-service';
import { deviceRoutes } from './routes';
import { trackerEndpoints } from './tracker-endpoints';

export interface DevicesModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  /** SQLite's background writer for telemetry, when the store has one. */
  background: SqliteBackground | null;
  sessions: SessionService;
  config: Pick<Config, 'PUBLIC_HOSTNAMES' | 'PORT' | 'OSMAND_PORT'>;
  logger: Logger;
  clock: () => number;
}

/** Registered trackers and their buffered telemetry (battery, rejected fixes), flushed every few seconds. */
export function createDevicesModule({ db, transactor, background, sessions, config, logger, clock }: DevicesModuleDeps) {
  const devices = new DeviceService(db, transactor, clock, background);
  // Buffered telemetry is this instance's own: every instance flushes it, and once more on close.
  const flushJob = new IntervalJob({ name: 'device-telemetry-flush', everyMs: 5_000, pass: () => devices.flush(), whileRunning: 'join', runAtStart: false, logger });
  const endpoints = () => trackerEndpoints({ publicHostnames: config.PUBLIC_HOSTNAMES, port: config.PORT, osmandPort: config.OSMAND_PORT });
  return {
    devices,
    routes: [deviceRoutes(sessions, devices, endpoints)],
    jobs: [
      {
        start: () => flushJob.start(),
        close: async () => {
          await flushJob.close();
          await devices.flush();
        },
      },
    ],
    /** Every device, for the admin's snapshot. */
    readSnapshot: (tx: Kysely<Database> | Transaction<Database>) => devices.list(tx),
  };
}

export type DevicesModule = ReturnType<typeof createDevicesModule>;
