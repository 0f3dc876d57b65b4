import { z } from 'zod';
import { AlarmSchema } from './alarm';
import { DeviceSchema } from './device';
import { DispatchSchema } from './dispatch';
import { DomainEventSchema } from './event';
import { INCIDENT_BOARD_SNAPSHOT } from './incident-board';
import { FixSchema } from './position';
import { TeamSchema } from './team';
import { StormSchema } from './typhoon';
import { UserSchema } from './user';
import { WallLayoutSchema } from './wall';

/** The state a client starts from; `seq` is the last event it reflects. Lists are what the role may see. */
export const SnapshotSchema = z.object({
  seq: z.number().int().min(0),
  teams: z.array(TeamSchema),
  alarms: z.array(AlarmSchema),
  wallLayout: WallLayoutSchema,
  users: z.array(UserSchema),
  devices: z.array(DeviceSchema),
  /** Active dispatches and those of the last day (a field tablet: its own team's). */
  dispatches: z.array(DispatchSchema),
  ...INCIDENT_BOARD_SNAPSHOT,
  /** Storms not archived (board roles; empty for a field tablet). */
  typhoons: z.array(StormSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const SyncHelloSchema = z.object({ lastSeq: z.number().int().min(0).nullable() }).strict();
export type SyncHello = z.infer<typeof SyncHelloSchema>;

export const SyncResultSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('events'), events: z.array(DomainEventSchema), positions: z.array(FixSchema) }),
  z.object({ mode: z.literal('snapshot'), snapshot: SnapshotSchema, positions: z.array(FixSchema) }),
]);
export type SyncResult = z.infer<typeof SyncResultSchema>;

/** A reconnecting client further behind than this gets a fresh snapshot instead of the events. */
export const MAX_RESYNC_EVENTS = 1000;
