import { DUTY_ROUTES } from '@shared/routes/duty';
import type { DutyLogCreateSchema, DutyShiftCreate, DutyShiftUpdateSchema } from '@shared/schemas/duty';
import type { z } from 'zod';
import { callRoute } from '../../shell/api/routeClient';

export type DutyShiftPatch = z.input<typeof DutyShiftUpdateSchema>;
export type DutyLogInput = z.input<typeof DutyLogCreateSchema>;

/** The duty watch: roster, handovers and the duty log (HTTP); the events that follow are authoritative. */
export const dutyApi = {
  now: () => callRoute(DUTY_ROUTES.now, {}),
  shifts: () => callRoute(DUTY_ROUTES.shifts, {}),
  members: () => callRoute(DUTY_ROUTES.members, {}),
  createShift: (input: DutyShiftCreate) => callRoute(DUTY_ROUTES.createShift, { body: input }),
  updateShift: (id: string, patch: DutyShiftPatch) => callRoute(DUTY_ROUTES.updateShift, { params: { id }, body: patch }),
  removeShift: (id: string) => callRoute(DUTY_ROUTES.removeShift, { params: { id } }),
  writeHandover: (note: string) => callRoute(DUTY_ROUTES.writeHandover, { body: { note } }),
  acknowledgeHandover: (id: string) => callRoute(DUTY_ROUTES.acknowledgeHandover, { params: { id } }),
  log: () => callRoute(DUTY_ROUTES.log, {}),
  addLogEntry: (input: DutyLogInput) => callRoute(DUTY_ROUTES.addLogEntry, { body: input }),
};
