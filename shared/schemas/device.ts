import { z } from 'zod';
import { DEVICE_KINDS } from '../enums';
import { InstantSchema } from '../time';
import { TeamIdSchema } from './team';

export const DeviceSchema = z.object({
  id: z.string(),
  teamId: TeamIdSchema,
  kind: z.enum(DEVICE_KINDS),
  name: z.string().min(1).max(60),
  /** OwnTracks user name (HTTP Basic); null for other kinds. */
  username: z.string().nullable(),
  lastSeenAt: InstantSchema.nullable(),
  /** Fixes from this device that were answered 200 but dropped as invalid. */
  rejectedFixes: z.number().int(),
  lastRejectReason: z.string().nullable(),
  /** Battery percentage last reported, with or without a fix. */
  battery: z.number().nullable(),
  /** The device clock minus the server's at its latest fix (ms): positive means ahead. */
  clockSkewMs: z.number().int().nullable(),
  /** Fixes dropped by the per-device write limit (answered 2xx all the same). */
  thinnedFixes: z.number().int(),
  revoked: z.boolean(),
  createdAt: InstantSchema,
});
export type Device = z.infer<typeof DeviceSchema>;

/**
 * An identifier a tracker already uses (an IMEI, Traccar Client's own default id). In the OsmAnd
 * protocol the identifier is the device's only credential, so the generated key stays the default.
 */
export const OsmandIdentifierSchema = z
  .string()
  .trim()
  .min(6, 'at least 6 characters')
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const DeviceCreateSchema = z
  .object({ teamId: TeamIdSchema, kind: z.enum(['osmand', 'owntracks']), name: z.string().min(1).max(60), identifier: OsmandIdentifierSchema.optional() })
  .strict()
  .refine((d) => d.identifier === undefined || d.kind === 'osmand', { path: ['identifier'], message: 'only an OsmAnd device takes an identifier' });
export type DeviceCreate = z.infer<typeof DeviceCreateSchema>;

/** Shown once to the admin who registers the device; the server keeps only hashes. */
export const DeviceCredentialsSchema = z.object({
  device: DeviceSchema,
  osmandId: z.string().nullable(),
  owntracksUser: z.string().nullable(),
  owntracksPassword: z.string().nullable(),
});
export type DeviceCredentials = z.infer<typeof DeviceCredentialsSchema>;

/** Where phones send positions, as the admin's device panel shows them (reachable from a phone, not localhost). */
export const TrackerEndpointsSchema = z.object({ osmandUrls: z.array(z.string()), owntracksUrls: z.array(z.string()) });
export type TrackerEndpoints = z.infer<typeof TrackerEndpointsSchema>;
