import { z } from 'zod';
import {
  DutyLogCreateSchema,
  DutyLogEntrySchema,
  DutyLogQuerySchema,
  DutyMemberSchema,
  DutyShiftCreateSchema,
  DutyShiftQuerySchema,
  DutyShiftSchema,
  DutyShiftUpdateSchema,
  HandoverCreateSchema,
  HandoverSchema,
  OnWatchSchema,
} from '../schemas/duty';
import { defineRoute, NoAnswer } from './route';

/**
 * Who is on watch is for every signed-in screen (its header shows it); the roster is kept by planners;
 * handovers are written and acknowledged by the duty desk, which also keeps the log.
 */
export const DUTY_ROUTES = {
  now: defineRoute({ method: 'GET', path: '/duty/now', answer: OnWatchSchema, allow: 'signedIn' }),
  shifts: defineRoute({ method: 'GET', path: '/duty/shifts', query: DutyShiftQuerySchema, answer: z.array(DutyShiftSchema), allow: 'watchBoard' }),
  members: defineRoute({ method: 'GET', path: '/duty/members', answer: z.array(DutyMemberSchema), allow: 'plan' }),
  createShift: defineRoute({ method: 'POST', path: '/duty/shifts', body: DutyShiftCreateSchema, answer: DutyShiftSchema, allow: 'plan' }),
  updateShift: defineRoute({ method: 'PATCH', path: '/duty/shifts/:id', body: DutyShiftUpdateSchema, answer: DutyShiftSchema, allow: 'plan' }),
  removeShift: defineRoute({ method: 'DELETE', path: '/duty/shifts/:id', answer: NoAnswer, allow: 'plan' }),
  handovers: defineRoute({ method: 'GET', path: '/duty/handovers', answer: z.array(HandoverSchema), allow: 'watchBoard' }),
  writeHandover: defineRoute({ method: 'POST', path: '/duty/handovers', body: HandoverCreateSchema, answer: HandoverSchema, allow: 'desk' }),
  acknowledgeHandover: defineRoute({ method: 'POST', path: '/duty/handovers/:id/acknowledge', answer: HandoverSchema, allow: 'desk' }),
  log: defineRoute({ method: 'GET', path: '/duty/log', query: DutyLogQuerySchema, answer: z.array(DutyLogEntrySchema), allow: 'watchBoard' }),
  addLogEntry: defineRoute({ method: 'POST', path: '/duty/log', body: DutyLogCreateSchema, answer: DutyLogEntrySchema, allow: 'desk' }),
};
