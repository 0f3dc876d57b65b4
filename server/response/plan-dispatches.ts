import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ACTIVE_ASSIGNMENT_STATES } from '../../shared/schemas/dispatch';
import type { Actor } from '../../shared/schemas/event';
import { PlanDispatchCancelResultSchema, type PlanDispatch, type PlanDispatchCancelSchema } from '../../shared/schemas/response';
import type { ActionLedger } from '../actions/action-ledger';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import type { ResponsePorts } from './ports';
import { loadResponse, tasksOf } from './response-store';

const isActive = (state: string) => (ACTIVE_ASSIGNMENT_STATES as readonly string[]).includes(state);

/**
 * The dispatches a response's plan created that still have a team on them. Ending a response closes its tasks but
 * never cancels a team's work silently: the desk lists these and the commander cancels them, all in one click.
 */
export class PlanDispatchService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ledger: ActionLedger,
    private readonly ports: Pick<ResponsePorts, 'findDispatch' | 'cancelDispatch'>,
  ) {}

  /** Oldest task first; a dispatch appears once, under the task that created it. */
  async stillActive(responseId: string): Promise<PlanDispatch[]> {
    return this.db.transaction().execute(async (tx) => {
      await loadResponse(tx, responseId);
      const out: PlanDispatch[] = [];
      for (const task of await tasksOf(tx, responseId)) {
        for (const dispatchId of task.actionResult?.dispatchIds ?? []) {
          const dispatch = await this.ports.findDispatch(tx, dispatchId);
          if (dispatch?.assignments.some((a) => isActive(a.state))) out.push({ taskId: task.id, taskTitle: task.title, dispatch });
        }
      }
      return out;
    });
  }

  async cancel(responseId: string, data: z.output<typeof PlanDispatchCancelSchema>, actor: Actor) {
    const spec = { actionId: data.actionId, userId: actor.id, kind: 'response.cancel_plan_dispatches', request: { responseId, ...data }, result: PlanDispatchCancelResultSchema };
    return this.ledger.once(spec, async (tx, record) => {
      await loadResponse(tx, responseId);
      const own = new Set((await tasksOf(tx, responseId)).flatMap((t) => t.actionResult?.dispatchIds ?? []));
      const foreign = data.dispatchIds.filter((id) => !own.has(id));
      if (foreign.length > 0) throw new DomainError('VALIDATION_FAILED', 'Only the dispatches this response’s plan created can be cancelled here.', [{ path: 'dispatchIds', message: `not of this response: ${foreign.join(', ')}` }]);
      const result = { cancelled: [] as string[], alreadyFinished: [] as string[] };
      for (const id of data.dispatchIds) {
        const n = await this.ports.cancelDispatch(tx, record, id, data.reason, actor);
        (n > 0 ? result.cancelled : result.alreadyFinished).push(id);
      }
      return result;
    });
  }
}
