import { z } from 'zod';
import { InstantSchema } from '../time';
import { CapAlertSchema } from './cap-alert';
import { TownshipNameSchema } from './township-name';

/**
 * County warnings (预警) and the CAP 1.2 alerts they become. One warning record is one CAP message:
 * an Alert, an Update (a new record that references the one it replaces) or a Cancel.
 */

/** Hazards the county warns of; each has Chinese templates and a national event-type code (warning-codes.ts). */
export const HAZARDS = ['typhoon', 'rainstorm', 'flash_flood', 'geohazard', 'storm_surge', 'forest_fire', 'gale', 'thunderstorm'] as const;
export type Hazard = (typeof HAZARDS)[number];

/** 蓝 黄 橙 红, least to most severe. */
export const WARNING_COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** CAP severity by colour: 红 Extreme, 橙 Severe, 黄 Moderate, 蓝 Minor. */
export const SEVERITY_OF_COLOUR = { red: 'Extreme', orange: 'Severe', yellow: 'Moderate', blue: 'Minor' } as const satisfies Record<WarningColour, string>;

/**
 * draft → issued (签发: approved and published in one step) → updated (an Update replaced it) | cancelled.
 * An issued warning past its expiry is `issued` with `expires` in the past; readers call it expired.
 */
export const WARNING_STATUSES = ['draft', 'issued', 'updated', 'cancelled'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];

/** Texts of one language (a CAP `<info>` block). zh-CN is required; en is optional. */
export const WarningTextSchema = z.object({
  headline: z.string().trim().min(1).max(160),
  description: z.string().trim().min(1).max(4000),
  instruction: z.string().trim().max(4000).default(''),
});
export type WarningText = z.infer<typeof WarningTextSchema>;
export const WarningTextsSchema = z.object({ 'zh-CN': WarningTextSchema, en: WarningTextSchema.optional() });
export type WarningTexts = z.infer<typeof WarningTextsSchema>;

export const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

export const WarningSchema = z.object({
  id: z.string(),
  /** The CAP identifier, set when issued (see server/warnings/cap/cap-identifier.ts for its form). */
  identifier: z.string().nullable(),
  msgType: z.enum(CAP_MSG_TYPES),
  /** The warning this one updates or cancels. */
  replacesId: z.string().nullable(),
  hazard: z.enum(HAZARDS),
  colour: z.enum(WARNING_COLOURS),
  townships: z.array(TownshipNameSchema).min(1),
  texts: WarningTextsSchema,
  effective: InstantSchema,
  expires: InstantSchema,
  status: z.enum(WARNING_STATUSES),
  /** 演练: CAP status Exercise, kept out of the public feed and of real figures. */
  exercise: z.boolean(),
  draftedBy: PersonRefSchema,
  draftedAt: InstantSchema,
  /** The commander who approved and issued it (签发人). */
  approvedBy: PersonRefSchema.nullable(),
  issuedAt: InstantSchema.nullable(),
  /** Set when an Update or a Cancel replaced this warning. */
  replacedById: z.string().nullable(),
  updatedAt: InstantSchema,
});
export type Warning = z.infer<typeof WarningSchema>;

const WarningFieldsSchema = z.object({
  hazard: z.enum(HAZARDS),
  colour: z.enum(WARNING_COLOURS),
  townships: z.array(TownshipNameSchema).min(1).max(18),
  /** Omitted: filled from the template for the hazard and colour. */
  texts: WarningTextsSchema.optional(),
  effective: InstantSchema.optional(),
  expires: InstantSchema,
  exercise: z.boolean().default(false),
});

/** A new draft; `replacesId` makes it an Update of an issued warning. */
export const WarningDraftSchema = WarningFieldsSchema.extend({ replacesId: z.string().min(1).max(64).optional() }).strict();
export const WarningDraftEditSchema = WarningFieldsSchema.partial().strict();
export const WarningIssueSchema = z.object({}).strict();
export const WarningCancelSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export const WarningListQuerySchema = z.object({ status: z.enum(WARNING_STATUSES).optional() }).strict();
export const WarningTemplateQuerySchema = z.object({ hazard: z.enum(HAZARDS), colour: z.enum(WARNING_COLOURS), townships: z.string().max(400).optional() }).strict();

/** A recipient's progress: queued → sent (a channel accepted it) → opened → received (收到) → done (已落实). */
export const RECIPIENT_STATES = ['queued', 'sent', 'opened', 'received', 'done'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export const RecipientSchema = z.object({
  id: z.string(),
  /** The subject's id: the warning's, or a response task's when `subjectType` is `task`. */
  warningId: z.string(),
  subjectType: z.enum(['warning', 'task']),
  contactId: z.string(),
  name: z.string(),
  duty: z.string(),
  township: z.string(),
  phones: z.array(z.string()),
  /** primary, or the backup (AB角) contacted because the primary stayed silent. */
  role: z.enum(['primary', 'backup']),
  /** A backup's primary recipient (the one who stayed silent). */
  backupFor: z.string().nullable().default(null),
  state: z.enum(RECIPIENT_STATES),
  queuedAt: InstantSchema,
  sentAt: InstantSchema.nullable(),
  openedAt: InstantSchema.nullable(),
  receivedAt: InstantSchema.nullable(),
  doneAt: InstantSchema.nullable(),
  doneNote: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** 电话叫应: the answer was taken by phone by the duty officer named here. */
  phoneAnswer: z.object({ by: z.string(), at: InstantSchema, note: z.string() }).nullable(),
  /** The last delivery failure per channel, shown so the desk can call instead. */
  failures: z.array(z.object({ channel: z.string(), error: z.string(), at: InstantSchema })),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const PhoneAnswerSchema = z.object({ answer: z.enum(['received', 'done']), note: z.string().trim().max(500).default('') }).strict();

/** Per-township coverage for the desk and the wall. */
export const TownshipCoverageSchema = z.object({ township: z.string(), recipients: z.number().int(), received: z.number().int(), done: z.number().int() });
export type TownshipCoverage = z.infer<typeof TownshipCoverageSchema>;
/** One warning's coverage, township by township: what the wall shows (no names, no phones). */
export const WarningCoverageSchema = z.object({ warningId: z.string(), townships: z.array(TownshipCoverageSchema) });
export type WarningCoverage = z.infer<typeof WarningCoverageSchema>;

/** One message a channel was asked to carry; the outbox channel keeps them for the duty officer to copy. */
export const DeliverySchema = z.object({
  id: z.string(),
  warningId: z.string(),
  recipientId: z.string().nullable(),
  channel: z.string(),
  state: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** The text to send (for the outbox, what the officer copies); carries the personal link only on personal channels. */
  text: z.string(),
  to: z.string(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

const recipientEvent = z.object({ recipient: RecipientSchema });
export const WARNING_EVENT_PAYLOADS = {
  'warning.drafted': z.object({ warning: WarningSchema }),
  'warning.draft_edited': z.object({ warning: WarningSchema }),
  'warning.issued': z.object({ warning: WarningSchema }),
  /** The original, now `updated` or `cancelled`, and what replaced it. */
  'warning.replaced': z.object({ warning: WarningSchema, replacedBy: WarningSchema, reason: z.string().nullable() }),
  /** Recipients added with their personal links: everyone targeted at issue, or backups (AB角) of silent primaries. */
  'warning.recipients_queued': z.object({ warningId: z.string(), subjectType: z.enum(['warning', 'task']).optional(), role: z.enum(['primary', 'backup']), recipients: z.array(RecipientSchema) }),
  /** A channel accepted the personal messages of these recipients (one event per dispatcher pass and warning). */
  'warning.recipients_sent': z.object({ warningId: z.string(), subjectType: z.enum(['warning', 'task']).optional(), recipientIds: z.array(z.string()), at: InstantSchema }),
  'warning.recipient_changed': recipientEvent.extend({ cause: z.enum(['delivery_failed', 'opened', 'received', 'done', 'phone_answer']) }),
  'warning.delivery_failed': z.object({ delivery: DeliverySchema }),
  /** Recipients were added or answered: the counts per township, for every board screen (the recipient events are staff-only). */
  'warning.coverage_changed': WarningCoverageSchema,
};

/**
 * The board's part of the snapshot: warnings in force, drafts and those ended lately; received alerts in force
 * and lately replaced; the coverage of every issued warning in force.
 */
export const WarningListsSchema = z.object({ warnings: z.array(WarningSchema), capAlerts: z.array(CapAlertSchema), warningCoverage: z.array(WarningCoverageSchema) });
export type WarningLists = z.infer<typeof WarningListsSchema>;
