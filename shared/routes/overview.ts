import { SituationOverviewSchema } from '../schemas/overview';
import { defineRoute } from './route';

/** The numbers behind the wall's panels (the wall computes the same function live from its stores). */
export const OVERVIEW_ROUTES = {
  summary: defineRoute({ method: 'GET', path: '/board/summary', answer: SituationOverviewSchema, allow: 'watchBoard' }),
};
