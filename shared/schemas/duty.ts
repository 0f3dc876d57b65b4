import { z } from 'zod';
import { InstantSchema } from '../time';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from './incident';

/** A shift may last at most this long. */
export const MAX_SHIFT_HOURS = 48;
/** An outgoing leader may still write the handover this long after the shift has ended. */
export const LATE_HANDOVER_HOURS = 2;

export const DutyMemberSchema = z.object({ userId: z.string(), name: z.string() });
export type DutyMember = z.infer<typeof DutyMemberSchema>;

/** A shift on the roster (值班表): times are instants; the UI shows them in Asia/Shanghai. */
export const DutyShiftSchema = z.object({
  id: z.string(),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  /** 带班: the duty officer (or commander) who leads the shift and hands it over. */
  leader: DutyMemberSchema,
  officers: z.array(DutyMemberSchema),
  note: z.string(),
  updatedAt: InstantSchema,
});
export type DutyShift = z.infer<typeof DutyShiftSchema>;

const ShiftFields = {
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  leaderUserId: z.string().min(1).max(64),
  officerUserIds: z.array(z.string().min(1).max(64)).max(20),
  note: z.string().max(500),
};
const validSpan = (s: { startsAt?: string; endsAt?: string }) =>
  !s.startsAt || !s.endsAt || (Date.parse(s.endsAt) > Date.parse(s.startsAt) && Date.parse(s.endsAt) - Date.parse(s.startsAt) <= MAX_SHIFT_HOURS * 3_600_000);
const spanMessage = { message: `a shift ends after it starts and lasts at most ${MAX_SHIFT_HOURS} h`, path: ['endsAt'] };

export const DutyShiftCreateSchema = z
  .object({ ...ShiftFields, officerUserIds: ShiftFields.officerUserIds.default([]), note: ShiftFields.note.default('') })
  .strict()
  .refine(validSpan, spanMessage);
export type DutyShiftCreate = z.input<typeof DutyShiftCreateSchema>;
export const DutyShiftUpdateSchema = z.object(ShiftFields).partial().strict();
export const DutyShiftQuerySchema = z.object({ from: InstantSchema.optional(), to: InstantSchema.optional() });
export const dutyShiftSpanIsValid = validSpan;

/** Who is on watch now, and who comes next: for the header of every screen. */
export const OnWatchSchema = z.object({ at: InstantSchema, shift: DutyShiftSchema.nullable(), next: DutyShiftSchema.nullable() });
export type OnWatch = z.infer<typeof OnWatchSchema>;

export const HandoverIncidentSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  severity: z.enum(INCIDENT_SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  reportedAt: InstantSchema,
  /** Reports to the next level still outstanding. */
  openReports: z.number().int().min(0),
});

/** 交接班: written by the outgoing leader with the open incidents listed; acknowledged by the incoming leader. */
export const HandoverSchema = z.object({
  id: z.string(),
  fromShiftId: z.string(),
  toShiftId: z.string(),
  note: z.string(),
  openIncidents: z.array(HandoverIncidentSchema),
  writtenBy: z.string(),
  writtenAt: InstantSchema,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: InstantSchema.nullable(),
});
export type Handover = z.infer<typeof HandoverSchema>;
export const HandoverCreateSchema = z.object({ note: z.string().trim().min(1).max(4000) }).strict();

export const DUTY_LOG_KINDS = ['call_in', 'call_out', 'action', 'note'] as const;

/** 值班日志: calls taken and made, and actions. */
export const DutyLogEntrySchema = z.object({
  id: z.string(),
  at: InstantSchema,
  kind: z.enum(DUTY_LOG_KINDS),
  summary: z.string(),
  counterpart: z.string(),
  phone: z.string(),
  incidentId: z.string().nullable(),
  shiftId: z.string().nullable(),
  actorName: z.string(),
});
export type DutyLogEntry = z.infer<typeof DutyLogEntrySchema>;
export const DutyLogCreateSchema = z
  .object({
    kind: z.enum(DUTY_LOG_KINDS),
    summary: z.string().trim().min(1).max(1000),
    counterpart: z.string().max(60).default(''),
    phone: z.string().max(40).default(''),
    incidentId: z.string().max(64).nullable().default(null),
    /** When the call or action happened (default: now). */
    at: InstantSchema.optional(),
  })
  .strict();
export const DutyLogQuerySchema = z.object({ from: InstantSchema.optional(), to: InstantSchema.optional() });

export const DUTY_EVENT_PAYLOADS = {
  'duty.shift_created': z.object({ shift: DutyShiftSchema }),
  'duty.shift_updated': z.object({ shift: DutyShiftSchema }),
  'duty.shift_deleted': z.object({ shiftId: z.string() }),
  'duty.handover_written': z.object({ handover: HandoverSchema }),
  'duty.handover_acknowledged': z.object({ handover: HandoverSchema }),
  'duty.log_added': z.object({ entry: DutyLogEntrySchema }),
} as const;

/** The duty watch part of a snapshot (board roles). */
export const DutyListsSchema = z.object({
  /** Shifts from half a day ago to two days ahead. */
  dutyShifts: z.array(DutyShiftSchema),
  /** The latest handovers. */
  handovers: z.array(HandoverSchema),
});
export type DutyLists = z.infer<typeof DutyListsSchema>;
