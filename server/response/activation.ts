import { randomUUID } from 'node:crypto';
import type { Plan, PlanProblem, ResponseLevel } from '../../shared/schemas/response-plan';
import type { ResponseTask } from '../../shared/schemas/response';
import { runAction } from './action-runner';
import { ownerName, taskProblems, type Registry } from './references';
import { currentPlan, insertTasks } from './response-store';
import { iso, type TaskContext } from './task-context';
import { linkContacts, sendTaskLinks } from './task-links';

/** A plan's tasks as a response's tasks, due relative to `activatedAt`; their actions wait for confirmation. */
export function tasksFromPlan(ctx: Pick<TaskContext, 'response' | 'now'>, plan: Plan, registry: Registry): ResponseTask[] {
  return plan.tasks.map((t) => {
    const hasAction = t.action !== null || t.owner.kind === 'team';
    return {
      id: `task-${randomUUID()}`,
      responseId: ctx.response.id,
      level: plan.level,
      planVersion: plan.version,
      key: t.key,
      title: t.title,
      owner: t.owner,
      ownerName: ownerName(t.owner, registry),
      dueAt: iso(ctx.now + t.dueMinutes * 60_000),
      repeatMinutes: t.repeatMinutes,
      occurrence: 1,
      state: 'open',
      closedReason: null,
      doneAt: null,
      doneBy: null,
      note: null,
      action: t.action,
      actionState: hasAction ? 'prepared' : 'none',
      actionResult: null,
      automatic: t.automatic,
      exercise: ctx.response.exercise,
      problems: taskProblems(t, registry),
      createdAt: iso(ctx.now),
      escalations: [],
    };
  });
}

/**
 * Activates the plans of `levels` inside the caller's transaction: every task is written and logged, the
 * township's and contact's tasks get their personal links, and automatic actions run. Either all of it
 * commits with the level change or none of it. Answers the tasks (as stored after automatic actions) and
 * every reference that did not resolve.
 */
export async function activate(ctx: TaskContext, levels: ResponseLevel[]): Promise<{ tasks: ResponseTask[]; problems: PlanProblem[]; versions: Partial<Record<ResponseLevel, number>> }> {
  const registry = await ctx.registry();
  const versions: Partial<Record<ResponseLevel, number>> = {};
  let tasks: ResponseTask[] = [];
  for (const level of levels) {
    const plan = await currentPlan(ctx.tx, ctx.response.hazard, level);
    versions[level] = plan.version;
    tasks.push(...tasksFromPlan(ctx, plan, registry));
  }
  const problems = tasks.flatMap((t) => t.problems);
  for (const task of tasks) {
    const links = linkContacts(ctx.response, task, registry, false);
    task.problems.push(...links.problems);
    problems.push(...links.problems);
  }
  await insertTasks(ctx.tx, tasks);
  await ctx.record({ type: 'response.tasks_added', actor: ctx.actor, payload: { responseId: ctx.response.id, tasks, problems } });
  for (const task of tasks) await sendTaskLinks(ctx, task, linkContacts(ctx.response, task, registry, false).contacts);
  const automatic = tasks.filter((t) => t.automatic && t.actionState === 'prepared');
  if (automatic.length > 0) {
    const ran = new Map<string, ResponseTask>();
    for (const task of automatic) ran.set(task.id, await runAction(ctx, task));
    await ctx.record({ type: 'response.tasks_changed', actor: ctx.actor, payload: { responseId: ctx.response.id, tasks: [...ran.values()], cause: 'confirmed' } });
    tasks = tasks.map((t) => ran.get(t.id) ?? t);
  }
  return { tasks, problems, versions };
}
