import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import {
  INCIDENT_TRANSITIONS,
  IncidentCreateSchema,
  IncidentNoteCreateSchema,
  IncidentSeverityChangeSchema,
  IncidentStatusChangeSchema,
  IncidentUpdateSchema,
  ReportDoneSchema,
  type Incident,
} from '../../shared/schemas/incident';
import type { IncidentDetail, TimelineEntry } from '../../shared/schemas/incident-record';
import { townshipAt } from '../../shared/townships';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import { DomainError, conflict } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { nextIncidentCode } from './incident-code';
import { listIncidents, loadIncident, loadIncidentDetail, toDeadlineRow, toIncidentRow } from './incident-store';
import { openDeadlineOf, planDeadlines, planSeverityChange } from './report-deadlines';
import type { ReportingRulesService } from './reporting-rules-service';
import { appendTimeline } from './timeline';

/** An incident as taken in, before it has an id, code, status or deadlines. */
export type IncidentDraft = Omit<Incident, 'id' | 'code' | 'status' | 'updatedAt' | 'closedAt' | 'deadlines'>;

/** 事件接报: intake, lifecycle, timeline and the reports owed to the next level. */
export class IncidentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly rules: ReportingRulesService,
    private readonly alarms: Pick<AlarmService, 'clearWithin'>,
    private readonly clock: () => number = Date.now,
  ) {}

  list(openOnly = false): Promise<Incident[]> {
    return listIncidents(this.db, { openOnly });
  }

  detail(id: string): Promise<IncidentDetail> {
    return loadIncidentDetail(this.db, id);
  }

  async create(data: z.output<typeof IncidentCreateSchema>, actor: Actor): Promise<Incident> {
    const reportedAtMs = data.reportedAt ? Date.parse(data.reportedAt) : this.clock();
    if (reportedAtMs > this.clock() + 60_000) throw new DomainError('VALIDATION_FAILED', 'The intake time is in the future.');
    const township = data.township ?? (data.location ? townshipAt(data.location) : null);
    const draft: IncidentDraft = { ...data, township, teamId: null, reportedAt: new Date(reportedAtMs).toISOString() };
    return this.transactor.run((tx, record) => this.intakeWithin(tx, record, draft, actor));
  }

  /** Takes in an incident inside the caller's transaction: code, deadlines by the rules, first timeline entry. */
  async intakeWithin(tx: Transaction<Database>, record: RecordEvent, draft: IncidentDraft, actor: Actor): Promise<Incident> {
    const reportedAtMs = Date.parse(draft.reportedAt);
    const deadlines = planDeadlines(await this.rules.get(tx), draft.severity, reportedAtMs);
    const incident: Incident = { ...draft, id: randomUUID(), code: await nextIncidentCode(tx, reportedAtMs), status: 'reported', updatedAt: this.now(), closedAt: null, deadlines };
    await tx.insertInto('incidents').values(toIncidentRow(incident)).execute();
    for (const deadline of deadlines) await tx.insertInto('incident_deadlines').values(toDeadlineRow(incident.id, deadline)).execute();
    const entry = await appendTimeline(tx, incident.id, { kind: 'reported', text: incident.account, params: { source: incident.source, severity: incident.severity } }, actor.name, incident.updatedAt);
    await record({ type: 'incident.reported', actor, payload: { incident, entry } });
    return incident;
  }

  async update(id: string, patch: z.output<typeof IncidentUpdateSchema>, actor: Actor): Promise<Incident> {
    return this.transactor.run(async (tx, record) => {
      const current = await loadIncident(tx, id);
      const moved = patch.location !== undefined && patch.township === undefined;
      const township = moved ? (patch.location ? townshipAt(patch.location) : current.township) : (patch.township ?? current.township);
      const incident: Incident = { ...current, ...patch, township, updatedAt: this.now() };
      if (!incident.location && !incident.township) throw new DomainError('VALIDATION_FAILED', 'An incident needs a location or a township.');
      await tx.updateTable('incidents').set(toIncidentRow(incident)).where('id', '=', id).execute();
      const entry = await appendTimeline(tx, id, { kind: 'updated', text: '', params: { fields: Object.keys(patch).join(',') } }, actor.name, incident.updatedAt);
      await record({ type: 'incident.updated', actor, payload: { incident, entry } });
      return incident;
    });
  }

  async changeStatus(id: string, input: z.output<typeof IncidentStatusChangeSchema>, actor: Actor): Promise<Incident> {
    const { status, note } = input;
    return this.transactor.run(async (tx, record) => {
      const current = await loadIncident(tx, id);
      if (!INCIDENT_TRANSITIONS[current.status].includes(status)) {
        throw new DomainError('INVALID_TRANSITION', `An incident cannot go from ${current.status} to ${status}.`, { from: current.status, to: status, allowed: INCIDENT_TRANSITIONS[current.status] });
      }
      const now = this.now();
      const incident: Incident = { ...current, status, updatedAt: now, closedAt: status === 'closed' ? now : null };
      await tx.updateTable('incidents').set({ status, updated_at: now, closed_at: incident.closedAt }).where('id', '=', id).execute();
      const entry = await appendTimeline(tx, id, { kind: 'status', text: note ?? '', params: { from: current.status, to: status } }, actor.name, now);
      await record({ type: 'incident.status_changed', actor, payload: { incident, from: current.status, entry } });
      return incident;
    });
  }

  async changeSeverity(id: string, input: z.output<typeof IncidentSeverityChangeSchema>, actor: Actor): Promise<Incident> {
    const { severity, note } = input;
    return this.transactor.run(async (tx, record) => {
      const current = await loadIncident(tx, id);
      if (current.severity === severity) return current;
      if (current.status === 'closed') throw conflict('The incident is closed.');
      const plan = planSeverityChange(current.deadlines, current.severity, severity, await this.rules.get(tx), this.clock());
      for (const old of plan.superseded) {
        await tx.updateTable('incident_deadlines').set({ state: 'superseded' }).where('id', '=', old.id).execute();
        await this.alarms.clearWithin(tx, record, 'report_overdue', old.id, actor);
      }
      for (const deadline of plan.added) await tx.insertInto('incident_deadlines').values(toDeadlineRow(id, deadline)).execute();
      const now = this.now();
      await tx.updateTable('incidents').set({ severity, updated_at: now }).where('id', '=', id).execute();
      const incident = await loadIncident(tx, id);
      const entry = await appendTimeline(tx, id, { kind: 'severity', text: note ?? '', params: { from: current.severity, to: severity } }, actor.name, now);
      await record({ type: 'incident.severity_changed', actor, payload: { incident, from: current.severity, entry } });
      return incident;
    });
  }

  async addNote(id: string, input: z.output<typeof IncidentNoteCreateSchema>, actor: Actor): Promise<TimelineEntry> {
    const { text } = input;
    return this.transactor.run(async (tx, record) => {
      await loadIncident(tx, id);
      const entry = await appendTimeline(tx, id, { kind: 'note', text, params: {} }, actor.name, this.now());
      await record({ type: 'incident.note_added', actor, payload: { incidentId: id, entry } });
      return entry;
    });
  }

  /** Marks the open report of a kind done (who, when, to whom); its overdue alarm, if any, clears with it. */
  async markReportDone(id: string, data: z.output<typeof ReportDoneSchema>, actor: Actor): Promise<Incident> {
    const doneAtMs = data.reportedAt ? Date.parse(data.reportedAt) : this.clock();
    if (doneAtMs > this.clock() + 60_000) throw new DomainError('VALIDATION_FAILED', 'The report time is in the future.');
    return this.transactor.run(async (tx, record) => {
      const current = await loadIncident(tx, id);
      const open = openDeadlineOf(current.deadlines, data.kind);
      if (!open) throw conflict(`No ${data.kind} report is outstanding for this incident.`);
      const deadline = { ...open, state: 'done' as const, doneAt: new Date(doneAtMs).toISOString(), doneBy: data.reportedBy ?? actor.name, recipient: data.recipient, recordedBy: actor.name };
      await tx.updateTable('incident_deadlines').set(toDeadlineRow(id, deadline)).where('id', '=', open.id).execute();
      await this.alarms.clearWithin(tx, record, 'report_overdue', open.id, actor);
      const now = this.now();
      await tx.updateTable('incidents').set({ updated_at: now }).where('id', '=', id).execute();
      const incident = await loadIncident(tx, id);
      const late = doneAtMs > Date.parse(open.dueAt);
      const entry = await appendTimeline(tx, id, { kind: 'report_done', text: data.recipient, params: { reportKind: data.kind, doneBy: deadline.doneBy, doneAt: deadline.doneAt, late: late ? 1 : 0 } }, actor.name, now);
      await record({ type: 'incident.report_done', actor, payload: { incident, deadline, entry } });
      return incident;
    });
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
