import type { FieldFix, Fix } from '../../shared/schemas/position';
import { WriteLimiter } from '../actions/write-limiter';
import type { Principal } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import type { LimiterFactory } from '../cluster/rate-limiters';
import type { Config } from '../config/config';
import type { Store } from '../db/database';
import type { JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { TeamService } from '../teams/team-service';
import { checkFix } from './plausibility';
import { PositionHub } from './position-hub';
import { historyWriter } from './position-store';
import { RetentionJob } from './retention';
import { positionRoutes } from './routes';

export interface PositionsModuleDeps {
  store: Store;
  sessions: SessionService;
  teams: Pick<TeamService, 'get'>;
  config: Pick<Config, 'POSITION_PUSH_MS' | 'POSITION_FLUSH_MS' | 'POSITION_RETENTION_DAYS' | 'TABLET_POSITIONS_PER_MINUTE'>;
  /** Pushes a batch of fixes to the sockets (the socket server exists only after this module). */
  publish(fixes: Fix[]): void;
  logger: Logger;
  clock: () => number;
  /** Who runs the history retention; one instance by default. */
  jobLock: JobLock;
  /** Counts each tablet's positions (over every instance in cluster mode). */
  limiters?: LimiterFactory;
}

/** Where teams are: the live hub with its history, the retention job, and fixes from field tablets' browsers. */
export async function createPositionsModule({ store, sessions, teams, config, publish, logger, clock, jobLock, limiters }: PositionsModuleDeps) {
  const positions = new PositionHub({
    db: store.db,
    clock,
    pushIntervalMs: config.POSITION_PUSH_MS,
    flushIntervalMs: config.POSITION_FLUSH_MS,
    writeHistory: historyWriter(store),
    publish,
    logger,
  });
  await positions.loadLatest();
  const retention = new RetentionJob({ db: store.db, retentionDays: config.POSITION_RETENTION_DAYS, clock, logger, lock: jobLock });

  /** A fix from a field tablet's browser, as its team's; resolves whether it was accepted. */
  const acceptFieldFix = async (principal: Principal, fieldFix: FieldFix): Promise<boolean> => {
    if (!principal.teamId) return false;
    const { fix } = checkFix({ ...fieldFix, teamId: principal.teamId, deviceId: `browser:${principal.userId}` }, clock());
    if (!fix) return false;
    positions.accept(fix);
    return true;
  };
  // Tablet positions (not the SOS position, which goes through acceptFieldFix directly) are limited per tablet.
  const tabletPositions = new WriteLimiter({ name: 'tablet-positions', perMinute: config.TABLET_POSITIONS_PER_MINUTE }, limiters);
  const acceptTabletFix = async (principal: Principal, fieldFix: FieldFix): Promise<boolean> => {
    await tabletPositions.take(principal.sessionId);
    return acceptFieldFix(principal, fieldFix);
  };

  return {
    positions,
    acceptFieldFix,
    acceptTabletFix,
    routes: [positionRoutes(sessions, positions, teams)],
    jobs: [positions, retention],
  };
}

export type PositionsModule = Awaited<ReturnType<typeof createPositionsModule>>;
