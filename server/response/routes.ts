import { Router } from 'express';
import { RESPONSE_PLAN_ROUTES, RESPONSE_ROUTES } from '../../shared/routes/response';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { EvacuationTargetService } from './evacuation-service';
import type { PlanDispatchService } from './plan-dispatches';
import type { PlanService } from './plan-service';
import type { ResponseService } from './response-service';
import type { SuggestionService } from './suggestion-service';
import type { TaskService } from './task-service';

export interface ResponseRouteDeps {
  sessions: Authenticator;
  responses: ResponseService;
  tasks: TaskService;
  plans: PlanService;
  suggestions: SuggestionService;
  evacuation: EvacuationTargetService;
  planDispatches: PlanDispatchService;
  /** Called after links were queued: sends them at once instead of at the next tick. */
  linksQueued(): void;
}

export function responseRoutes(deps: ResponseRouteDeps): Router {
  const { sessions, responses, tasks, plans, suggestions, evacuation } = deps;
  const sent = <T>(result: T): T => {
    deps.linksQueued();
    return result;
  };
  const router = Router();
  router.use(
    contractRouter(sessions, RESPONSE_ROUTES, {
      list: ({ query }) => responses.list(query.state),
      banner: async () => (await responses.list('active')).map(({ id, hazard, level, exercise, startedAt, levelSince }) => ({ id, hazard, level, exercise, startedAt, levelSince })),
      get: ({ params }) => responses.get(params.id),
      tasks: ({ params }) => responses.tasks(params.id),
      start: async ({ body, actor }) => sent(await responses.start(body, actor)),
      raise: async ({ params, body, actor }) => sent(await responses.raise(params.id, body, actor)),
      lower: ({ params, body, actor }) => responses.lower(params.id, body, actor),
      end: ({ params, body, actor }) => responses.end(params.id, body, actor),
      confirm: async ({ params, body, actor }) => sent(await responses.confirm(params.id, body, actor)),
      planDispatches: ({ params }) => deps.planDispatches.stillActive(params.id),
      cancelPlanDispatches: ({ params, body, actor }) => deps.planDispatches.cancel(params.id, body, actor),
      taskAnswers: ({ params }) => tasks.answers(params.id),
      taskDone: async ({ params, body, actor }) => sent(await tasks.done(params.id, body.note, actor)),
      evacuation: ({ params }) => evacuation.list(params.id),
      setEvacuationVillage: ({ params, body, actor }) => evacuation.setVillage(params.id, params.township, params.village, body, actor),
      setEvacuation: ({ params, body, actor }) => evacuation.set(params.id, params.township, body, actor),
    }),
  );
  router.use(
    contractRouter(sessions, RESPONSE_PLAN_ROUTES, {
      plans: () => plans.list(),
      versions: ({ params }) => plans.versions(params.hazard, params.level),
      save: ({ params, body, actor }) => plans.save(params.hazard, params.level, body, actor),
      suggestion: () => suggestions.suggestion(),
      levelRules: () => suggestions.rules(),
      setLevelRules: ({ body, actor }) => suggestions.setRules(body, actor),
    }),
  );
  return router;
}
