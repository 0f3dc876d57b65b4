import type { DomainEvent } from '../../../../shared/schemas/event';
import type { Incident } from '../../../../shared/schemas/incident';
import type { ReviewTimelineEntry } from '../../../../shared/schemas/review';
import { inReport, withinWindow, type ReportContext, type ReportSection } from '../section';
import { deadlineOutcome } from './reporting';

/** More would not be read; the report says the list was cut. */
export const MAX_TIMELINE_ENTRIES = 500;

/** The significant moments of the window, in time order, each naming the record it concerns. */
export const timelineSection: ReportSection<'timeline'> = {
  key: 'timeline',
  types: ['warning.issued', 'warning.replaced', 'incident.reported', 'incident.severity_changed', 'incident.status_changed', 'incident.report_done', 'shelter.status_changed', 'alarm.raised', 'typhoon.imported', 'typhoon.updated', 'response.started', 'response.raised', 'response.lowered', 'response.ended'],
  start(context) {
    const entries: ReviewTimelineEntry[] = [];
    const incidents = new Map<string, Incident>();
    return {
      add(event) {
        if ('incident' in event.payload) incidents.set(event.payload.incident.id, event.payload.incident as Incident);
        if (!withinWindow(event.at, context)) return;
        const entry = entryOf(event, context);
        if (entry) entries.push(entry);
      },
      finish() {
        for (const incident of incidents.values()) {
          if (!inReport(incident, context)) continue;
          for (const d of incident.deadlines) {
            if (d.state === 'superseded' || !withinWindow(d.dueAt, context) || deadlineOutcome(d, context) !== 'missed') continue;
            entries.push({ at: d.dueAt, kind: 'report_missed', subject: { kind: 'incident', id: incident.id }, params: { code: incident.code, title: incident.title, report: d.kind } });
          }
        }
        entries.sort((a, b) => a.at.localeCompare(b.at));
        return { entries: entries.slice(0, MAX_TIMELINE_ENTRIES), truncated: entries.length > MAX_TIMELINE_ENTRIES };
      },
    };
  },
};

const RESPONSE_ENTRY = { 'response.started': 'response_started', 'response.raised': 'response_raised', 'response.lowered': 'response_lowered', 'response.ended': 'response_ended' } as const;

function entryOf(event: DomainEvent, context: ReportContext): ReviewTimelineEntry | null {
  const at = event.at;
  switch (event.type) {
    case 'warning.issued': {
      const w = event.payload.warning;
      if (!inReport(w, context)) return null;
      return { at, kind: 'warning_issued', subject: { kind: 'warning', id: w.id }, params: { hazard: w.hazard, colour: w.colour, headline: w.texts['zh-CN'].headline } };
    }
    case 'warning.replaced': {
      const { warning: w, replacedBy } = event.payload;
      if (replacedBy.msgType !== 'Cancel' || !inReport(w, context)) return null;
      return { at, kind: 'warning_cancelled', subject: { kind: 'warning', id: w.id }, params: { hazard: w.hazard, colour: w.colour, headline: w.texts['zh-CN'].headline } };
    }
    case 'incident.reported':
    case 'incident.severity_changed':
    case 'incident.status_changed': {
      const i = event.payload.incident;
      if (!inReport(i, context)) return null;
      if (event.type === 'incident.status_changed' && i.status !== 'closed') return null;
      const kind = event.type === 'incident.reported' ? 'incident_reported' : event.type === 'incident.severity_changed' ? 'incident_severity' : 'incident_closed';
      return { at, kind, subject: { kind: 'incident', id: i.id }, params: { code: i.code, title: i.title, type: i.type, severity: i.severity, township: i.township } };
    }
    case 'shelter.status_changed': {
      const s = event.payload.shelter;
      if (s.status !== 'open' || event.payload.from !== 'closed' || !inReport(s, context)) return null;
      return { at, kind: 'shelter_opened', subject: { kind: 'shelter', id: s.id }, params: { name: s.name, township: s.township } };
    }
    case 'alarm.raised': {
      const a = event.payload.alarm;
      if (a.severity !== 'critical' || !inReport(a, context)) return null;
      return { at, kind: 'alarm_critical', subject: { kind: 'alarm', id: a.id }, params: { alarmKind: a.kind, ...a.params } };
    }
    case 'typhoon.imported':
    case 'typhoon.updated': {
      const s = event.payload.storm;
      if (s.historical) return null;
      return { at, kind: 'typhoon_bulletin', subject: { kind: 'typhoon', id: s.id }, params: { number: s.number, nameZh: s.nameZh, nameEn: s.nameEn } };
    }
    case 'response.started':
    case 'response.raised':
    case 'response.lowered':
    case 'response.ended': {
      const r = event.payload.response;
      if (!inReport(r, context)) return null;
      // The event carries the response as it then stood: its last change is this one, with its reason and who.
      const change = r.history.at(-1);
      return { at, kind: RESPONSE_ENTRY[event.type], subject: { kind: 'response', id: r.id }, params: { hazard: r.hazard, level: r.level, reason: change?.reason ?? null, by: change?.by.name ?? null } };
    }
    default:
      return null;
  }
}
