import type { Kysely } from 'kysely';
import type { Router } from 'express';
import type { ResponseLists } from '../../shared/schemas/response';
import { ActionLedger } from '../actions/action-ledger';
import type { AlarmService } from '../alarms/alarm-service';
import type { Db } from '../db/db-handle';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { Authenticator } from '../http/contract-router';
import { IntervalJob, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { BackgroundJob, ModuleParts } from '../module';
import type { RecipientService } from '../warnings/ack/recipient-service';
import { EvacuationTargetService } from './evacuation-service';
import { OverdueWatcher } from './overdue-watcher';
import { PlanDispatchService } from './plan-dispatches';
import { PlanService } from './plan-service';
import type { ResponsePorts } from './ports';
import { ResponseService } from './response-service';
import { tasksOf, toResponse } from './response-store';
import { listTargets, listVillages } from './evacuation-store';
import { responseRoutes } from './routes';
import { SuggestionService, type SuggestionSources } from './suggestion-service';
import { TaskService } from './task-service';

export interface ResponseModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: Authenticator;
  alarms: AlarmService;
  /** What the plans' actions do in the other domains, inside the response's transaction. */
  ports: ResponsePorts;
  /** The warnings' 叫应 links, which learn the task as a subject. */
  recipients: RecipientService;
  sources: SuggestionSources;
  /** Starts sending queued personal links now. */
  linksQueued(): void;
  logger: Logger;
  clock: () => number;
  jobLock?: JobLock;
}

export interface ResponseModule extends ModuleParts {
  services: { responses: ResponseService; tasks: TaskService; plans: PlanService; suggestions: SuggestionService; evacuation: EvacuationTargetService; watcher: OverdueWatcher; planDispatches: PlanDispatchService };
  routes: Router[];
  jobs: BackgroundJob[];
  /** Active responses (and those ended within a day) with the active ones' tasks and evacuation rows (townships and villages). */
  readSnapshot(db: Db): Promise<ResponseLists>;
}

const DAY = 24 * 3_600_000;

/** Response levels and digital plans (issue 15): one call in the composition root. */
export function createResponseModule(deps: ResponseModuleDeps): ResponseModule {
  const { db, transactor, alarms, ports, clock, logger } = deps;
  const ledger = new ActionLedger(db, transactor, clock);
  const responses = new ResponseService(db, ledger, ports, alarms, clock);
  const tasks = new TaskService(db, transactor, ports, alarms, clock);
  deps.recipients.registerSubject('task', tasks.subject);
  const plans = new PlanService(db, transactor, clock);
  const suggestions = new SuggestionService(db, transactor, deps.sources, clock);
  const evacuation = new EvacuationTargetService(db, transactor, clock);
  const planDispatches = new PlanDispatchService(db, ledger, ports);
  const watcher = new OverdueWatcher(db, transactor, alarms, ports, clock);
  const job = new IntervalJob({ name: 'response-overdue', everyMs: 30_000, pass: () => watcher.pass(), whileRunning: 'queue', logger, ...(deps.jobLock ? { lock: deps.jobLock } : {}) });
  return {
    services: { responses, tasks, plans, suggestions, evacuation, watcher, planDispatches },
    routes: [responseRoutes({ sessions: deps.sessions, responses, tasks, plans, suggestions, evacuation, planDispatches, linksQueued: deps.linksQueued })],
    jobs: [job],
    readSnapshot: async (snapshotDb) => {
      const since = new Date(clock() - DAY).toISOString();
      const rows = await snapshotDb.selectFrom('responses').selectAll().where((eb) => eb.or([eb('state', '=', 'active'), eb('ended_at', '>', since)])).orderBy('started_at').execute();
      const list = rows.map(toResponse);
      const active = list.filter((r) => r.state === 'active');
      const lists: ResponseLists = { responses: list, responseTasks: [], evacuationTargets: [], evacuationVillages: [] };
      // One query after another: the snapshot's transaction is one connection.
      for (const r of active) {
        lists.responseTasks.push(...(await tasksOf(snapshotDb, r.id)));
        lists.evacuationTargets.push(...(await listTargets(snapshotDb, r.id)).map((t) => ({ ...t, responseId: r.id })));
        lists.evacuationVillages.push(...(await listVillages(snapshotDb, r.id)).map((v) => ({ ...v, responseId: r.id })));
      }
      return lists;
    },
  };
}
