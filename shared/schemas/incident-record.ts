import { z } from 'zod';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, INCIDENT_TYPES, IncidentSchema, ReportDeadlineSchema, ReportingRulesSchema } from './incident';

/** Photos from tablets and the desk: JPEG or PNG, at most 2 MB once decoded. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
/** A photo's header is decoded on arrival: larger images are refused (a small PNG can claim 20000×20000 px). */
export const MAX_PHOTO_SIDE = 16_384;
export const MAX_PHOTO_PIXELS = 50_000_000;

export const PhotoUploadSchema = z
  .object({
    mime: z.enum(PHOTO_MIME_TYPES),
    dataBase64: z
      .string()
      .min(4)
      .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 4)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    caption: z.string().max(200).default(''),
  })
  .strict();
export type PhotoUpload = z.input<typeof PhotoUploadSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  mime: z.enum(PHOTO_MIME_TYPES),
  bytes: z.number().int().min(0),
  sha256: z.string(),
  caption: z.string(),
  addedAt: InstantSchema,
  addedBy: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const TIMELINE_KINDS = ['reported', 'updated', 'note', 'status', 'severity', 'report_done', 'attachment'] as const;

export const TimelineEntrySchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  at: InstantSchema,
  kind: z.enum(TIMELINE_KINDS),
  /** What a person wrote (a note, the note given with a change); may be empty. */
  text: z.string(),
  /** Structured facts for the UI to word, e.g. `{ from: 'reported', to: 'verified' }`. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  author: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const IncidentDetailSchema = z.object({
  incident: IncidentSchema,
  timeline: z.array(TimelineEntrySchema),
  attachments: z.array(AttachmentSchema),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

/** 灾情上报 from a field tablet: lands on the desk as a new `reported` incident. */
export const FieldSituationReportSchema = z
  .object({
    /** Client-generated: a report resent after a lost answer files one incident, not two. */
    actionId: z.uuid(),
    /** What the team saw; the desk can correct it after intake. */
    type: z.enum(INCIDENT_TYPES).default('other'),
    text: z.string().trim().min(1).max(2000),
    photo: PhotoUploadSchema.optional(),
    position: PointSchema.nullable().default(null),
  })
  .strict();
export type FieldSituationReport = z.input<typeof FieldSituationReportSchema>;
export const FieldSituationReceiptSchema = z.object({ incidentId: z.string(), code: z.string() });

export const INCIDENT_EVENT_PAYLOADS = {
  'incident.reported': z.object({ incident: IncidentSchema, entry: TimelineEntrySchema }),
  'incident.updated': z.object({ incident: IncidentSchema, entry: TimelineEntrySchema }),
  'incident.status_changed': z.object({ incident: IncidentSchema, from: z.enum(INCIDENT_STATUSES), entry: TimelineEntrySchema }),
  'incident.severity_changed': z.object({ incident: IncidentSchema, from: z.enum(INCIDENT_SEVERITIES), entry: TimelineEntrySchema }),
  'incident.note_added': z.object({ incidentId: z.string(), entry: TimelineEntrySchema }),
  'incident.attachment_added': z.object({ incidentId: z.string(), attachment: AttachmentSchema, entry: TimelineEntrySchema }),
  'incident.report_done': z.object({ incident: IncidentSchema, deadline: ReportDeadlineSchema, entry: TimelineEntrySchema }),
  'incident.reporting_rules_changed': z.object({ rules: ReportingRulesSchema }),
} as const;

export const INCIDENT_CLIENT_REQUESTS = {
  'incident:field_report': { request: FieldSituationReportSchema, response: FieldSituationReceiptSchema },
} as const;
