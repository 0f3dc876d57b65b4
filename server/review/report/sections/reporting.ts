import type { Incident, ReportDeadline } from '../../../../shared/schemas/incident';
import type { ReportOutcome } from '../../../../shared/schemas/review';
import { inReport, type ReportContext, type ReportSection } from '../section';

/**
 * Reports to the next level per incident: met, late (迟报: made after the deadline), missed (漏报: not made by
 * the window's end although due) or still open. A deadline counts in the window it falls due in.
 */
export const reportingSection: ReportSection<'reporting'> = {
  key: 'reporting',
  types: ['incident.reported', 'incident.updated', 'incident.status_changed', 'incident.severity_changed', 'incident.report_done'],
  start(context) {
    const incidents = new Map<string, Incident>();
    return {
      add(event) {
        if ('incident' in event.payload) incidents.set(event.payload.incident.id, event.payload.incident as Incident);
      },
      finish() {
        const totals = { met: 0, late: 0, missed: 0, open: 0 };
        const rows = [];
        for (const incident of incidents.values()) {
          if (!inReport(incident, context)) continue;
          const counts = { met: 0, late: 0, missed: 0, open: 0 };
          let worstLateMinutes: number | null = null;
          for (const deadline of incident.deadlines) {
            const due = Date.parse(deadline.dueAt);
            if (deadline.state === 'superseded' || due < context.from || due >= context.to) continue;
            const outcome = deadlineOutcome(deadline, context);
            counts[outcome]++;
            totals[outcome]++;
            if (outcome === 'late') worstLateMinutes = Math.max(worstLateMinutes ?? 0, lateMinutes(deadline));
          }
          if (counts.met + counts.late + counts.missed + counts.open === 0) continue;
          rows.push({ incidentId: incident.id, code: incident.code, title: incident.title, severity: incident.severity, ...counts, worstLateMinutes });
        }
        rows.sort((a, b) => a.code.localeCompare(b.code));
        return { totals, rows };
      },
    };
  },
};

export function deadlineOutcome(deadline: ReportDeadline, context: Pick<ReportContext, 'to'>): ReportOutcome {
  if (deadline.doneAt !== null) return Date.parse(deadline.doneAt) <= Date.parse(deadline.dueAt) ? 'met' : 'late';
  return Date.parse(deadline.dueAt) < context.to ? 'missed' : 'open';
}

const lateMinutes = (d: ReportDeadline): number => Math.round((Date.parse(d.doneAt as string) - Date.parse(d.dueAt)) / 60_000);
