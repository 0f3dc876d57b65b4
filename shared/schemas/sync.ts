import { z } from 'zod';
import { AlarmSchema } from './alarm';
import { DeviceSchema } from './device';
import { DispatchSchema } from './dispatch';
import { DomainEventSchema } from './event';
import { DutyListsSchema } from './duty';
import { IncidentListsSchema } from './incident';
import { FixSchema } from './position';
import { ResponseListsSchema } from './response';
import { ShelterListsSchema } from './shelter';
import { SupplyListsSchema } from './supply-run';
import { TeamSchema } from './team';
import { TyphoonListsSchema } from './typhoon';
import { UserSchema } from './user';
import { ContactSchema } from './contact';
import { WarningListsSchema } from './warning';
import { WallLayoutSchema } from './wall';

/** The lists only board roles (staff and wall screens) get, one part per domain; a field tablet gets them empty. */
export const SituationListsSchema = z.object({
  ...IncidentListsSchema.shape,
  ...ShelterListsSchema.shape,
  ...SupplyListsSchema.shape,
  ...DutyListsSchema.shape,
  ...TyphoonListsSchema.shape,
  ...WarningListsSchema.shape,
  ...ResponseListsSchema.shape,
});
export type SituationLists = z.infer<typeof SituationListsSchema>;

export const EMPTY_SITUATION_LISTS: SituationLists = {
  incidents: [],
  shelters: [],
  townshipEvacuations: [],
  depots: [],
  supplyItems: [],
  stockLevels: [],
  supplyRuns: [],
  dutyShifts: [],
  handovers: [],
  typhoons: [],
  warnings: [],
  capAlerts: [],
  warningCoverage: [],
  responses: [],
  responseTasks: [],
  evacuationTargets: [],
  evacuationVillages: [],
};

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
  /** The 叫应 contacts registry (names and phones): staff only, empty for the wall and tablets. */
  contacts: z.array(ContactSchema),
  ...SituationListsSchema.shape,
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
