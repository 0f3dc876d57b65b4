import type { OnWatch } from '@shared/schemas/duty';
import { http } from './http';

export const dutyApi = {
  now: () => http.get<OnWatch>('/api/duty/now'),
};
