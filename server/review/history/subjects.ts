import type { DomainEvent } from '../../../shared/schemas/event';
import type { HistoryKind } from '../../../shared/schemas/history';

export interface Subject {
  kind: HistoryKind;
  id: string;
}

/** The records an event concerns: a dispatch step concerns the dispatch and its team, an SOS its team, and so on. */
export function subjectsOf(event: DomainEvent): Subject[] {
  const s = (kind: HistoryKind, id: string | null | undefined): Subject[] => (id ? [{ kind, id }] : []);
  switch (event.type) {
    case 'team.created':
    case 'team.updated':
    case 'team.status_changed':
      return s('team', event.payload.team.id);
    case 'team.deleted':
      return s('team', event.payload.teamId);
    case 'dispatch.assigned':
      return [...s('dispatch', event.payload.dispatch.id), ...s('team', event.payload.teamId), ...s('incident', event.payload.dispatch.incidentId)];
    case 'dispatch.stepped':
      return [...s('dispatch', event.payload.dispatchId), ...s('team', event.payload.teamId)];
    case 'incident.note_added':
    case 'incident.attachment_added':
      return s('incident', event.payload.incidentId);
    case 'incident.reported':
    case 'incident.updated':
    case 'incident.status_changed':
    case 'incident.severity_changed':
    case 'incident.report_done':
      return s('incident', event.payload.incident.id);
    case 'shelter.created':
    case 'shelter.updated':
    case 'shelter.status_changed':
    case 'shelter.occupancy_changed':
      return s('shelter', event.payload.shelter.id);
    case 'supply_run.allocated':
    case 'supply_run.departed':
    case 'supply_run.arrived':
    case 'supply_run.cancelled': {
      const run = event.payload.run;
      const destination = run.destinationType === 'shelter' ? s('shelter', run.destinationId) : run.destinationType === 'incident' ? s('incident', run.destinationId) : [];
      return [...s('supply_run', run.id), ...destination, ...s('dispatch', run.dispatchId)];
    }
    case 'alarm.raised':
    case 'alarm.acknowledged':
    case 'alarm.cleared': {
      const a = event.payload.alarm;
      const source = a.sourceType === 'team' ? s('team', a.sourceId) : a.sourceType === 'incident' ? s('incident', a.sourceId) : a.sourceType === 'dispatch' ? s('dispatch', a.sourceId) : a.sourceType === 'shelter' ? s('shelter', a.sourceId) : [];
      return [...s('alarm', a.id), ...source];
    }
    case 'warning.drafted':
    case 'warning.draft_edited':
    case 'warning.issued':
      return s('warning', event.payload.warning.id);
    case 'warning.replaced':
      return [...s('warning', event.payload.warning.id), ...s('warning', event.payload.replacedBy.id)];
    case 'warning.recipients_queued':
    case 'warning.recipients_sent':
      return s('warning', event.payload.warningId);
    case 'warning.recipient_changed':
      return s('warning', event.payload.recipient.warningId);
    case 'warning.delivery_failed':
      return s('warning', event.payload.delivery.warningId);
    default:
      return [];
  }
}

type Detail = Record<string, string | number | boolean | null>;
const incidentLabel = (i: { code: string; title: string }) => `${i.code} ${i.title}`;

/** A few facts of the change, for the history page to word; the name of the record, when the event carries it. */
export function describeEvent(event: DomainEvent): { detail: Detail; label: string | null } {
  switch (event.type) {
    case 'team.status_changed':
      return { detail: { from: event.payload.from, to: event.payload.team.status }, label: event.payload.team.name };
    case 'team.created':
    case 'team.updated':
      return { detail: { status: event.payload.team.status }, label: event.payload.team.name };
    case 'dispatch.assigned': {
      const d = event.payload.dispatch;
      return { detail: { teamId: event.payload.teamId, taskType: d.taskType, priority: d.priority }, label: d.destination.label };
    }
    case 'dispatch.stepped': {
      const step = event.payload.step;
      return { detail: { teamId: event.payload.teamId, from: step.from, to: step.state, channel: step.channel, reason: step.reason }, label: null };
    }
    case 'incident.reported':
    case 'incident.updated':
      return { detail: { status: event.payload.incident.status, text: event.payload.entry.text }, label: incidentLabel(event.payload.incident) };
    case 'incident.status_changed':
      return { detail: { from: event.payload.from, to: event.payload.incident.status, text: event.payload.entry.text }, label: incidentLabel(event.payload.incident) };
    case 'incident.severity_changed':
      return { detail: { from: event.payload.from, to: event.payload.incident.severity, text: event.payload.entry.text }, label: incidentLabel(event.payload.incident) };
    case 'incident.report_done': {
      const d = event.payload.deadline;
      return { detail: { report: d.kind, doneAt: d.doneAt, recipient: d.recipient }, label: incidentLabel(event.payload.incident) };
    }
    case 'incident.note_added':
    case 'incident.attachment_added':
      return { detail: { text: event.payload.entry.text }, label: null };
    case 'shelter.occupancy_changed': {
      const m = event.payload.movement;
      return { detail: { movement: m.kind, people: m.people, occupancy: event.payload.shelter.occupancy }, label: event.payload.shelter.name };
    }
    case 'shelter.status_changed':
      return { detail: { from: event.payload.from, to: event.payload.shelter.status }, label: event.payload.shelter.name };
    case 'shelter.created':
    case 'shelter.updated':
      return { detail: { status: event.payload.shelter.status }, label: event.payload.shelter.name };
    case 'supply_run.allocated':
    case 'supply_run.departed':
    case 'supply_run.arrived':
    case 'supply_run.cancelled':
      return { detail: { status: event.payload.run.status }, label: event.payload.run.id };
    case 'alarm.raised':
    case 'alarm.acknowledged':
    case 'alarm.cleared':
      return { detail: { alarmKind: event.payload.alarm.kind, state: event.payload.alarm.state }, label: null };
    case 'warning.drafted':
    case 'warning.draft_edited':
    case 'warning.issued':
    case 'warning.replaced': {
      const w = event.payload.warning;
      return { detail: { status: w.status, colour: w.colour }, label: w.texts['zh-CN'].headline };
    }
    case 'warning.recipients_queued':
      return { detail: { count: event.payload.recipients.length, role: event.payload.role }, label: null };
    case 'warning.recipient_changed': {
      const r = event.payload.recipient;
      return { detail: { name: r.name, township: r.township, cause: event.payload.cause }, label: null };
    }
    default:
      return { detail: {}, label: null };
  }
}
