import type { Router } from 'express';
import { DEVICE_ROUTES } from '../../shared/routes/devices';
import type { TrackerEndpoints } from '../../shared/schemas/device';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { DeviceService } from './device-service';

export function deviceRoutes(sessions: Authenticator, devices: DeviceService, endpoints: () => TrackerEndpoints): Router {
  return contractRouter(sessions, DEVICE_ROUTES, {
    list: () => devices.list(),
    endpoints: () => endpoints(),
    register: ({ body, actor }) => devices.register(body, actor),
    revoke: ({ params, actor }) => devices.revoke(params.id, actor),
  });
}
