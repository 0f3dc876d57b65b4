import { z } from 'zod';
import { TEAM_STATUSES } from '../enums';
import { InstantSchema } from '../time';
import { type Actor, ActorSchema } from './actor';
import { AlarmSchema } from './alarm';
import { DISPATCH_EVENT_PAYLOADS } from './dispatch';
import { INCIDENT_EVENT_PAYLOADS } from './incident-record';
import { SHELTER_EVENT_PAYLOADS } from './shelter';
import { SUPPLY_EVENT_PAYLOADS } from './supply-run';
import { DUTY_EVENT_PAYLOADS } from './duty';
import { CAMERA_EVENT_PAYLOADS } from './camera';
import { TYPHOON_EVENT_PAYLOADS } from './typhoon-exposure';
import { CAP_EVENT_PAYLOADS } from './cap-alert';
import { CONTACT_EVENT_PAYLOADS } from './contact';
import { WARNING_EVENT_PAYLOADS } from './warning';
import { STATION_EVENT_PAYLOADS } from './station';
import { RESPONSE_EVENT_PAYLOADS } from './response';
import { DeviceSchema } from './device';
import { TeamIdSchema, TeamSchema } from './team';
import { UserSchema } from './user';
import { WallLayoutSchema } from './wall';

export { ActorSchema, type Actor } from './actor';
export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system', name: 'Tidewatch' };

/** Payload schema of every event type: the one list of what can change. */
export const EVENT_PAYLOADS = {
  'team.created': z.object({ team: TeamSchema }),
  'team.updated': z.object({ team: TeamSchema }),
  'team.deleted': z.object({ teamId: TeamIdSchema }),
  'team.status_changed': z.object({ team: TeamSchema, from: z.enum(TEAM_STATUSES) }),
  'user.created': z.object({ user: UserSchema }),
  'user.updated': z.object({ user: UserSchema }),
  'device.registered': z.object({ device: DeviceSchema }),
  'device.revoked': z.object({ device: DeviceSchema }),
  'session.revoked': z.object({ userId: z.string(), sessionId: z.string() }),
  'auth.login': z.object({ userId: z.string(), username: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() }),
  'auth.login_failed': z.object({ username: z.string(), ip: z.string().nullable(), reason: z.enum(['invalid_credentials', 'throttled', 'disabled']) }),
  'auth.logout': z.object({ userId: z.string(), sessionId: z.string() }),
  'auth.password_changed': z.object({ userId: z.string() }),
  'alarm.raised': z.object({ alarm: AlarmSchema }),
  'alarm.acknowledged': z.object({ alarm: AlarmSchema }),
  'alarm.cleared': z.object({ alarm: AlarmSchema }),
  'wall.layout_changed': z.object({ layout: WallLayoutSchema }),
  ...INCIDENT_EVENT_PAYLOADS,
  ...SHELTER_EVENT_PAYLOADS,
  ...SUPPLY_EVENT_PAYLOADS,
  ...DUTY_EVENT_PAYLOADS,
  ...DISPATCH_EVENT_PAYLOADS,
  ...CAMERA_EVENT_PAYLOADS,
  ...TYPHOON_EVENT_PAYLOADS,
  ...WARNING_EVENT_PAYLOADS,
  ...CAP_EVENT_PAYLOADS,
  ...CONTACT_EVENT_PAYLOADS,
  ...STATION_EVENT_PAYLOADS,
  ...RESPONSE_EVENT_PAYLOADS,
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];

const eventVariant = <T extends EventType>(type: T) =>
  z.object({
    seq: z.number().int().positive(),
    at: InstantSchema,
    type: z.literal(type),
    actor: ActorSchema,
    payload: EVENT_PAYLOADS[type],
  });

type EventVariants = { [T in EventType]: ReturnType<typeof eventVariant<T>> };
const variants = Object.fromEntries(EVENT_TYPES.map((t) => [t, eventVariant(t)])) as EventVariants;

export const DomainEventSchema = z.discriminatedUnion(
  'type',
  Object.values(variants) as unknown as [EventVariants[EventType], ...EventVariants[EventType][]],
);
export type DomainEvent = { [T in EventType]: z.infer<EventVariants[T]> }[EventType];
export type DomainEventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/**
 * Who may see an event: `admin` (admins only), `board` (staff and wall displays),
 * or `team:<id>` (the board plus that team's field users).
 */
/** `staff`: the command centre's people (admin, commander, duty officer), not the wall kiosk nor tablets. */
export type Audience = 'admin' | 'staff' | 'board' | `team:${string}`;
