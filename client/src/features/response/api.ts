import { RESPONSE_PLAN_ROUTES, RESPONSE_ROUTES } from '@shared/routes/response';
import type { z } from 'zod';
import type { PlanSaveSchema, ResponseHazard, ResponseLevel } from '@shared/schemas/response-plan';
import type { EvacuationTargetSetSchema, EvacuationVillageSetSchema, ResponseStartSchema } from '@shared/schemas/response';
import { callRoute } from '../../shell/api/routeClient';

export const responseApi = {
  banner: () => callRoute(RESPONSE_ROUTES.banner, {}),
  start: (body: z.input<typeof ResponseStartSchema>) => callRoute(RESPONSE_ROUTES.start, { body }),
  raise: (id: string, actionId: string, level: ResponseLevel, reason: string) => callRoute(RESPONSE_ROUTES.raise, { params: { id }, body: { actionId, level, reason } }),
  lower: (id: string, actionId: string, level: ResponseLevel, reason: string) => callRoute(RESPONSE_ROUTES.lower, { params: { id }, body: { actionId, level, reason } }),
  end: (id: string, actionId: string, reason: string) => callRoute(RESPONSE_ROUTES.end, { params: { id }, body: { actionId, reason } }),
  /** Confirms the named tasks' actions, or every prepared one when `taskIds` is empty. */
  confirm: (id: string, actionId: string, taskIds: string[]) => callRoute(RESPONSE_ROUTES.confirm, { params: { id }, body: { actionId, taskIds, all: taskIds.length === 0 } }),
  planDispatches: (id: string) => callRoute(RESPONSE_ROUTES.planDispatches, { params: { id } }),
  cancelPlanDispatches: (id: string, actionId: string, dispatchIds: string[], reason: string) => callRoute(RESPONSE_ROUTES.cancelPlanDispatches, { params: { id }, body: { actionId, dispatchIds, reason } }),
  taskAnswers: (id: string) => callRoute(RESPONSE_ROUTES.taskAnswers, { params: { id } }),
  taskDone: (id: string, note: string) => callRoute(RESPONSE_ROUTES.taskDone, { params: { id }, body: { note } }),
  setEvacuation: (id: string, township: string, body: z.input<typeof EvacuationTargetSetSchema>) => callRoute(RESPONSE_ROUTES.setEvacuation, { params: { id, township }, body }),
  setEvacuationVillage: (id: string, township: string, village: string, body: z.input<typeof EvacuationVillageSetSchema>) => callRoute(RESPONSE_ROUTES.setEvacuationVillage, { params: { id, township, village }, body }),
  plans: () => callRoute(RESPONSE_PLAN_ROUTES.plans, {}),
  savePlan: (hazard: ResponseHazard, level: ResponseLevel, body: z.input<typeof PlanSaveSchema>) => callRoute(RESPONSE_PLAN_ROUTES.save, { params: { hazard, level }, body }),
  suggestion: () => callRoute(RESPONSE_PLAN_ROUTES.suggestion, {}),
};
