import type { Kysely } from 'kysely';
import type { IncidentSeverity, ReportKind } from '../../shared/schemas/incident';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import { WatcherJob, type WatcherSettings } from '../jobs/watcher-job';
import { overdueAlarmSeverity } from './report-deadlines';

export interface ReportDeadlineWatcherOptions extends WatcherSettings {
  db: Kysely<Database>;
  alarms: Pick<AlarmService, 'raise' | 'clear' | 'listOpen'>;
}

/**
 * Raises `report_overdue` for every open report deadline that has passed (one alarm per deadline,
 * ringing until acknowledged) and clears alarms whose deadline is no longer open. Each check compares
 * the store with the open alarms, so a missed clear or a restart heals on the next check. Closing an
 * incident does not cancel a report it still owes to the next level: only marking it done does.
 */
export class ReportDeadlineWatcher extends WatcherJob {
  constructor(private readonly options: ReportDeadlineWatcherOptions) {
    super('report-deadline-watcher', 5_000, options);
  }

  protected override async check(): Promise<void> {
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
