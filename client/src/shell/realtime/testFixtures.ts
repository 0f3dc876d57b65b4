import type { DomainEvent } from '@shared/schemas/event';
import { EMPTY_SITUATION_LISTS, type Snapshot } from '@shared/schemas/sync';
import { DEFAULT_WALL_LAYOUT } from '@shared/schemas/wall';

const at = '2025-08-01T00:00:00.000Z';
const actor = { type: 'system', id: 'system', name: 'Tidewatch' } as const;

export const snapshot = (seq: number, over: Partial<Snapshot> = {}): Snapshot => ({
  seq,
  teams: [],
  alarms: [],
  wallLayout: DEFAULT_WALL_LAYOUT,
  users: [],
  devices: [],
  dispatches: [],
  contacts: [],
  ...EMPTY_SITUATION_LISTS,
  ...over,
});

export const layoutChanged = (seq: number, trailMinutes: number): DomainEvent => ({
  seq,
  at,
  actor,
  type: 'wall.layout_changed',
  payload: { layout: { ...DEFAULT_WALL_LAYOUT, trailMinutes } },
});

/** Builds an event of any type; the payload is checked by the caller's literal. */
export const ev = (seq: number, type: DomainEvent['type'], payload: unknown): DomainEvent => ({ seq, at, actor, type, payload }) as DomainEvent;
