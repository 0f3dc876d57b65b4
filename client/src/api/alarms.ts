import type { Alarm } from '@shared/schemas/alarm';
import { http } from './http';

export const alarmsApi = {
  acknowledge: (id: string) => http.post<Alarm>(`/api/alarms/${encodeURIComponent(id)}/acknowledge`, {}),
};
