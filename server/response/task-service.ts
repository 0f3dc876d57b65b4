import type { Kysely, Transaction } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import type { ResponseTask } from '../../shared/schemas/response';
import type { Recipient } from '../../shared/schemas/warning';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import { conflict } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { recipientsOf, toRecipient } from '../warnings/ack/recipient-store';
import type { AckSubject } from '../warnings/ack/subjects';
import { beijingTime } from '../warnings/ack/subjects';
import type { RecipientRow } from '../warnings/schema';
import type { ResponsePorts } from './ports';
import { loadResponse, loadTask } from './response-store';
import { HAZARD_ZH, LEVEL_COLOUR, LEVEL_ZH } from './response-words';
import { completeTask } from './task-completion';
import { taskContext } from './task-context';

/**
 * A task's completion from the desk (已落实 with a note) or from its owners' personal links: the links are the
 * warnings' 叫应 links with a task as their subject, so opened/received/done, phone answers and backups work
 * the same way.
 */
export class TaskService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly ports: ResponsePorts,
    private readonly alarms: AlarmService,
    private readonly clock: () => number = Date.now,
  ) {}

  async done(taskId: string, note: string, actor: Actor): Promise<ResponseTask> {
    return this.transactor.run(async (tx, record) => {
      const task = await loadTask(tx, taskId);
      if (task.state !== 'open') throw conflict(task.state === 'done' ? 'This task is already done.' : 'This task was closed as no longer required.');
      return completeTask(await this.context(tx, record, task, actor), task, note, actor.name, 'done');
    });
  }

  /** The task's link recipients, in the order they were asked, with their answers (a missing task is NOT_FOUND). */
  async answers(taskId: string): Promise<Recipient[]> {
    await loadTask(this.db, taskId);
    return (await recipientsOf(this.db, taskId, 'task')).map(toRecipient);
  }

  /** The subject the ack links show and answer for a task. */
  readonly subject: AckSubject = {
    page: async (tx, taskId) => {
      const task = await loadTask(tx, taskId);
      const response = await loadResponse(tx, task.responseId);
      return {
        state: task.state === 'closed' ? 'replaced' : 'open',
        view: {
          headline: `${HAZARD_ZH[response.hazard]}${LEVEL_ZH[task.level]}级应急响应任务`,
          colour: LEVEL_COLOUR[task.level],
          exercise: task.exercise,
          meta: `${task.ownerName} · 请于 ${beijingTime(task.dueAt)} 前落实`,
          body: [task.title, ...(task.closedReason ? [task.closedReason] : [])],
          asksReceived: false,
        },
      };
    },
    answered: async (tx, record, row, actor) => this.answered(tx, record, row, actor),
  };

  /** 已落实 from a link: a township's or contact's task is done; a required report once every township answered. */
  private async answered(tx: Transaction<Database>, record: RecordEvent, row: RecipientRow, actor: Actor): Promise<void> {
    if (row.state !== 'done') return;
    const task = await loadTask(tx, row.warning_id);
    if (task.state !== 'open') return;
    if (task.action?.kind === 'require_report' && task.owner.kind !== 'township' && task.owner.kind !== 'contact') {
      const answered = await tx.selectFrom('warning_recipients').select('township').where('warning_id', '=', task.id).where('subject_type', '=', 'task').where('state', '=', 'done').execute();
      const have = new Set(answered.map((r) => r.township));
      if (!task.action.townships.every((t) => have.has(t))) return;
    }
    await completeTask(await this.context(tx, record, task, actor), task, row.done_note, `${row.township} ${row.name}`, 'answered');
  }

  private async context(tx: Transaction<Database>, record: RecordEvent, task: ResponseTask, actor: Actor) {
    const response = await loadResponse(tx, task.responseId);
    return taskContext({ tx, record, response, actor: actor ?? SYSTEM_ACTOR, now: this.clock(), ports: this.ports, alarms: this.alarms });
  }
}
