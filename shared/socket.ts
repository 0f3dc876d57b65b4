import { z } from 'zod';
import type { Ack } from './ack';
import { AlarmAcknowledgeSchema, AlarmSchema } from './schemas/alarm';
import { DISPATCH_PUSHES, DISPATCH_REQUESTS } from './schemas/dispatch-socket';
import { DomainEventSchema } from './schemas/event';
import { INCIDENT_CLIENT_REQUESTS } from './schemas/incident-record';
import { FieldFixSchema, LivePositionSchema } from './schemas/position';
import { StationStateSchema } from './schemas/sensor-reading';
import { SyncHelloSchema, SyncResultSchema } from './schemas/sync';
import { VIDEO_PUSHES, VIDEO_REQUESTS } from './schemas/video-socket';

/**
 * The socket protocol, declared once. Client requests carry a payload and are answered with an Ack;
 * server pushes carry a payload only. Both sides derive their types and validation from these maps.
 */
export const CLIENT_REQUESTS = {
  'sync:hello': { request: SyncHelloSchema, response: SyncResultSchema },
  'position:report': { request: FieldFixSchema, response: z.object({ accepted: z.boolean() }) },
  'alarm:acknowledge': { request: AlarmAcknowledgeSchema, response: AlarmSchema },
  ...DISPATCH_REQUESTS,
  ...INCIDENT_CLIENT_REQUESTS,
  ...VIDEO_REQUESTS,
} as const;

export const SERVER_PUSHES = {
  'sync:event': DomainEventSchema,
  'positions:batch': z.array(LivePositionSchema),
  /** Gauge states that changed since the last batch (coalesced per station, like positions). */
  'stations:batch': z.array(StationStateSchema),
  'session:ended': z.object({ reason: z.enum(['revoked', 'expired', 'disabled', 'logout']) }),
  ...DISPATCH_PUSHES,
  ...VIDEO_PUSHES,
} as const;

export type ClientRequestName = keyof typeof CLIENT_REQUESTS;
export type ServerPushName = keyof typeof SERVER_PUSHES;
export type RequestOf<K extends ClientRequestName> = z.input<(typeof CLIENT_REQUESTS)[K]['request']>;
export type ParsedRequestOf<K extends ClientRequestName> = z.output<(typeof CLIENT_REQUESTS)[K]['request']>;
export type ResponseOf<K extends ClientRequestName> = z.output<(typeof CLIENT_REQUESTS)[K]['response']>;
export type PushOf<K extends ServerPushName> = z.output<(typeof SERVER_PUSHES)[K]>;

export type ClientToServerEvents = {
  [K in ClientRequestName]: (payload: RequestOf<K>, ack: (res: Ack<ResponseOf<K>>) => void) => void;
};
export type ServerToClientEvents = { [K in ServerPushName]: (payload: PushOf<K>) => void };

/** Socket.IO rooms the server uses to route pushes by audience. */
export const ROOMS = {
  board: 'board',
  staff: 'staff',
  admin: 'admin',
  team: (teamId: string) => `team:${teamId}`,
} as const;
