import type { Response, ResponseTask } from '@shared/schemas/response';

export function makeResponse(over: Partial<Response> = {}): Response {
  return {
    id: 'response-1',
    hazard: 'typhoon',
    level: 'IV',
    exercise: false,
    state: 'active',
    startedAt: '2025-09-15T01:00:00.000Z',
    levelSince: '2025-09-15T01:00:00.000Z',
    endedAt: null,
    history: [{ kind: 'started', level: 'IV', reason: '7级风圈24小时内影响', by: { id: 'u-cmd', name: '指挥长' }, at: '2025-09-15T01:00:00.000Z' }],
    planVersions: { IV: 1 },
    drillScope: null,
    ...over,
  };
}

export function makeTask(over: Partial<ResponseTask> = {}): ResponseTask {
  return {
    id: 'task-1',
    responseId: 'response-1',
    level: 'IV',
    planVersion: 1,
    key: 'iv-duty',
    title: '启动24小时领导带班值班',
    owner: { kind: 'role', role: 'commander' },
    ownerName: '指挥长',
    dueAt: '2025-09-15T01:30:00.000Z',
    repeatMinutes: null,
    occurrence: 1,
    state: 'open',
    closedReason: null,
    doneAt: null,
    doneBy: null,
    note: null,
    action: null,
    actionState: 'none',
    actionResult: null,
    automatic: false,
    exercise: false,
    problems: [],
    createdAt: '2025-09-15T01:00:00.000Z',
    escalations: [],
    ...over,
  };
}
