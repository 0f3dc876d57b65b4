import type { Kysely } from 'kysely';
import type { IncidentSeverity, ReportKind } from '../../shared/schemas/incident';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import { IntervalJob, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import { overdueAlarmSeverity } from './report-deadlines';

export interface ReportDeadlineWatcherOptions {
  db: Kysely<Database>;
  alarms: Pick<AlarmService, 'raise' | 'clear' | 'listOpen'>;
  clock?: () => number;
  checkEveryMs?: number;
  lock?: JobLock;
  logger: Logger;
}

/**
 * Raises `report_overdue` for every open report deadline that has passed (one alarm per deadline,
 * ringing until acknowledged) and clears alarms whose deadline is no longer open. Each check compares
 * the store with the open alarms, so a missed clear or a restart heals on the next check. Closing an
 * incident does not cancel a report it still owes to the next level: only marking it done does.
 */
export class ReportDeadlineWatcher {
  private readonly job: IntervalJob<void>;
  private readonly clock: () => number;

  constructor(private readonly options: ReportDeadlineWatcherOptions) {
    this.clock = options.clock ?? Date.now;
    this.job = new IntervalJob({
      name: 'report-deadline-watcher',
      everyMs: options.checkEveryMs ?? 5_000,
      pass: () => this.check(),
      whileRunning: 'queue',
      ...(options.lock ? { lock: options.lock } : {}),
      logger: options.logger,
    });
  }

  start(): void {
    this.job.start();
  }

  /** One check at a time; resolves when this one (queued after any running) is done. */
  async checkNow(): Promise<void> {
    await this.job.runNow();
  }

  close(): Promise<void> {
    return this.job.close();
  }

  private async check(): Promise<void> {
    const now = new Date(this.clock()).toISOString();
    const overdue = await this.options.db
      .selectFrom('incident_deadlines as d')
      .innerJoin('incidents as i', 'i.id', 'd.incident_id')
      .select(['d.id', 'd.kind', 'd.due_at', 'i.id as incident_id', 'i.code', 'i.title', 'i.severity', 'i.exercise'])
      .where('d.state', '=', 'open')
      .where('d.due_at', '<=', now)
      .execute();
    const alarmed = new Set((await this.options.alarms.listOpen()).filter((a) => a.kind === 'report_overdue').map((a) => a.sourceId));
    const overdueIds = new Set(overdue.map((d) => d.id));
    for (const deadline of overdue) {
      if (alarmed.has(deadline.id)) continue;
      const severity = deadline.severity as IncidentSeverity;
      await this.options.alarms.raise({
        kind: 'report_overdue',
        severity: overdueAlarmSeverity(severity),
        sound: 'repeat',
        sourceType: 'incident_deadline',
        sourceId: deadline.id,
        exercise: deadline.exercise === 1,
        params: { incidentId: deadline.incident_id, code: deadline.code, title: deadline.title, incidentSeverity: severity, reportKind: deadline.kind as ReportKind, dueAt: deadline.due_at },
      });
    }
    for (const sourceId of alarmed) if (!overdueIds.has(sourceId)) await this.options.alarms.clear('report_overdue', sourceId);
  }
}
