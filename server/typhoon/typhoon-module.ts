import type { Kysely } from 'kysely';
import type { Router } from 'express';
import type { Storm } from '../../shared/schemas/typhoon';
import type { Config } from '../config/config';
import type { Db } from '../db/db-handle';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { Authenticator } from '../http/contract-router';
import { IntervalJob, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { ModuleParts } from '../module';
import { FEED_OFF, ZhejiangFeed } from './feed/zhejiang-feed';
import { typhoonImportRoutes, typhoonRoutes } from './routes';
import { SignalRulesService } from './signal-rules-service';
import { StormService } from './storm-service';
import { listStorms } from './storm-store';

export interface TyphoonModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: Authenticator;
  config: Pick<Config, 'TYPHOON_FEED_URL' | 'TYPHOON_FEED_MINUTES' | 'TYPHOON_ZJ_QUADRANT_ORDER'>;
  logger: Logger;
  clock: () => number;
  /** Who polls the feed; one instance by default. */
  jobLock?: JobLock;
  fetchImpl?: typeof fetch;
}

export interface TyphoonModule extends ModuleParts {
  storms: StormService;
  rules: SignalRulesService;
  feed: ZhejiangFeed | null;
  /** Under /api, after the API's JSON parser. */
  routes: Router[];
  /** The file import, mounted at the root before the API's JSON parser. */
  rootRoutes: Router[];
  /** Storms not archived, for a snapshot, read in its transaction. */
  readSnapshot(db: Db): Promise<{ typhoons: Storm[] }>;
}

/** The typhoon capability (issue 13): storms, their import and feed, the exposure of the county. */
export function createTyphoonModule(deps: TyphoonModuleDeps): TyphoonModule {
  const { db, transactor, sessions, config, logger, clock } = deps;
  const rules = new SignalRulesService(db, transactor);
  const storms = new StormService(db, transactor, rules, clock);
  const quadrantOrder = config.TYPHOON_ZJ_QUADRANT_ORDER;
  const feed = config.TYPHOON_FEED_URL ? new ZhejiangFeed({ baseUrl: config.TYPHOON_FEED_URL, storms, quadrantOrder, clock, logger, ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}) }) : null;
  const jobs = feed
    ? [new IntervalJob({ name: 'typhoon-feed', everyMs: config.TYPHOON_FEED_MINUTES * 60_000, pass: () => feed.poll(), whileRunning: 'join', logger, ...(deps.jobLock ? { lock: deps.jobLock } : {}) })]
    : [];
  return {
    storms,
    rules,
    feed,
    routes: [typhoonRoutes({ sessions, storms, rules, quadrantOrder, feedStatus: () => feed?.status() ?? FEED_OFF })],
    rootRoutes: [typhoonImportRoutes({ sessions, storms, quadrantOrder })],
    readSnapshot: async (snapshotDb) => ({ typhoons: await listStorms(snapshotDb, { archived: false }) }),
    jobs,
  };
}
