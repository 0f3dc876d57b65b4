import { z } from 'zod';
import { FixSchema, TrackQuerySchema, TrailsQuerySchema, TrailsSchema } from '../schemas/position';
import { defineRoute } from './route';

/** Where teams are: a field tablet sees only its own team. */
export const POSITION_ROUTES = {
  latest: defineRoute({ method: 'GET', path: '/positions/latest', answer: z.array(FixSchema), allow: 'watchBoardOrOwnTeam' }),
  trails: defineRoute({ method: 'GET', path: '/positions/trails', query: TrailsQuerySchema, answer: TrailsSchema, allow: 'watchBoard' }),
  track: defineRoute({ method: 'GET', path: '/teams/:id/track', query: TrackQuerySchema, answer: z.array(FixSchema), allow: 'watchBoardOrOwnTeam' }),
};
