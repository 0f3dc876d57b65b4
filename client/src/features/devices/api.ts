import { DEVICE_ROUTES } from '@shared/routes/devices';
import type { DeviceCreate } from '@shared/schemas/device';
import { callRoute } from '../../shell/api/routeClient';

export const devicesApi = {
  list: () => callRoute(DEVICE_ROUTES.list, {}),
  /** Where phones reach this server (LAN addresses, PUBLIC_HOSTNAMES), with the configured ports. */
  endpoints: () => callRoute(DEVICE_ROUTES.endpoints, {}),
  register: (device: DeviceCreate) => callRoute(DEVICE_ROUTES.register, { body: device }),
  revoke: (id: string) => callRoute(DEVICE_ROUTES.revoke, { params: { id } }),
};
