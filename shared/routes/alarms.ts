import { z } from 'zod';
import { AlarmSchema } from '../schemas/alarm';
import { defineRoute } from './route';

/** Open alarms for the board; staff acknowledge them. */
export const ALARM_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/alarms', answer: z.array(AlarmSchema), allow: 'watchBoard' }),
  acknowledge: defineRoute({ method: 'POST', path: '/alarms/:id/acknowledge', answer: AlarmSchema, allow: 'staff' }),
};
