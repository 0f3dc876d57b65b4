import { z } from 'zod';
import { DeviceCreateSchema, DeviceCredentialsSchema, DeviceSchema, TrackerEndpointsSchema } from '../schemas/device';
import { defineRoute } from './route';

/** Trackers are admin business: registering one shows its only clear-text credentials, once. */
export const DEVICE_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/devices', answer: z.array(DeviceSchema), allow: 'administer' }),
  /** Where phones reach this server (LAN addresses, PUBLIC_HOSTNAMES), with the configured ports. */
  endpoints: defineRoute({ method: 'GET', path: '/devices/endpoints', answer: TrackerEndpointsSchema, allow: 'administer' }),
  register: defineRoute({ method: 'POST', path: '/devices', body: DeviceCreateSchema, answer: DeviceCredentialsSchema, allow: 'administer', noStore: true }),
  revoke: defineRoute({ method: 'POST', path: '/devices/:id/revoke', answer: DeviceSchema, allow: 'administer' }),
};
