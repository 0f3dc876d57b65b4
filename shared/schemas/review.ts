import { z } from 'zod';
import { ALARM_KINDS } from '../enums';
import { InstantSchema } from '../time';
import { INCIDENT_SEVERITIES } from './incident';
import { RESPONSE_HAZARDS, RESPONSE_LEVELS } from './response-plan';
import { WARNING_COLOURS, HAZARDS } from './warning';

/**
 * The after-action report (复盘): figures computed by the server from the event log for a window in time.
 * A drill (演练) window gets its own report: `exercise: true` counts only records flagged as exercises, the
 * real report only the others, so drills never mix into real figures.
 */

/** The longest window one report or replay covers. */
export const MAX_REVIEW_DAYS = 31;
const MAX_WINDOW_MS = MAX_REVIEW_DAYS * 24 * 3_600_000;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ReviewWindowSchema = z
  .object({ from: InstantSchema, to: InstantSchema })
  .refine((w) => Date.parse(w.to) > Date.parse(w.from), { message: 'the window ends after it starts', path: ['to'] })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= MAX_WINDOW_MS, { message: `at most ${MAX_REVIEW_DAYS} days`, path: ['to'] });
export type ReviewWindow = z.infer<typeof ReviewWindowSchema>;

export const ReportQuerySchema = z
  .object({ from: InstantSchema, to: InstantSchema, exercise: flag.default(false) })
  .strict()
  .refine((w) => Date.parse(w.to) > Date.parse(w.from), { message: 'the window ends after it starts', path: ['to'] })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= MAX_WINDOW_MS, { message: `at most ${MAX_REVIEW_DAYS} days`, path: ['to'] });
export type ReportQuery = z.output<typeof ReportQuerySchema>;

/** Median and worst of a set of durations in seconds; null when there is none. */
export const DurationStatsSchema = z.object({ count: z.number().int(), medianSeconds: z.number().nullable(), worstSeconds: z.number().nullable() });
export type DurationStats = z.infer<typeof DurationStatsSchema>;

export const WarningTownshipRowSchema = z.object({
  township: z.string(),
  recipients: z.number().int(),
  received: z.number().int(),
  done: z.number().int(),
  /** received / recipients, 0–100; null with no recipients. */
  coveragePercent: z.number().nullable(),
  /** From issue to 收到 (phone answers included). */
  ack: DurationStatsSchema,
});
export const WarningReportRowSchema = z.object({
  id: z.string(),
  hazard: z.enum(HAZARDS),
  colour: z.enum(WARNING_COLOURS),
  headline: z.string(),
  issuedAt: InstantSchema,
  status: z.string(),
  townships: z.array(WarningTownshipRowSchema),
});

export const REPORT_OUTCOMES = ['met', 'late', 'missed', 'open'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];
export const OutcomeCountsSchema = z.object({ met: z.number().int(), late: z.number().int(), missed: z.number().int(), open: z.number().int() });
export const ReportingRowSchema = OutcomeCountsSchema.extend({
  incidentId: z.string(),
  code: z.string(),
  title: z.string(),
  severity: z.enum(INCIDENT_SEVERITIES),
  /** The latest a late report came, in minutes past its deadline. */
  worstLateMinutes: z.number().nullable(),
});

/** Dispatch milestones, each timed from the dispatch's creation. */
export const DISPATCH_MILESTONES = ['delivered', 'accepted', 'arrived', 'completed'] as const;
export type DispatchMilestone = (typeof DISPATCH_MILESTONES)[number];
export const MilestoneStatsSchema = z.object({ delivered: DurationStatsSchema, accepted: DurationStatsSchema, arrived: DurationStatsSchema, completed: DurationStatsSchema });
export const DispatchTeamRowSchema = z.object({ teamId: z.string(), teamName: z.string(), assignments: z.number().int(), milestones: MilestoneStatsSchema });

export const CountRowSchema = z.object({ key: z.string(), count: z.number().int() });
export const ShelterTownshipRowSchema = z.object({ township: z.string(), peakSheltered: z.number().int(), peakEvacuated: z.number().int() });
export const SupplyRunRowSchema = z.object({
  id: z.string(),
  destination: z.string(),
  requestedAt: InstantSchema,
  goalAt: InstantSchema,
  arrivedAt: InstantSchema.nullable(),
  outcome: z.enum(['on_time', 'late', 'pending', 'overdue', 'cancelled']),
  hours: z.number().nullable(),
});
export const AlarmKindRowSchema = z.object({ kind: z.enum(ALARM_KINDS), raised: z.number().int(), unacknowledged: z.number().int(), ack: DurationStatsSchema });

/** A response that ran in the window: its highest level there and whether it was still on at the window's end. */
export const ResponseReportRowSchema = z.object({
  id: z.string(),
  hazard: z.enum(RESPONSE_HAZARDS),
  highestLevel: z.enum(RESPONSE_LEVELS),
  startedAt: InstantSchema,
  endedAt: InstantSchema.nullable(),
});
/** One step of a response's levels: started, raised, lowered, ended, who and why. */
export const ResponseLevelRowSchema = z.object({
  responseId: z.string(),
  hazard: z.enum(RESPONSE_HAZARDS),
  kind: z.enum(['started', 'raised', 'lowered', 'ended']),
  level: z.enum(RESPONSE_LEVELS),
  at: InstantSchema,
  by: z.string(),
  reason: z.string(),
});
/** Plan tasks per owner as they stood at the window's end: done on time, done late, open past due, open, closed as no longer required. */
export const TaskCountsSchema = z.object({ onTime: z.number().int(), late: z.number().int(), overdue: z.number().int(), open: z.number().int(), closed: z.number().int() });
export const ResponseOwnerRowSchema = TaskCountsSchema.extend({ responseId: z.string(), hazard: z.enum(RESPONSE_HAZARDS), owner: z.string() });

export const TIMELINE_ENTRY_KINDS = [
  'warning_issued',
  'warning_cancelled',
  'incident_reported',
  'incident_severity',
  'incident_closed',
  'report_missed',
  'shelter_opened',
  'alarm_critical',
  'typhoon_bulletin',
  'response_started',
  'response_raised',
  'response_lowered',
  'response_ended',
] as const;
export const ReviewTimelineEntrySchema = z.object({
  at: InstantSchema,
  kind: z.enum(TIMELINE_ENTRY_KINDS),
  /** The record it concerns (for a link to its history). */
  subject: z.object({ kind: z.string(), id: z.string() }).nullable(),
  /** Facts for the UI to word: names, codes, colours. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type ReviewTimelineEntry = z.infer<typeof ReviewTimelineEntrySchema>;

/** One report section per domain; a domain that lands later (response levels) adds its own key here. */
export const ReportSectionsSchema = z.object({
  warnings: z.object({ issued: z.number().int(), rows: z.array(WarningReportRowSchema) }),
  reporting: z.object({ totals: OutcomeCountsSchema, rows: z.array(ReportingRowSchema) }),
  dispatches: z.object({ assignments: z.number().int(), overall: MilestoneStatsSchema, teams: z.array(DispatchTeamRowSchema) }),
  incidents: z.object({ total: z.number().int(), byType: z.array(CountRowSchema), byTownship: z.array(CountRowSchema), bySeverity: z.array(CountRowSchema) }),
  shelters: z.object({ peakSheltered: z.number().int(), peakAt: InstantSchema.nullable(), peakEvacuated: z.number().int(), townships: z.array(ShelterTownshipRowSchema) }),
  supplies: z.object({ runs: z.number().int(), onTime: z.number().int(), late: z.number().int(), overdue: z.number().int(), pending: z.number().int(), cancelled: z.number().int(), goalHours: z.number(), rows: z.array(SupplyRunRowSchema) }),
  alarms: z.object({ raised: z.number().int(), unacknowledged: z.number().int(), ack: DurationStatsSchema, critical: z.number().int(), byKind: z.array(AlarmKindRowSchema) }),
  timeline: z.object({ entries: z.array(ReviewTimelineEntrySchema), truncated: z.boolean() }),
  responses: z.object({ responses: z.array(ResponseReportRowSchema), levels: z.array(ResponseLevelRowSchema), owners: z.array(ResponseOwnerRowSchema), totals: TaskCountsSchema }),
});
export type ReportSections = z.infer<typeof ReportSectionsSchema>;
export type ReportSectionKey = keyof ReportSections;

export const ReportSchema = z.object({ from: InstantSchema, to: InstantSchema, exercise: z.boolean(), generatedAt: InstantSchema, sections: ReportSectionsSchema });
export type Report = z.infer<typeof ReportSchema>;

/** The report's tables, each exportable as CSV. */
export const REPORT_TABLES = ['responseLevels', 'responseTasks', 'warnings', 'reporting', 'dispatches', 'incidents', 'shelters', 'supplies', 'alarms', 'timeline'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
export const ReportTableParamsSchema = z.object({ table: z.enum(REPORT_TABLES) });


