import { POSITION_ROUTES } from '@shared/routes/positions';
import { callRoute } from '../../shell/api/routeClient';

export const positionsApi = {
  latest: () => callRoute(POSITION_ROUTES.latest, {}),
  trails: (minutes: number) => callRoute(POSITION_ROUTES.trails, { query: { minutes } }),
};
