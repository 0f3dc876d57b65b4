// Test and benchmark support: whole records as the domains write them into the log, built from a few facts.
import type { Actor } from '../../../shared/schemas/actor';
import type { Alarm } from '../../../shared/schemas/alarm';
import type { Dispatch } from '../../../shared/schemas/dispatch';
import type { Incident, IncidentSeverity, IncidentType, ReportDeadline } from '../../../shared/schemas/incident';
import type { Shelter } from '../../../shared/schemas/shelter';
import type { SupplyRun } from '../../../shared/schemas/supply-run';
import type { Team } from '../../../shared/schemas/team';
import type { Recipient, Warning, WarningColour, Hazard } from '../../../shared/schemas/warning';

export const DESK: Actor = { type: 'user', id: 'u-desk', name: '值班员' };
export const COMMANDER: Actor = { type: 'user', id: 'u-cmd', name: '指挥长' };
export const iso = (ms: number): string => new Date(ms).toISOString();
export const MIN = 60_000;
export const HOUR = 3_600_000;

export const team = (id: string, name: string, at: number): Team => ({
  id,
  name,
  kind: 'township',
  leader: '张三',
  phone: '13800000000',
  headcount: 10,
  capabilities: [],
  baseName: '基地',
  base: { lat: 29.2, lon: 121.9 },
  township: '石浦镇',
  status: 'standby',
  updatedAt: iso(at),
});

export function warning(id: string, f: { hazard: Hazard; colour: WarningColour; townships: string[]; issuedAt: number; exercise?: boolean; replacesId?: string }): Warning {
  return {
    id,
    identifier: `33022500000000_${id}`,
    msgType: f.replacesId ? 'Update' : 'Alert',
    replacesId: f.replacesId ?? null,
    hazard: f.hazard,
    colour: f.colour,
    townships: f.townships,
    texts: { 'zh-CN': { headline: `${id} 预警`, description: '说明', instruction: '' } },
    effective: iso(f.issuedAt),
    expires: iso(f.issuedAt + 48 * HOUR),
    status: 'issued',
    exercise: f.exercise ?? false,
    draftedBy: { id: DESK.id, name: DESK.name },
    draftedAt: iso(f.issuedAt - MIN),
    approvedBy: { id: COMMANDER.id, name: COMMANDER.name },
    issuedAt: iso(f.issuedAt),
    replacedById: null,
    updatedAt: iso(f.issuedAt),
  };
}

export const recipient = (id: string, warningId: string, township: string, queuedAt: number): Recipient => ({
  id,
  warningId,
  subjectType: 'warning',
  backupFor: null,
  contactId: `c-${id}`,
  name: `联系人${id}`,
  duty: '镇长',
  township,
  phones: ['13900000000'],
  role: 'primary',
  state: 'sent',
  queuedAt: iso(queuedAt),
  sentAt: iso(queuedAt),
  openedAt: null,
  receivedAt: null,
  doneAt: null,
  doneNote: null,
  hasPhoto: false,
  phoneAnswer: null,
  failures: [],
});

/** Phone within 30 min and written within 60 min of intake, for 较大 and above. */
export function deadlines(incidentId: string, severity: IncidentSeverity, reportedAt: number): ReportDeadline[] {
  if (severity === 'general') return [];
  return (['phone', 'written'] as const).map((kind) => ({
    id: `${incidentId}-${kind}`,
    kind,
    severity,
    startedAt: iso(reportedAt),
    dueAt: iso(reportedAt + (kind === 'phone' ? 30 : 60) * MIN),
    state: 'open',
    doneAt: null,
    doneBy: null,
    recipient: null,
    recordedBy: null,
  }));
}

export const incident = (id: string, code: string, f: { type: IncidentType; severity: IncidentSeverity; township: string; reportedAt: number; exercise?: boolean }): Incident => ({
  id,
  code,
  title: `${f.township}${code}`,
  type: f.type,
  severity: f.severity,
  source: 'phone',
  status: 'reported',
  location: { lat: 29.2, lon: 121.9 },
  township: f.township,
  place: '',
  affected: 0,
  trapped: 0,
  injured: 0,
  dead: 0,
  account: '',
  caller: '',
  teamId: null,
  reportedAt: iso(f.reportedAt),
  updatedAt: iso(f.reportedAt),
  closedAt: null,
  exercise: f.exercise ?? false,
  deadlines: deadlines(id, f.severity, f.reportedAt),
});

export const dispatch = (id: string, teamId: string, createdAt: number, at: { lat: number; lon: number }, exercise = false): Dispatch => ({
  id,
  taskType: 'rescue',
  priority: 'urgent',
  destination: { ...at, township: '石浦镇', label: `目的地${id}` },
  instructions: '',
  incidentId: null,
  createdBy: DESK,
  createdAt: iso(createdAt),
  reassignedFrom: null,
  exercise,
  assignments: [{ teamId, state: 'created', queued: false, reason: null, channel: null, outcome: null, createdAt: iso(createdAt), updatedAt: iso(createdAt), updatedBy: DESK }],
});

export const shelter = (id: string, name: string, township: string, at: number): Shelter => ({
  id,
  name,
  level: 'township',
  township,
  location: { lat: 29.2, lon: 121.9 },
  address: '',
  capacity: 500,
  facilities: [],
  contactName: '',
  contactPhone: '',
  status: 'open',
  occupancy: 0,
  drillOccupancy: 0,
  supplies: [],
  updatedAt: iso(at),
  exercise: false,
});

export const supplyRun = (id: string, requestedAt: number): SupplyRun => ({
  id,
  fromDepotId: 'XS-01',
  destinationType: 'shelter',
  destinationId: 'sh-1',
  lines: [{ itemId: 'QUILT', quantity: 10 }],
  status: 'allocated',
  reason: '安置点需要',
  vehicle: '',
  dispatchId: null,
  requestedAt: iso(requestedAt),
  goalAt: iso(requestedAt + 12 * HOUR),
  allocatedAt: iso(requestedAt),
  departedAt: null,
  eta: null,
  arrivedAt: null,
  cancelledAt: null,
  createdBy: DESK.name,
  updatedAt: iso(requestedAt),
  exercise: false,
});

export const alarm = (id: string, kind: Alarm['kind'], severity: Alarm['severity'], raisedAt: number, sourceId: string): Alarm => ({
  id,
  kind,
  severity,
  sound: severity === 'critical' ? 'repeat' : 'once',
  sourceType: kind === 'sos' ? 'team' : 'other',
  sourceId,
  params: {},
  state: 'raised',
  raisedAt: iso(raisedAt),
  acknowledgedBy: null,
  acknowledgedAt: null,
  clearedAt: null,
  exercise: false,
});
