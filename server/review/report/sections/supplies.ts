import { RELIEF_GOAL_HOURS, type SupplyRun } from '../../../../shared/schemas/supply-run';
import { inReport, withinWindow, type ReportContext, type ReportSection } from '../section';

type Outcome = 'on_time' | 'late' | 'pending' | 'overdue' | 'cancelled';

/** Supply runs requested in the window against the county's goal: relief within 12 hours of the request. */
export const suppliesSection: ReportSection<'supplies'> = {
  key: 'supplies',
  types: ['supply_run.allocated', 'supply_run.departed', 'supply_run.arrived', 'supply_run.cancelled'],
  start(context) {
    const runs = new Map<string, SupplyRun>();
    return {
      add(event) {
        if ('run' in event.payload) runs.set(event.payload.run.id, event.payload.run);
      },
      finish() {
        const counts: Record<Outcome, number> = { on_time: 0, late: 0, pending: 0, overdue: 0, cancelled: 0 };
        const rows = [...runs.values()]
          .filter((run) => withinWindow(run.requestedAt, context) && inReport(run, context))
          .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
          .map((run) => {
            const outcome = runOutcome(run, context);
            counts[outcome]++;
            const hours = run.arrivedAt ? Math.round(((Date.parse(run.arrivedAt) - Date.parse(run.requestedAt)) / 3_600_000) * 10) / 10 : null;
            return { id: run.id, destination: `${run.destinationType}:${run.destinationId}`, requestedAt: run.requestedAt, goalAt: run.goalAt, arrivedAt: run.arrivedAt, outcome, hours };
          });
        const { on_time: onTime, late, pending, overdue, cancelled } = counts;
        return { runs: rows.length, onTime, late, pending, overdue, cancelled, goalHours: RELIEF_GOAL_HOURS, rows };
      },
    };
  },
};

export function runOutcome(run: SupplyRun, context: Pick<ReportContext, 'to'>): Outcome {
  if (run.status === 'cancelled') return 'cancelled';
  if (run.arrivedAt) return Date.parse(run.arrivedAt) <= Date.parse(run.goalAt) ? 'on_time' : 'late';
  return Date.parse(run.goalAt) < context.to ? 'overdue' : 'pending';
}
