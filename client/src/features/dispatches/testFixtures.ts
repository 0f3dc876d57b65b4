import type { Assignment, AssignmentState, Dispatch } from '@shared/schemas/dispatch';
import type { DomainEvent } from '@shared/schemas/event';

const at = (minute: number) => `2025-08-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
const desk = { type: 'user', id: 'u-desk', name: '值班员' } as const;
const tablet = { type: 'user', id: 'u-tab', name: '蓝天平板' } as const;

export const assignment = (teamId: string, state: AssignmentState = 'created', over: Partial<Assignment> = {}): Assignment => ({
  teamId,
  state,
  queued: false,
  reason: null,
  channel: null,
  outcome: null,
  createdAt: at(0),
  updatedAt: at(0),
  updatedBy: desk,
  ...over,
});

export const dispatch = (id: string, assignments: Assignment[], over: Partial<Dispatch> = {}): Dispatch => ({
  id,
  taskType: 'rescue',
  priority: 'urgent',
  destination: { lat: 29.2, lon: 121.95, township: '石浦镇', label: '石浦渔港' },
  instructions: '转移被困群众',
  incidentId: null,
  createdBy: desk,
  createdAt: at(0),
  reassignedFrom: null,
  exercise: false,
  assignments,
  ...over,
});

export const assigned = (seq: number, d: Dispatch, teamId: string, queue: string[]): DomainEvent => ({
  seq,
  at: at(seq),
  actor: desk,
  type: 'dispatch.assigned',
  payload: { dispatch: { ...d, assignments: d.assignments.filter((a) => a.teamId === teamId) }, teamId, queue },
});

export const stepped = (
  seq: number,
  dispatchId: string,
  teamId: string,
  from: AssignmentState,
  state: AssignmentState,
  queue: string[],
  over: { channel?: Assignment['channel']; reason?: string | null; queued?: boolean } = {},
): DomainEvent => ({
  seq,
  at: at(seq),
  actor: tablet,
  type: 'dispatch.stepped',
  payload: {
    dispatchId,
    teamId,
    step: { dispatchId, teamId, from, state, at: at(seq), actor: tablet, channel: over.channel ?? 'tablet', reason: over.reason ?? null },
    assignment: assignment(teamId, state, { updatedAt: at(seq), updatedBy: tablet, channel: over.channel ?? 'tablet', reason: over.reason ?? null, queued: over.queued ?? false }),
    queue,
  },
});
