import { sql, type Kysely } from 'kysely';
import type { AssignmentState, DispatchPriority } from '../../shared/schemas/dispatch';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { WatcherJob, type WatcherSettings } from '../jobs/watcher-job';
import { findAssignment } from './dispatch-rows';
import { escalationAlarm, type EscalationKind, type OverdueAssignment } from './escalation-alarms';

export interface EscalationWatcherOptions extends WatcherSettings {
  db: Kysely<Database>;
  transactor: Transactor;
  alarms: Pick<AlarmService, 'raiseWithin' | 'clearWithin' | 'listOpen'>;
  deliveryTimeoutMs: number;
  acceptTimeoutMs: number;
}

/** The states in which an assignment is still waiting for what each alarm is about. */
const WAITING: Record<EscalationKind, readonly AssignmentState[]> = {
  dispatch_undelivered: ['created'],
  dispatch_unaccepted: ['created', 'delivered'],
};
const KINDS = Object.keys(WAITING) as EscalationKind[];
const BATCH = 500;

/**
 * Raises `dispatch_undelivered` for an assignment no tablet confirmed within the delivery timeout, and
 * `dispatch_unaccepted` for one not accepted (or declined) within the accept timeout, both counted from
 * its creation. The step that resolves one clears it in its own transaction; each check also clears any
 * alarm whose assignment has moved on (one raised by a check that raced the step).
 */
export class DispatchEscalationWatcher extends WatcherJob {
  constructor(private readonly options: EscalationWatcherOptions) {
    super('dispatch-escalation-watcher', Math.max(200, Math.min(5_000, Math.min(options.deliveryTimeoutMs, options.acceptTimeoutMs) / 4)), options);
  }

  protected override async check(): Promise<void> {
    const now = this.clock();
    const open = (await this.options.alarms.listOpen()).filter((a) => (KINDS as string[]).includes(a.kind));
    for (const kind of KINDS) {
      const timeout = kind === 'dispatch_undelivered' ? this.options.deliveryTimeoutMs : this.options.acceptTimeoutMs;
      for (const overdue of await this.overdueWithoutAlarm(kind, now - timeout)) await this.raiseIfWaiting(kind, overdue);
    }
    for (const alarm of open) await this.clearIfResolved(alarm.kind as EscalationKind, alarm.sourceId);
  }

  private async overdueWithoutAlarm(kind: EscalationKind, createdBefore: number): Promise<OverdueAssignment[]> {
    const rows = await this.options.db
      .selectFrom('dispatch_assignments as a')
      .innerJoin('dispatches as d', 'd.id', 'a.dispatch_id')
      .leftJoin('teams as t', 't.id', 'a.team_id')
      .select(['a.dispatch_id', 'a.team_id', 'a.created_at', 'd.priority', 'd.dest_label', 'd.exercise', 't.name'])
      .where('a.state', 'in', [...WAITING[kind]])
      .where('a.created_at', '<=', new Date(createdBefore).toISOString())
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('alarms')
              .select('alarms.id')
              .where('alarms.kind', '=', kind)
              .where('alarms.state', '!=', 'cleared')
              .whereRef('alarms.source_id', '=', sql<string>`a.dispatch_id || ':' || a.team_id`),
          ),
        ),
      )
      .orderBy('a.created_at')
      .limit(BATCH)
      .execute();
    return rows.map((r) => ({ dispatchId: r.dispatch_id, teamId: r.team_id, teamName: r.name ?? r.team_id, priority: r.priority as DispatchPriority, label: r.dest_label, createdAt: r.created_at, exercise: r.exercise === 1 }));
  }

  /** Re-reads the assignment in the raising transaction: a step may have come in since the query. */
  private raiseIfWaiting(kind: EscalationKind, overdue: OverdueAssignment): Promise<void> {
    return this.options.transactor.run(async (tx, record) => {
      const row = await findAssignment(tx, overdue.dispatchId, overdue.teamId);
      if (!row || !WAITING[kind].includes(row.state as AssignmentState)) return;
      await this.options.alarms.raiseWithin(tx, record, escalationAlarm(kind, overdue));
    });
  }

  /** An assignment never returns to a waiting state, so a read outside the clearing transaction is enough. */
  private async clearIfResolved(kind: EscalationKind, sourceId: string): Promise<void> {
    const split = sourceId.indexOf(':');
    const row = await findAssignment(this.options.db, sourceId.slice(0, split), sourceId.slice(split + 1));
    if (row && WAITING[kind].includes(row.state as AssignmentState)) return;
    await this.options.transactor.run((tx, record) => this.options.alarms.clearWithin(tx, record, kind, sourceId));
  }
}
