import type { Device, DeviceCreate, DeviceCredentials } from '@shared/schemas/device';
import { http } from './http';

export const devicesApi = {
  list: () => http.get<Device[]>('/api/devices'),
  register: (device: DeviceCreate) => http.post<DeviceCredentials>('/api/devices', device),
  revoke: (id: string) => http.post<Device>(`/api/devices/${encodeURIComponent(id)}/revoke`, {}),
};
