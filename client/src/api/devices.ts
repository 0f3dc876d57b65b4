import type { Device, DeviceCreate, DeviceCredentials, TrackerEndpoints } from '@shared/schemas/device';
import { http } from './http';

export const devicesApi = {
  list: () => http.get<Device[]>('/api/devices'),
  /** Where phones reach this server (LAN addresses, PUBLIC_HOSTNAMES), with the configured ports. */
  endpoints: () => http.get<TrackerEndpoints>('/api/devices/endpoints'),
  register: (device: DeviceCreate) => http.post<DeviceCredentials>('/api/devices', device),
  revoke: (id: string) => http.post<Device>(`/api/devices/${encodeURIComponent(id)}/revoke`, {}),
};
