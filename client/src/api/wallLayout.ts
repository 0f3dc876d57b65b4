import type { WallLayout } from '@shared/schemas/wall';
import { http } from './http';

export const wallLayoutApi = {
  get: () => http.get<WallLayout>('/api/wall-layout'),
  put: (layout: WallLayout) => http.put<WallLayout>('/api/wall-layout', layout),
};
