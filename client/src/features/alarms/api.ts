import { ALARM_ROUTES } from '@shared/routes/alarms';
import { callRoute } from '../../shell/api/routeClient';

export const alarmsApi = {
  acknowledge: (id: string) => callRoute(ALARM_ROUTES.acknowledge, { params: { id } }),
};
