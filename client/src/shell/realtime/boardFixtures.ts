import type { DutyShift } from '@shared/schemas/duty';
import type { DomainEvent } from '@shared/schemas/event';
import type { Incident } from '@shared/schemas/incident';
import type { TimelineEntry } from '@shared/schemas/incident-record';
import type { Shelter } from '@shared/schemas/shelter';
import type { Depot, StockLevel, SupplyItem } from '@shared/schemas/supply';
import type { SupplyRun } from '@shared/schemas/supply-run';

const at = '2025-08-01T00:00:00.000Z';
const actor = { type: 'system', id: 'system', name: 'Tidewatch' } as const;

/** Builds an event of any type; the payload is checked by the caller's literal. */
export const ev = (seq: number, type: DomainEvent['type'], payload: unknown): DomainEvent => ({ seq, at, actor, type, payload }) as DomainEvent;

export const incident = (id: string, over: Partial<Incident> = {}): Incident => ({
  id,
  code: `20250801-${id}`,
  title: `事件${id}`,
  type: 'waterlogging',
  severity: 'major',
  source: 'phone',
  status: 'reported',
  location: { lat: 29.47, lon: 121.87 },
  township: '丹东街道',
  place: '',
  affected: 0,
  trapped: 0,
  injured: 0,
  dead: 0,
  account: '',
  caller: '',
  teamId: null,
  reportedAt: at,
  updatedAt: at,
  closedAt: null,
  deadlines: [],
  ...over,
});

export const entry = (id: string, incidentId: string, over: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id,
  incidentId,
  at,
  kind: 'note',
  text: '',
  params: {},
  author: '值班员',
  ...over,
});

export const shelter = (id: string, over: Partial<Shelter> = {}): Shelter => ({
  id,
  name: `安置点${id}`,
  level: 'township',
  township: '丹东街道',
  location: { lat: 29.47, lon: 121.87 },
  address: '',
  capacity: 100,
  facilities: [],
  contactName: '',
  contactPhone: '',
  status: 'open',
  occupancy: 0,
  supplies: [],
  updatedAt: at,
  ...over,
});

export const depot = (id: string): Depot => ({ id, name: `仓库${id}`, tier: 'county', township: '丹东街道', location: { lat: 29.47, lon: 121.87 }, address: '', manager: '', phone: '', updatedAt: at });
export const item = (id: string, keyItem = true): SupplyItem => ({ id, name: `物资${id}`, category: '', unit: '件', keyItem, updatedAt: at });
export const level = (depotId: string, itemId: string, over: Partial<StockLevel> = {}): StockLevel => ({ depotId, itemId, onHand: 10, reserved: 0, available: 10, minLevel: 5, updatedAt: at, ...over });

export const run = (id: string, over: Partial<SupplyRun> = {}): SupplyRun => ({
  id,
  fromDepotId: 'd1',
  destinationType: 'shelter',
  destinationId: 's1',
  lines: [{ itemId: 'tent', quantity: 2 }],
  status: 'allocated',
  reason: '安置',
  vehicle: '',
  dispatchId: null,
  requestedAt: at,
  goalAt: '2025-08-01T12:00:00.000Z',
  allocatedAt: at,
  departedAt: null,
  eta: null,
  arrivedAt: null,
  cancelledAt: null,
  createdBy: '值班员',
  updatedAt: at,
  ...over,
});

export const shift = (id: string, startsAt: string, endsAt: string, leader = '李带班'): DutyShift => ({
  id,
  startsAt,
  endsAt,
  leader: { userId: `u-${id}`, name: leader },
  officers: [{ userId: 'o1', name: '王值班' }],
  note: '',
  updatedAt: at,
});
