import { ALARM_ROUTES } from '@shared/routes/overview';
import { callRoute } from '../../shell/api/routeClient';

export const alarmsApi = {
  acknowledge: (id: string) => callRoute(ALARM_ROUTES.acknowledge, { params: { id } }),
};
