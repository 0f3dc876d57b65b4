import type { Incident } from '@shared/schemas/incident';
import type { TimelineEntry } from '@shared/schemas/incident-record';

/** Incidents and timeline entries for tests, with every field filled. */

const at = '2025-08-01T00:00:00.000Z';

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
  exercise: false,
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
