import { WALL_LAYOUT_ROUTES } from '@shared/routes/wall';
import type { WallLayout } from '@shared/schemas/wall';
import { callRoute } from '../../shell/api/routeClient';

export const wallLayoutApi = {
  get: () => callRoute(WALL_LAYOUT_ROUTES.get, {}),
  put: (layout: WallLayout) => callRoute(WALL_LAYOUT_ROUTES.set, { body: layout }),
};
