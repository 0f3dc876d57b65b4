import type { Kysely } from 'kysely';
import type { SessionService } from '../auth/session-service';
import type { Config } from '../config/config';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { PositionHub } from '../positions/position-hub';
import { AlarmService } from './alarm-service';
import { alarmRoutes } from './routes';
import { UnitSilenceWatcher } from './unit-silence-watcher';

export interface AlarmsModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: SessionService;
  /** The live positions the silence watcher listens to. */
  hub: Pick<PositionHub, 'latest' | 'onFix'>;
  teamName: (teamId: string) => string | undefined;
  config: Pick<Config, 'STALE_AFTER_SECONDS'>;
  logger: Logger;
  clock: () => number;
  /** Who runs the silence watcher; one instance by default. */
  jobLock: JobLock;
}

/** Alarms on the board, and the watcher that raises one when a team's position goes silent. */
export function createAlarmsModule({ db, transactor, sessions, hub, teamName, config, logger, clock, jobLock }: AlarmsModuleDeps) {
  const alarms = new AlarmService(db, transactor, clock);
  const silenceWatcher = new UnitSilenceWatcher({
    hub,
    alarms,
    teamName,
    staleAfterMs: config.STALE_AFTER_SECONDS * 1000,
    checkEveryMs: Math.min(10_000, config.STALE_AFTER_SECONDS * 250),
    clock,
    logger,
    lock: jobLock,
  });
  return { alarms, routes: [alarmRoutes(sessions, alarms)], jobs: [silenceWatcher] };
}

export type AlarmsModule = ReturnType<typeof createAlarmsModule>;
