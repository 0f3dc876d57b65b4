import { z } from 'zod';
import {
  EvacuationTotalsSchema,
  ShelterCreateSchema,
  ShelterMovementCreateSchema,
  ShelterMovementSchema,
  ShelterSchema,
  ShelterStatusChangeSchema,
  ShelterUpdateSchema,
  TownshipEvacuationReportSchema,
  TownshipEvacuationSchema,
} from '../schemas/shelter';
import { defineRoute } from './route';

/** Admins keep the registry; the duty desk opens, closes and checks people in and out; the board reads. */
export const SHELTER_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/shelters', answer: z.array(ShelterSchema), allow: 'watchBoard' }),
  create: defineRoute({ method: 'POST', path: '/shelters', body: ShelterCreateSchema, answer: ShelterSchema, allow: 'administer' }),
  get: defineRoute({ method: 'GET', path: '/shelters/:id', answer: ShelterSchema, allow: 'watchBoard' }),
  update: defineRoute({ method: 'PATCH', path: '/shelters/:id', body: ShelterUpdateSchema, answer: ShelterSchema, allow: 'administer' }),
  setStatus: defineRoute({ method: 'POST', path: '/shelters/:id/status', body: ShelterStatusChangeSchema, answer: ShelterSchema, allow: 'desk' }),
  movements: defineRoute({ method: 'GET', path: '/shelters/:id/movements', answer: z.array(ShelterMovementSchema), allow: 'watchBoard' }),
  move: defineRoute({ method: 'POST', path: '/shelters/:id/movements', body: ShelterMovementCreateSchema, answer: ShelterSchema, allow: 'desk' }),
};

/** County evacuation totals, and people staying with relatives as each township reports them. */
export const EVACUATION_ROUTES = {
  totals: defineRoute({ method: 'GET', path: '/evacuation', answer: EvacuationTotalsSchema, allow: 'watchBoard' }),
  reports: defineRoute({ method: 'GET', path: '/evacuation/reports', answer: z.array(TownshipEvacuationSchema), allow: 'watchBoard' }),
  report: defineRoute({ method: 'POST', path: '/evacuation/reports', body: TownshipEvacuationReportSchema, answer: TownshipEvacuationSchema, allow: 'desk' }),
};
