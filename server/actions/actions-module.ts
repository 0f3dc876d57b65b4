import type { Kysely } from 'kysely';
import type { Config } from '../config/config';
import type { Database } from '../db/schema';
import type { JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import { ActionPruner } from './action-pruner';

export interface ActionsModuleDeps {
  db: Kysely<Database>;
  config: Pick<Config, 'ACTION_RETENTION_DAYS'>;
  logger: Logger;
  clock: () => number;
  /** Who prunes; one instance by default. */
  jobLock: JobLock;
}

/** The record of processed tablet actions (each domain writes it through its own ActionLedger); old ones are pruned. */
export function createActionsModule({ db, config, logger, clock, jobLock }: ActionsModuleDeps) {
  return { jobs: [new ActionPruner({ db, keepDays: config.ACTION_RETENTION_DAYS, logger, clock, lock: jobLock })] };
}
