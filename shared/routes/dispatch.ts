import { z } from 'zod';
import { AlarmSchema } from '../schemas/alarm';
import {
  DispatchCancelSchema,
  DispatchCreateSchema,
  DispatchDetailSchema,
  DispatchFeedQuerySchema,
  DispatchListQuerySchema,
  DispatchOnBehalfSchema,
  DispatchReassignResultSchema,
  DispatchReassignSchema,
  DispatchSchema,
  DispatchStepSchema,
} from '../schemas/dispatch';
import { TeamSuggestionQuerySchema, TeamSuggestionsSchema } from '../schemas/team-suggestion';
import { defineRoute } from './route';

/**
 * The desk's dispatch API. Reads: the board (wall included) and field tablets (own team only). Writes: staff;
 * tablets step through their socket requests instead. `suggestions` and `feed` are declared before `detail` so their paths win.
 */
export const DISPATCH_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/dispatches', query: DispatchListQuerySchema, answer: z.array(DispatchSchema), allow: 'watchBoardOrOwnTeam' }),
  suggestions: defineRoute({ method: 'GET', path: '/dispatches/suggestions', query: TeamSuggestionQuerySchema, answer: TeamSuggestionsSchema, allow: 'staff' }),
  feed: defineRoute({ method: 'GET', path: '/dispatches/feed', query: DispatchFeedQuerySchema, answer: z.array(DispatchStepSchema), allow: 'watchBoardOrOwnTeam' }),
  detail: defineRoute({ method: 'GET', path: '/dispatches/:id', answer: DispatchDetailSchema, allow: 'watchBoardOrOwnTeam' }),
  create: defineRoute({ method: 'POST', path: '/dispatches', body: DispatchCreateSchema, answer: DispatchSchema, allow: 'staff' }),
  recordOnBehalf: defineRoute({ method: 'POST', path: '/dispatches/:id/steps', body: DispatchOnBehalfSchema, answer: DispatchSchema, allow: 'staff' }),
  cancel: defineRoute({ method: 'POST', path: '/dispatches/:id/cancel', body: DispatchCancelSchema, answer: DispatchSchema, allow: 'staff' }),
  reassign: defineRoute({ method: 'POST', path: '/dispatches/:id/reassign', body: DispatchReassignSchema, answer: DispatchReassignResultSchema, allow: 'staff' }),
  resolveSos: defineRoute({ method: 'POST', path: '/teams/:id/sos/resolve', answer: AlarmSchema.nullable(), allow: 'staff' }),
};
