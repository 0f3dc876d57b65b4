import { POSITION_ROUTES } from '@shared/routes/board';
import { callRoute } from './route-client';

export const positionsApi = {
  latest: () => callRoute(POSITION_ROUTES.latest, {}),
  trails: (minutes: number) => callRoute(POSITION_ROUTES.trails, { query: { minutes } }),
};
