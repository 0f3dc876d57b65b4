import { ALARM_ROUTES } from '@shared/routes/board';
import { callRoute } from './route-client';

export const alarmsApi = {
  acknowledge: (id: string) => callRoute(ALARM_ROUTES.acknowledge, { params: { id } }),
};
