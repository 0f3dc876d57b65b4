import { randomUUID } from 'node:crypto';
import type { ResponseTask } from '../../shared/schemas/response';
import { insertTasks, updateTask } from './response-store';
import { linkContacts, sendTaskLinks } from './task-links';
import { iso, type TaskContext } from './task-context';

const MINUTE = 60_000;

/** The next round of a repeating task: due one period after the last (never sooner than 10 minutes from now). */
export function nextOccurrence(task: ResponseTask, now: number): ResponseTask {
  const due = Math.max(Date.parse(task.dueAt) + task.repeatMinutes! * MINUTE, now + 10 * MINUTE);
  return {
    ...task,
    id: `task-${randomUUID()}`,
    occurrence: task.occurrence + 1,
    dueAt: iso(due),
    state: 'open',
    closedReason: null,
    doneAt: null,
    doneBy: null,
    note: null,
    // The action ran with the first round; later rounds are the report itself.
    action: null,
    actionState: 'none',
    actionResult: null,
    problems: [],
    createdAt: iso(now),
    escalations: [],
  };
}

/**
 * Marks an open task done (by the desk, a contact's 已落实, a completed dispatch or the action itself), clears
 * its overdue alarm, and for a repeating task adds the next round with its own links. Logged in the caller's
 * transaction; a task no longer open is answered as it is.
 */
export async function completeTask(ctx: TaskContext, task: ResponseTask, note: string | null, by: string, cause: 'done' | 'answered'): Promise<ResponseTask> {
  if (task.state !== 'open') return task;
  const done: ResponseTask = { ...task, state: 'done', doneAt: iso(ctx.now), doneBy: by, note: note || task.note };
  await updateTask(ctx.tx, done);
  await ctx.record({ type: 'response.tasks_changed', actor: ctx.actor, payload: { responseId: task.responseId, tasks: [done], cause } });
  await ctx.alarms.clearWithin(ctx.tx, ctx.record, 'task_overdue', task.id, ctx.actor);
  if (task.repeatMinutes !== null && ctx.response.state === 'active') {
    const next = nextOccurrence(task, ctx.now);
    await insertTasks(ctx.tx, [next]);
    await ctx.record({ type: 'response.tasks_added', actor: ctx.actor, payload: { responseId: task.responseId, tasks: [next], problems: [] } });
    await sendTaskLinks(ctx, next, linkContacts(ctx.response, next, await ctx.registry(), false).contacts);
  }
  return done;
}

/** Closes open tasks as no longer required (a lower level, the end), with the reason; clears their alarms. */
export async function closeTasks(ctx: TaskContext, tasks: ResponseTask[], reason: string): Promise<ResponseTask[]> {
  const closed = tasks.filter((t) => t.state === 'open').map((t): ResponseTask => ({ ...t, state: 'closed', closedReason: reason }));
  for (const task of closed) {
    await updateTask(ctx.tx, task);
    await ctx.alarms.clearWithin(ctx.tx, ctx.record, 'task_overdue', task.id, ctx.actor);
  }
  if (closed.length > 0) await ctx.record({ type: 'response.tasks_changed', actor: ctx.actor, payload: { responseId: ctx.response.id, tasks: closed, cause: 'closed' } });
  return closed;
}
