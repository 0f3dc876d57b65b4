import { z } from 'zod';
import { PlanSaveSchema, PlanSavedSchema, PlanSchema } from '../schemas/response-plan';
import {
  ActivationSchema,
  ConfirmActionsSchema,
  ConfirmResultSchema,
  EvacuationTargetSchema,
  EvacuationTargetSetSchema,
  EvacuationVillageSchema,
  EvacuationVillageSetSchema,
  LevelRulesSchema,
  ResponseBannerSchema,
  ResponseEndSchema,
  ResponseLevelChangeSchema,
  ResponseListQuerySchema,
  ResponseSchema,
  ResponseStartSchema,
  ResponseTaskSchema,
  PlanDispatchCancelResultSchema,
  PlanDispatchCancelSchema,
  PlanDispatchSchema,
  SuggestionAnswerSchema,
  TaskDoneSchema,
} from '../schemas/response';
import { RecipientSchema } from '../schemas/warning';
import { defineRoute } from './route';

/**
 * Responses (应急响应): the commander starts, raises, lowers and ends them and confirms the prepared actions;
 * the desk marks tasks done and keeps the evacuation counts; every screen reads the banner. Every command
 * carries an action id, so a retried request changes nothing twice.
 */
export const RESPONSE_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/responses', query: ResponseListQuerySchema, answer: z.array(ResponseSchema), allow: 'watchBoard' }),
  /** The level banner: active responses only, for every signed-in screen (a field tablet included). */
  banner: defineRoute({ method: 'GET', path: '/responses/banner', answer: z.array(ResponseBannerSchema), allow: 'signedIn' }),
  get: defineRoute({ method: 'GET', path: '/responses/:id', answer: ResponseSchema, allow: 'watchBoard' }),
  tasks: defineRoute({ method: 'GET', path: '/responses/:id/tasks', answer: z.array(ResponseTaskSchema), allow: 'watchBoard' }),
  start: defineRoute({ method: 'POST', path: '/responses', body: ResponseStartSchema, answer: ActivationSchema, allow: 'respond' }),
  raise: defineRoute({ method: 'POST', path: '/responses/:id/raise', body: ResponseLevelChangeSchema, answer: ActivationSchema, allow: 'respond' }),
  lower: defineRoute({ method: 'POST', path: '/responses/:id/lower', body: ResponseLevelChangeSchema, answer: ResponseSchema, allow: 'respond' }),
  end: defineRoute({ method: 'POST', path: '/responses/:id/end', body: ResponseEndSchema, answer: ResponseSchema, allow: 'respond' }),
  /** 确认: carries out one, several or every prepared action of the response. */
  confirm: defineRoute({ method: 'POST', path: '/responses/:id/confirm', body: ConfirmActionsSchema, answer: ConfirmResultSchema, allow: 'respond' }),
  /** The dispatches the response's plan created that still have a team on them (listed when it ends). */
  planDispatches: defineRoute({ method: 'GET', path: '/responses/:id/plan-dispatches', answer: z.array(PlanDispatchSchema), allow: 'watchBoard' }),
  /** Cancels the named ones of those in one transaction; one the team finished meanwhile is left alone. */
  cancelPlanDispatches: defineRoute({ method: 'POST', path: '/responses/:id/plan-dispatches/cancel', body: PlanDispatchCancelSchema, answer: PlanDispatchCancelResultSchema, allow: 'respond' }),
  /** Who a township's or contact's task went to (the backups it escalated to included) and how each answered. */
  taskAnswers: defineRoute({ method: 'GET', path: '/response-tasks/:id/answers', answer: z.array(RecipientSchema), allow: 'desk' }),
  taskDone: defineRoute({ method: 'POST', path: '/response-tasks/:id/done', body: TaskDoneSchema, answer: ResponseTaskSchema, allow: 'desk' }),
  evacuation: defineRoute({ method: 'GET', path: '/responses/:id/evacuation', answer: z.array(EvacuationTargetSchema), allow: 'watchBoard' }),
  /** A village's target and moved count within a township (the township's row rolls its villages up). */
  setEvacuationVillage: defineRoute({ method: 'PUT', path: '/responses/:id/evacuation/:township/villages/:village', body: EvacuationVillageSetSchema, answer: EvacuationVillageSchema, allow: 'desk' }),
  setEvacuation: defineRoute({ method: 'PUT', path: '/responses/:id/evacuation/:township', body: EvacuationTargetSetSchema, answer: EvacuationTargetSchema, allow: 'desk' }),
};

/** The plans (数字预案) and the level table: the board reads them; admins and commanders write them. */
export const RESPONSE_PLAN_ROUTES = {
  plans: defineRoute({ method: 'GET', path: '/response-plans', answer: z.array(PlanSchema), allow: 'watchBoard' }),
  versions: defineRoute({ method: 'GET', path: '/response-plans/:hazard/:level/versions', answer: z.array(PlanSchema), allow: 'plan' }),
  save: defineRoute({ method: 'PUT', path: '/response-plans/:hazard/:level', body: PlanSaveSchema, answer: PlanSavedSchema, allow: 'plan' }),
  suggestion: defineRoute({ method: 'GET', path: '/response-suggestion', answer: SuggestionAnswerSchema, allow: 'watchBoard' }),
  levelRules: defineRoute({ method: 'GET', path: '/response-level-rules', answer: LevelRulesSchema, allow: 'watchBoard' }),
  setLevelRules: defineRoute({ method: 'PUT', path: '/response-level-rules', body: LevelRulesSchema, answer: LevelRulesSchema, allow: 'plan' }),
};
