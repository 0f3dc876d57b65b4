import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import type { ResponseTask } from '../../shared/schemas/response';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { ResponsePorts } from './ports';
import { toResponse, toTask, updateTask } from './response-store';
import { LEVEL_ZH } from './response-words';
import { completeTask } from './task-completion';
import { DRILL_MARK, taskContext, type TaskContext } from './task-context';
import { escalateTask } from './task-links';

const FINAL = new Set(['completed', 'declined', 'cancelled']);

/**
 * One pass over the open tasks of active responses: a task past its deadline raises one `task_overdue` alarm
 * (naming its owner and, for a township's or contact's task, who has not answered with their numbers) and
 * goes to the backups (B角) of the owner's contacts who stayed silent; a
 * team's task whose dispatches are all finished, one of them completed, is done. Idempotent.
 */
export class OverdueWatcher {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly alarms: AlarmService,
    private readonly ports: ResponsePorts,
    private readonly clock: () => number = Date.now,
  ) {}

  async pass(): Promise<number> {
    const now = this.clock();
    const rows = await this.db
      .selectFrom('response_tasks')
      .innerJoin('responses', 'responses.id', 'response_tasks.response_id')
      .selectAll('response_tasks')
      .where('responses.state', '=', 'active')
      .where('response_tasks.state', '=', 'open')
      .execute();
    const tasks = rows.map(toTask);
    for (const task of tasks.filter((t) => t.actionState === 'done' && (t.actionResult?.dispatchIds.length ?? 0) > 0)) await this.checkDispatches(task);
    const open = new Set((await this.alarms.listOpen()).filter((a) => a.kind === 'task_overdue').map((a) => a.sourceId));
    let raised = 0;
    for (const task of tasks) {
      if (Date.parse(task.dueAt) > now || open.has(task.id)) continue;
      await this.raise(task, now);
      raised++;
    }
    return raised;
  }

  private async raise(task: ResponseTask, now: number): Promise<void> {
    await this.transactor.run(async (tx, record) => {
      const current = await tx.selectFrom('response_tasks').selectAll().where('id', '=', task.id).executeTakeFirst();
      const response = await tx.selectFrom('responses').selectAll().where('id', '=', task.responseId).executeTakeFirst();
      if (current?.state !== 'open' || !response) return;
      await this.escalate(taskContext({ tx, record, response: toResponse(response), actor: SYSTEM_ACTOR, now, ports: this.ports, alarms: this.alarms }), toTask(current));
      const silent = await tx.selectFrom('warning_recipients').select(['name', 'phones', 'role']).where('warning_id', '=', task.id).where('subject_type', '=', 'task').where('state', '!=', 'done').execute();
      await this.alarms.raiseWithin(tx, record, {
        kind: 'task_overdue',
        severity: task.level === 'I' || task.level === 'II' ? 'critical' : 'warning',
        sound: task.exercise ? 'none' : 'once',
        sourceType: 'response_task',
        sourceId: task.id,
        exercise: task.exercise,
        params: {
          title: task.title,
          owner: task.ownerName,
          level: LEVEL_ZH[task.level],
          minutes: Math.floor((now - Date.parse(task.dueAt)) / 60_000),
          dueAt: task.dueAt,
          drill: task.exercise ? DRILL_MARK : '',
          silent: silent.map((r) => `${r.name}${r.role === 'backup' ? '（B角）' : ''} ${(JSON.parse(r.phones) as string[]).join('/')}`).join('; '),
          responseId: task.responseId,
        },
      });
    });
  }

  /** The owner's silent contacts' backups (B角) get the task too; the desk sees to whom it went. */
  private async escalate(ctx: TaskContext, task: ResponseTask): Promise<void> {
    if (task.owner.kind !== 'township' && task.owner.kind !== 'contact') return;
    const added = await escalateTask(ctx, task);
    if (added.length === 0) return;
    const escalated: ResponseTask = { ...task, escalations: [...task.escalations, ...added] };
    await updateTask(ctx.tx, escalated);
    await ctx.record({ type: 'response.tasks_changed', actor: ctx.actor, payload: { responseId: task.responseId, tasks: [escalated], cause: 'escalated' } });
  }

  private async checkDispatches(task: ResponseTask): Promise<void> {
    const assignments = await this.db.selectFrom('dispatch_assignments').select('state').where('dispatch_id', 'in', task.actionResult!.dispatchIds).execute();
    if (assignments.length === 0 || !assignments.every((a) => FINAL.has(a.state)) || !assignments.some((a) => a.state === 'completed')) return;
    await this.transactor.run(async (tx, record) => {
      const row = await tx.selectFrom('response_tasks').selectAll().where('id', '=', task.id).executeTakeFirst();
      const response = await tx.selectFrom('responses').selectAll().where('id', '=', task.responseId).executeTakeFirst();
      if (!row || !response) return;
      const ctx = taskContext({ tx, record, response: toResponse(response), actor: SYSTEM_ACTOR, now: this.clock(), ports: this.ports, alarms: this.alarms });
      await completeTask(ctx, toTask(row), "调度已完成", task.ownerName, 'done');
    });
  }
}
