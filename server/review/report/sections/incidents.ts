import type { Incident } from '../../../../shared/schemas/incident';
import { inReport, withinWindow, type ReportSection } from '../section';
import { bump, countRows } from '../stats';

/** Incidents taken in during the window, by type, township and severity (as last known). */
export const incidentsSection: ReportSection<'incidents'> = {
  key: 'incidents',
  types: ['incident.reported', 'incident.updated', 'incident.status_changed', 'incident.severity_changed', 'incident.report_done'],
  start(context) {
    const incidents = new Map<string, Incident>();
    return {
      add(event) {
        if ('incident' in event.payload) incidents.set(event.payload.incident.id, event.payload.incident as Incident);
      },
      finish() {
        const byType = new Map<string, number>();
        const byTownship = new Map<string, number>();
        const bySeverity = new Map<string, number>();
        let total = 0;
        for (const incident of incidents.values()) {
          if (!withinWindow(incident.reportedAt, context) || !inReport(incident, context)) continue;
          total++;
          bump(byType, incident.type);
          bump(byTownship, incident.township ?? '');
          bump(bySeverity, incident.severity);
        }
        return { total, byType: countRows(byType), byTownship: countRows(byTownship), bySeverity: countRows(bySeverity) };
      },
    };
  },
};
