import type { Alarm } from '@shared/schemas/alarm';
import type { DomainEvent } from '@shared/schemas/event';
import type { Fix } from '@shared/schemas/position';
import type { Snapshot } from '@shared/schemas/sync';
import type { Team } from '@shared/schemas/team';
import { EMPTY_INCIDENT_BOARD_SNAPSHOT } from '@shared/schemas/incident-board';
import { DEFAULT_WALL_LAYOUT } from '@shared/schemas/wall';

const at = '2025-08-01T00:00:00.000Z';
const actor = { type: 'system', id: 'system', name: 'Tidewatch' } as const;

export const team = (id: string, over: Partial<Team> = {}): Team => ({
  id,
  name: `队伍${id}`,
  kind: 'fire_rescue',
  leader: '张三',
  phone: '13800000000',
  headcount: 10,
  capabilities: [],
  baseName: '丹东街道',
  base: { lat: 29.47, lon: 121.87 },
  township: '丹东街道',
  status: 'standby',
  updatedAt: at,
  ...over,
});

export const alarm = (id: string, over: Partial<Alarm> = {}): Alarm => ({
  id,
  kind: 'unit_silent',
  severity: 'warning',
  sound: 'once',
  sourceType: 'team',
  sourceId: 't1',
  params: { teamName: '队伍t1', lastSeenAt: at },
  state: 'raised',
  raisedAt: at,
  acknowledgedBy: null,
  acknowledgedAt: null,
  clearedAt: null,
  ...over,
});

export const fix = (teamId: string, t: number, over: Partial<Fix> = {}): Fix => ({
  teamId,
  deviceId: 'd1',
  lat: 29.47,
  lon: 121.87,
  t,
  speed: null,
  heading: null,
  accuracy: 10,
  altitude: null,
  battery: null,
  ...over,
});

export const snapshot = (seq: number, over: Partial<Snapshot> = {}): Snapshot => ({
  seq,
  teams: [],
  alarms: [],
  wallLayout: DEFAULT_WALL_LAYOUT,
  users: [],
  devices: [],
  dispatches: [],
  ...EMPTY_INCIDENT_BOARD_SNAPSHOT,
  typhoons: [],
  ...over,
});

export const teamUpdated = (seq: number, t: Team): DomainEvent => ({ seq, at, actor, type: 'team.updated', payload: { team: t } });
export const teamCreated = (seq: number, t: Team): DomainEvent => ({ seq, at, actor, type: 'team.created', payload: { team: t } });
export const teamDeleted = (seq: number, teamId: string): DomainEvent => ({ seq, at, actor, type: 'team.deleted', payload: { teamId } });
export const alarmEvent = (seq: number, type: 'alarm.raised' | 'alarm.acknowledged' | 'alarm.cleared', a: Alarm): DomainEvent =>
  ({ seq, at, actor, type, payload: { alarm: a } }) as DomainEvent;
export const layoutChanged = (seq: number, trailMinutes: number): DomainEvent => ({
  seq,
  at,
  actor,
  type: 'wall.layout_changed',
  payload: { layout: { ...DEFAULT_WALL_LAYOUT, trailMinutes } },
});
