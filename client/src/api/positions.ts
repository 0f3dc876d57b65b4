import type { Fix } from '@shared/schemas/position';
import type { TrailPoint } from '../positions/trails';
import { http } from './http';

export const positionsApi = {
  latest: () => http.get<Fix[]>('/api/positions/latest'),
  trails: (minutes: number) => http.get<Record<string, TrailPoint[]>>('/api/positions/trails', { query: { minutes } }),
};
