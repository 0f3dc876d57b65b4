import type { Camera, CameraCreate, CameraUpdate, CameraWithStatus } from '@shared/schemas/camera';
import { http } from './http';

const path = (id: string) => `/api/cameras/${encodeURIComponent(id)}`;

export const camerasApi = {
  list: () => http.get<CameraWithStatus[]>('/api/cameras'),
  create: (input: CameraCreate) => http.post<Camera>('/api/cameras', input),
  update: (id: string, patch: CameraUpdate) => http.patch<Camera>(path(id), patch),
  remove: (id: string) => http.delete<{ removed: true }>(path(id)),
};
