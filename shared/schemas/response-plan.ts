import { z } from 'zod';
import { LatSchema, LonSchema } from '../geo';
import { InstantSchema } from '../time';
import { DISPATCH_PRIORITIES, TASK_TYPES } from './dispatch';
import { TownshipNameSchema } from './township-name';
import { WallLayoutSchema } from './wall';
import { HAZARDS as WARNING_HAZARDS, WARNING_COLOURS } from './warning';

/**
 * Digital plans (数字预案): per hazard and response level, the tasks a response at that level carries, each
 * with an owner, a deadline relative to activation, an optional repeat and an optional action the system can
 * carry out once a commander confirms it. A plan is a versioned document: every save is a new version.
 */

/** 防台风, 防汛, 森林防火, 地质灾害. */
export const RESPONSE_HAZARDS = ['typhoon', 'flood', 'forest_fire', 'geohazard'] as const;
export type ResponseHazard = (typeof RESPONSE_HAZARDS)[number];

/** Ⅳ (least severe) to Ⅰ (most severe), in rising order. */
export const RESPONSE_LEVELS = ['IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];

/** 0 for Ⅳ … 3 for Ⅰ. */
export const levelRank = (level: ResponseLevel): number => RESPONSE_LEVELS.indexOf(level);
/** The levels from Ⅳ up to and including `level`. */
export const levelsUpTo = (level: ResponseLevel): ResponseLevel[] => RESPONSE_LEVELS.slice(0, levelRank(level) + 1);

/** The board roles a task may fall to (the desk marks it done). */
export const TASK_ROLES = ['commander', 'duty_officer'] as const;

/** Who must do a task: a desk role, a rescue team (a dispatch), a township or a registered contact (a personal link). */
export const TaskOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: z.enum(TASK_ROLES) }).strict(),
  z.object({ kind: z.literal('team'), teamId: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('township'), township: TownshipNameSchema }).strict(),
  z.object({ kind: z.literal('contact'), contactId: z.string().min(1).max(64) }).strict(),
]);
export type TaskOwner = z.infer<typeof TaskOwnerSchema>;

const Townships = z.array(TownshipNameSchema).min(1).max(18);

/** What the system can do for a task once confirmed (or at once, when the plan marks the task automatic). */
export const PlanActionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('dispatch'),
      teamIds: z.array(z.string().min(1).max(64)).min(1).max(20),
      taskType: z.enum(TASK_TYPES),
      priority: z.enum(DISPATCH_PRIORITIES),
      destination: z.object({ lat: LatSchema, lon: LonSchema, label: z.string().trim().min(1).max(80) }).strict(),
      instructions: z.string().trim().max(500).default(''),
    })
    .strict(),
  z.object({ kind: z.literal('open_shelters'), townships: Townships }).strict(),
  z
    .object({
      kind: z.literal('evacuation_targets'),
      /** A count left out is left as it is (a vessels-only row keeps the people target). */
      targets: z.array(z.object({ township: TownshipNameSchema, people: z.number().int().min(0).max(1_000_000).optional(), vessels: z.number().int().min(0).max(100_000).optional() }).strict()).min(1).max(18),
    })
    .strict(),
  z.object({ kind: z.literal('draft_warning'), hazard: z.enum(WARNING_HAZARDS), colour: z.enum(WARNING_COLOURS), townships: Townships, hours: z.number().int().min(1).max(168) }).strict(),
  z.object({ kind: z.literal('wall_layout'), layout: WallLayoutSchema }).strict(),
  z.object({ kind: z.literal('require_report'), townships: Townships, withinMinutes: z.number().int().min(10).max(1440) }).strict(),
]);
export type PlanAction = z.infer<typeof PlanActionSchema>;
export type PlanActionKind = PlanAction['kind'];

export const PlanTaskSchema = z
  .object({
    /** Stable within the plan: a task keeps its key across versions. */
    key: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(200),
    owner: TaskOwnerSchema,
    /** The deadline, in minutes after the level is activated. */
    dueMinutes: z.number().int().min(0).max(7 * 24 * 60),
    /** A task that comes back (a report every 6 h); null: once. */
    repeatMinutes: z.number().int().min(30).max(24 * 60).nullable().default(null),
    action: PlanActionSchema.nullable().default(null),
    /** The action runs at activation without waiting for a confirmation. */
    automatic: z.boolean().default(false),
  })
  .strict();
export type PlanTask = z.infer<typeof PlanTaskSchema>;

const PlanTasksSchema = z
  .array(PlanTaskSchema)
  .max(200)
  .refine((tasks) => new Set(tasks.map((t) => t.key)).size === tasks.length, { message: 'task keys must be unique' });

export const PersonSchema = z.object({ id: z.string(), name: z.string() });

export const PlanSchema = z.object({
  hazard: z.enum(RESPONSE_HAZARDS),
  level: z.enum(RESPONSE_LEVELS),
  /** 1 for the first save; 0 for a plan never written. */
  version: z.number().int().min(0),
  tasks: z.array(PlanTaskSchema),
  /** What changed, as the editor wrote it. */
  note: z.string(),
  savedBy: PersonSchema.nullable(),
  savedAt: InstantSchema.nullable(),
});
export type Plan = z.infer<typeof PlanSchema>;

/** A save: the whole task list, and the version it was edited from (a stale one is refused). */
export const PlanSaveSchema = z.object({ tasks: PlanTasksSchema, note: z.string().trim().max(500).default(''), baseVersion: z.number().int().min(0) }).strict();

export const PlanParamsSchema = z.object({ hazard: z.enum(RESPONSE_HAZARDS), level: z.enum(RESPONSE_LEVELS) });

/** A reference a plan makes that does not resolve: reported on save and on activation; the rest still runs. */
export const PlanProblemSchema = z.object({
  taskKey: z.string(),
  /** outside_drill: a drill during a real response does not reach this team or contact. */
  kind: z.enum(['missing_team', 'missing_shelter', 'missing_contact', 'no_contact', 'outside_drill']),
  /** The team id, contact id or township that does not resolve. */
  ref: z.string(),
});
export type PlanProblem = z.infer<typeof PlanProblemSchema>;

export const PlanSavedSchema = z.object({ plan: PlanSchema, problems: z.array(PlanProblemSchema) });
