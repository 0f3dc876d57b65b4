import { RESPONSE_LEVELS, type ResponseLevel } from '../../../../shared/schemas/response-plan';
import type { Response, ResponseTask } from '../../../../shared/schemas/response';
import type { ReportSections } from '../../../../shared/schemas/review';
import { inReport, type ReportContext, type ReportSection } from '../section';

type TaskCounts = ReportSections['responses']['totals'];
const zero = (): TaskCounts => ({ onTime: 0, late: 0, overdue: 0, open: 0, closed: 0 });
const rank = (level: ResponseLevel) => RESPONSE_LEVELS.indexOf(level);

/** How a task stood at the window's end. */
function outcomeOf(task: ResponseTask, context: Pick<ReportContext, 'to'>): keyof TaskCounts {
  if (task.state === 'closed') return 'closed';
  if (task.state === 'done') return task.doneAt && task.doneAt <= task.dueAt ? 'onTime' : 'late';
  return Date.parse(task.dueAt) < context.to ? 'overdue' : 'open';
}

const overlaps = (r: Response, context: Pick<ReportContext, 'from' | 'to'>) => Date.parse(r.startedAt) < context.to && (r.endedAt === null || Date.parse(r.endedAt) >= context.from);

/**
 * Response levels (issue 15): every response that ran in the window, its levels as they changed (who and why), and
 * its plan tasks per owner as they stood at the window's end. A drill's response only in the drill report.
 */
export const responsesSection: ReportSection<'responses'> = {
  key: 'responses',
  types: ['response.started', 'response.raised', 'response.lowered', 'response.ended', 'response.tasks_added', 'response.tasks_changed'],
  start(context) {
    const responses = new Map<string, Response>();
    const tasks = new Map<string, ResponseTask>();
    return {
      add(event) {
        if ('response' in event.payload) responses.set(event.payload.response.id, event.payload.response);
        else if ('tasks' in event.payload) for (const task of event.payload.tasks) tasks.set(task.id, task);
      },
      finish() {
        const chosen = [...responses.values()].filter((r) => overlaps(r, context) && inReport(r, context)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
        const ids = new Set(chosen.map((r) => r.id));
        const byOwner = new Map<string, ReportSections['responses']['owners'][number]>();
        const totals = zero();
        for (const task of tasks.values()) {
          const response = responses.get(task.responseId);
          if (!response || !ids.has(response.id)) continue;
          const key = `${response.id}|${task.ownerName}`;
          const row = byOwner.get(key) ?? { responseId: response.id, hazard: response.hazard, owner: task.ownerName, ...zero() };
          const outcome = outcomeOf(task, context);
          row[outcome]++;
          totals[outcome]++;
          byOwner.set(key, row);
        }
        const owners = [...byOwner.values()].sort((a, b) => b.overdue + b.late - (a.overdue + a.late) || a.owner.localeCompare(b.owner));
        return {
          responses: chosen.map((r) => ({
            id: r.id,
            hazard: r.hazard,
            highestLevel: r.history.filter((h) => Date.parse(h.at) < context.to && h.kind !== 'ended').reduce<ResponseLevel>((top, h) => (rank(h.level) > rank(top) ? h.level : top), r.history[0]?.level ?? r.level),
            startedAt: r.startedAt,
            endedAt: r.endedAt,
          })),
          levels: chosen.flatMap((r) => r.history.map((h) => ({ responseId: r.id, hazard: r.hazard, kind: h.kind, level: h.level, at: h.at, by: h.by.name, reason: h.reason }))),
          owners,
          totals,
        };
      },
    };
  },
};
