import { z } from 'zod';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';
import { CountSchema, TownshipNameSchema } from './township-name';

export const INCIDENT_SOURCES = [
  'phone', // 电话
  'transfer_110_119', // 110/119 转警
  'township_report', // 乡镇上报
  'field_report', // 现场队伍灾情上报
  'sensor', // 监测预警
] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const INCIDENT_TYPES = [
  'typhoon', // 台风灾害
  'waterlogging', // 城镇内涝
  'flash_flood', // 山洪
  'landslide', // 地质灾害
  'forest_fire', // 森林火灾
  'hazmat', // 危化品
  'traffic', // 交通事故
  'building_collapse', // 房屋倒塌
  'vessel_distress', // 渔船遇险
  'other', // 其他
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Ascending: 一般, 较大, 重大, 特别重大. */
export const INCIDENT_SEVERITIES = ['general', 'major', 'serious', 'extraordinary'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const severityRank = (severity: IncidentSeverity): number => INCIDENT_SEVERITIES.indexOf(severity);

export const INCIDENT_STATUSES = ['reported', 'verified', 'responding', 'contained', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The lifecycle: which status may follow which. A contained incident can flare up again. */
export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['verified', 'responding', 'closed'],
  verified: ['responding', 'closed'],
  responding: ['contained'],
  contained: ['responding', 'closed'],
  closed: [],
};

/** Reports to the next level (上级): first by phone, then in writing. */
export const REPORT_KINDS = ['phone', 'written'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const DEADLINE_STATES = ['open', 'done', 'superseded'] as const;

export const ReportDeadlineSchema = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  /** The severity whose rule set this deadline; a raise supersedes open deadlines of the lower level. */
  severity: z.enum(INCIDENT_SEVERITIES),
  startedAt: InstantSchema,
  dueAt: InstantSchema,
  state: z.enum(DEADLINE_STATES),
  /** When the report was made, by whom, to whom; and which user recorded it. */
  doneAt: InstantSchema.nullable(),
  doneBy: z.string().nullable(),
  recipient: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type ReportDeadline = z.infer<typeof ReportDeadlineSchema>;

const RuleLimitSchema = z.number().int().min(1).max(7 * 24 * 60).nullable();
export const ReportingRuleSchema = z.object({ phoneMinutes: RuleLimitSchema, writtenMinutes: RuleLimitSchema }).strict();
export const ReportingRulesSchema = z
  .object({ general: ReportingRuleSchema, major: ReportingRuleSchema, serious: ReportingRuleSchema, extraordinary: ReportingRuleSchema })
  .strict();
export type ReportingRules = z.infer<typeof ReportingRulesSchema>;

/** 较大 and above: to the next level by phone within 30 min and in writing within 1 h of intake. */
export const DEFAULT_REPORTING_RULES: ReportingRules = {
  general: { phoneMinutes: null, writtenMinutes: null },
  major: { phoneMinutes: 30, writtenMinutes: 60 },
  serious: { phoneMinutes: 30, writtenMinutes: 60 },
  extraordinary: { phoneMinutes: 30, writtenMinutes: 60 },
};

const CasualtyFields = {
  affected: CountSchema,
  trapped: CountSchema,
  injured: CountSchema,
  dead: CountSchema,
};

export const IncidentSchema = z.object({
  id: z.string(),
  /** Human reference, e.g. 20250915-003 (Asia/Shanghai date and the day's running number). */
  code: z.string(),
  title: z.string().min(1).max(80),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(INCIDENT_SEVERITIES),
  source: z.enum(INCIDENT_SOURCES),
  status: z.enum(INCIDENT_STATUSES),
  location: PointSchema.nullable(),
  township: z.string().nullable(),
  place: z.string().max(120),
  ...CasualtyFields,
  account: z.string().max(4000),
  caller: z.string().max(80),
  /** The team whose tablet filed it (field reports). */
  teamId: z.string().nullable(),
  reportedAt: InstantSchema,
  updatedAt: InstantSchema,
  closedAt: InstantSchema.nullable(),
  /** 演练: a drill's incident, shown marked and kept out of the real figures (events before the flag are real). */
  exercise: z.boolean().default(false),
  deadlines: z.array(ReportDeadlineSchema),
});
export type Incident = z.infer<typeof IncidentSchema>;

const EditableFields = {
  title: z.string().trim().min(1).max(80),
  type: z.enum(INCIDENT_TYPES),
  location: PointSchema.nullable(),
  township: TownshipNameSchema.nullable(),
  place: z.string().max(120),
  ...CasualtyFields,
  account: z.string().max(4000),
  caller: z.string().max(80),
};

export const IncidentCreateSchema = z
  .object({
    ...EditableFields,
    severity: z.enum(INCIDENT_SEVERITIES),
    source: z.enum(INCIDENT_SOURCES),
    location: PointSchema.nullable().default(null),
    township: TownshipNameSchema.nullable().default(null),
    place: z.string().max(120).default(''),
    affected: CountSchema.default(0),
    trapped: CountSchema.default(0),
    injured: CountSchema.default(0),
    dead: CountSchema.default(0),
    account: z.string().max(4000).default(''),
    caller: z.string().max(80).default(''),
    /** When the report came in, if earlier than its entry; the reporting clock starts here. */
    reportedAt: InstantSchema.optional(),
    /** 演练: taken in during a drill. */
    exercise: z.boolean().default(false),
  })
  .strict()
  .refine((i) => i.location !== null || i.township !== null, { message: 'give a location or a township', path: ['location'] });
export type IncidentCreate = z.input<typeof IncidentCreateSchema>;

export const IncidentUpdateSchema = z.object(EditableFields).partial().strict();
export type IncidentUpdate = z.input<typeof IncidentUpdateSchema>;

export const IncidentStatusChangeSchema = z.object({ status: z.enum(INCIDENT_STATUSES), note: z.string().max(2000).optional() }).strict();
export const IncidentSeverityChangeSchema = z.object({ severity: z.enum(INCIDENT_SEVERITIES), note: z.string().max(2000).optional() }).strict();
export const IncidentNoteCreateSchema = z.object({ text: z.string().trim().min(1).max(2000) }).strict();

export const ReportDoneSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    /** When it was reported (default: now); never in the future. */
    reportedAt: InstantSchema.optional(),
    /** Who made the report (default: the user recording it). */
    reportedBy: z.string().trim().min(1).max(60).optional(),
    recipient: z.string().trim().max(80).default(''),
  })
  .strict();
export type ReportDone = z.input<typeof ReportDoneSchema>;

export const IncidentListQuerySchema = z.object({ open: z.enum(['true', 'false']).optional() });

/** The incidents part of a snapshot (board roles): those not yet closed, with their deadlines. */
export const IncidentListsSchema = z.object({ incidents: z.array(IncidentSchema) });
export type IncidentLists = z.infer<typeof IncidentListsSchema>;
