import type { z } from 'zod';
import { FieldSituationReceiptSchema, FieldSituationReportSchema } from '../../shared/schemas/incident-record';
import type { ActionLedger } from '../actions/action-ledger';
import type { WriteLimiter } from '../actions/write-limiter';
import { townshipAt } from '../../shared/townships';
import { actorOf, type Principal } from '../auth/principal';
import { forbidden } from '../errors';
import type { StoredPhoto } from './attachment-files';
import type { AttachmentService } from './attachment-service';
import type { IncidentService } from './incident-service';

const TITLE_LENGTH = 30;

/** 灾情上报 from a team's tablet: becomes a new `reported` incident on the desk, with its photo. */
export class FieldReportService {
  constructor(
    private readonly ledger: ActionLedger,
    private readonly incidents: IncidentService,
    private readonly attachments: AttachmentService,
    private readonly clock: () => number = Date.now,
    private readonly limiter: WriteLimiter | null = null,
  ) {}

  async file(report: z.output<typeof FieldSituationReportSchema>, principal: Principal): Promise<{ incidentId: string; code: string }> {
    if (principal.role !== 'field' || !principal.teamId) throw forbidden('Only a team tablet files situation reports.');
    await this.limiter?.take(principal.sessionId);
    const { photo } = report;
    return photo ? this.attachments.withStoredPhoto(photo, (stored) => this.fileWith(report, stored, principal)) : this.fileWith(report, null, principal);
  }

  private fileWith(report: z.output<typeof FieldSituationReportSchema>, stored: StoredPhoto | null, principal: Principal): Promise<{ incidentId: string; code: string }> {
    const actor = actorOf(principal);
    const text = report.text.replace(/\s+/g, ' ');
    const spec = { actionId: report.actionId, userId: principal.userId, kind: 'incident.field_report', request: report, result: FieldSituationReceiptSchema };
    return this.ledger.once(spec, async (tx, record) => {
      const incident = await this.incidents.intakeWithin(
        tx,
        record,
        {
          title: text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text,
          type: report.type,
          severity: 'general',
          source: 'field_report',
          exercise: false,
          location: report.position,
          township: report.position ? townshipAt(report.position) : null,
          place: '',
          affected: 0,
          trapped: 0,
          injured: 0,
          dead: 0,
          account: report.text,
          caller: principal.displayName,
          teamId: principal.teamId,
          reportedAt: new Date(this.clock()).toISOString(),
        },
        actor,
      );
      if (stored && report.photo) await this.attachments.attachWithin(tx, record, incident.id, stored, report.photo.caption, actor);
      return { incidentId: incident.id, code: incident.code };
    });
  }
}
