import { z } from 'zod';
import { LatSchema, LonSchema } from '../geo';
import { InstantSchema } from '../time';
import { ActorSchema } from './actor';
import { TeamIdSchema } from './team';

export const TASK_TYPES = [
  'rescue', // 救援
  'evacuation', // 转移
  'patrol', // 巡查
  'supply_run', // 物资运送
  'repair', // 抢修
  'pre_position', // 待命前置
  'other',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const DISPATCH_PRIORITIES = [
  'flash', // 特急
  'urgent', // 紧急
  'routine', // 一般
] as const;
export type DispatchPriority = (typeof DISPATCH_PRIORITIES)[number];

/** One team's progress on a dispatch. `declined`, `completed` and `cancelled` are final. */
export const ASSIGNMENT_STATES = ['created', 'delivered', 'accepted', 'declined', 'en_route', 'on_scene', 'completed', 'cancelled'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const FINAL_ASSIGNMENT_STATES = ['declined', 'completed', 'cancelled'] as const satisfies readonly AssignmentState[];
export const ACTIVE_ASSIGNMENT_STATES = ['created', 'delivered', 'accepted', 'en_route', 'on_scene'] as const satisfies readonly AssignmentState[];

/** Steps a team takes (from its tablet, or recorded for it by the desk). */
export const TEAM_STEPS = ['delivered', 'accepted', 'declined', 'en_route', 'on_scene', 'completed'] as const satisfies readonly AssignmentState[];
export type TeamStep = (typeof TEAM_STEPS)[number];
/** Steps a tablet sends itself; delivery is confirmed with `dispatch:received`. */
export const TABLET_STEPS = ['accepted', 'declined', 'en_route', 'on_scene', 'completed'] as const satisfies readonly TeamStep[];

/** How a step reached the command centre. */
export const STEP_CHANNELS = ['tablet', 'phone', 'radio', 'in_person'] as const;
export type StepChannel = (typeof STEP_CHANNELS)[number];
export const ON_BEHALF_CHANNELS = ['phone', 'radio', 'in_person'] as const satisfies readonly StepChannel[];

/** A client-generated id that makes a retried action apply once. */
export const ActionIdSchema = z.uuid();

const ReasonSchema = z.string().trim().min(1).max(500);
const DispatchIdSchema = z.string().min(1).max(64);

export const DestinationSchema = z
  .object({
    lat: LatSchema,
    lon: LonSchema,
    /** Filled in by the server from the point when not given. */
    township: z.string().max(40).nullable().default(null),
    label: z.string().trim().min(1).max(120),
  })
  .strict();
export type Destination = z.infer<typeof DestinationSchema>;

/**
 * What a team reports when it completes a task: dispatch statistics only. Evacuation totals come from
 * shelters and townships, so these numbers are never added to them.
 */
export const DispatchOutcomeSchema = z
  .object({
    rescued: z.number().int().min(0).max(100_000),
    evacuated: z.number().int().min(0).max(1_000_000),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type DispatchOutcome = z.output<typeof DispatchOutcomeSchema>;

export const AssignmentSchema = z.object({
  teamId: TeamIdSchema,
  state: z.enum(ASSIGNMENT_STATES),
  /** Active but waiting behind the team's current dispatch. */
  queued: z.boolean(),
  /** Why it was declined or cancelled. */
  reason: z.string().nullable(),
  /** How the latest step reached us; null for the desk's own actions (create, cancel). */
  channel: z.enum(STEP_CHANNELS).nullable(),
  /** The team's report on completing; null until then (and for a completion recorded without one). */
  outcome: DispatchOutcomeSchema.nullable().default(null),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  updatedBy: ActorSchema,
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const DispatchSchema = z.object({
  id: DispatchIdSchema,
  taskType: z.enum(TASK_TYPES),
  priority: z.enum(DISPATCH_PRIORITIES),
  destination: DestinationSchema,
  instructions: z.string(),
  incidentId: z.string().nullable(),
  createdBy: ActorSchema,
  createdAt: InstantSchema,
  /** The dispatch this one replaces for another team (reassignment). */
  reassignedFrom: z.string().nullable(),
  /** 演练: a drill's dispatch, shown marked and kept out of the real figures (events before the flag are real). */
  exercise: z.boolean().default(false),
  /** One per target team; a field user sees only its own team's. */
  assignments: z.array(AssignmentSchema),
});
export type Dispatch = z.infer<typeof DispatchSchema>;

/** One entry of a dispatch's timeline; `seq` is the event that recorded it. */
export const DispatchStepSchema = z.object({
  seq: z.number().int().positive(),
  dispatchId: DispatchIdSchema,
  teamId: TeamIdSchema,
  from: z.enum(ASSIGNMENT_STATES).nullable(),
  state: z.enum(ASSIGNMENT_STATES),
  at: InstantSchema,
  actor: ActorSchema,
  channel: z.enum(STEP_CHANNELS).nullable(),
  reason: z.string().nullable(),
});
export type DispatchStep = z.infer<typeof DispatchStepSchema>;

export const DispatchDetailSchema = z.object({ dispatch: DispatchSchema, timeline: z.array(DispatchStepSchema) });
export type DispatchDetail = z.infer<typeof DispatchDetailSchema>;

const uniqueTeams = (ids: string[]) => new Set(ids).size === ids.length;
const TeamListSchema = z.array(TeamIdSchema).min(1).max(30).refine(uniqueTeams, 'each team once');
const declineNeedsReason = <T extends { to: string; reason?: string | null }>(step: T) => step.to !== 'declined' || Boolean(step.reason);
const outcomeOnlyOnCompletion = <T extends { to: string; outcome?: unknown }>(step: T) => step.outcome == null || step.to === 'completed';

export const DispatchCreateSchema = z
  .object({
    actionId: ActionIdSchema,
    teamIds: TeamListSchema,
    taskType: z.enum(TASK_TYPES),
    priority: z.enum(DISPATCH_PRIORITIES),
    destination: DestinationSchema,
    instructions: z.string().trim().max(2000).default(''),
    incidentId: z.string().min(1).max(64).nullable().default(null),
    /** 演练: a drill's dispatch (a plan activated as a drill creates these). */
    exercise: z.boolean().default(false),
  })
  .strict();
export type DispatchCreate = z.input<typeof DispatchCreateSchema>;

/** A tablet's step on its own team's assignment. */
export const DispatchStepRequestSchema = z
  .object({
    actionId: ActionIdSchema,
    dispatchId: DispatchIdSchema,
    to: z.enum(TABLET_STEPS),
    reason: ReasonSchema.nullable().default(null),
    outcome: DispatchOutcomeSchema.nullable().default(null),
  })
  .strict()
  .refine(declineNeedsReason, { message: 'a decline needs a reason', path: ['reason'] })
  .refine(outcomeOnlyOnCompletion, { message: 'an outcome belongs to a completion', path: ['outcome'] });
export type DispatchStepRequest = z.input<typeof DispatchStepRequestSchema>;

/** A tablet confirms it has the dispatch: the `delivered` step. */
export const DispatchReceivedSchema = z.object({ actionId: ActionIdSchema, dispatchId: DispatchIdSchema }).strict();

/** The desk records a team's step that came by phone, radio or in person. */
export const DispatchOnBehalfSchema = z
  .object({
    actionId: ActionIdSchema,
    teamId: TeamIdSchema,
    to: z.enum(TEAM_STEPS),
    channel: z.enum(ON_BEHALF_CHANNELS),
    reason: ReasonSchema.nullable().default(null),
    outcome: DispatchOutcomeSchema.nullable().default(null),
  })
  .strict()
  .refine(declineNeedsReason, { message: 'a decline needs a reason', path: ['reason'] })
  .refine(outcomeOnlyOnCompletion, { message: 'an outcome belongs to a completion', path: ['outcome'] });
export type DispatchOnBehalf = z.input<typeof DispatchOnBehalfSchema>;

/** Cancels the given teams' assignments, or every active one when `teamIds` is left out. */
export const DispatchCancelSchema = z.object({ actionId: ActionIdSchema, teamIds: TeamListSchema.optional(), reason: ReasonSchema }).strict();
export type DispatchCancel = z.input<typeof DispatchCancelSchema>;

/** Cancels one team's assignment (unless already declined or cancelled) and sends the same task to others, linked. */
export const DispatchReassignSchema = z.object({ actionId: ActionIdSchema, fromTeamId: TeamIdSchema, toTeamIds: TeamListSchema, reason: ReasonSchema }).strict();
export type DispatchReassign = z.input<typeof DispatchReassignSchema>;
export const DispatchReassignResultSchema = z.object({ cancelled: DispatchSchema, created: DispatchSchema });

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const DispatchListQuerySchema = z.object({
  teamId: TeamIdSchema.optional(),
  state: z.enum(ASSIGNMENT_STATES).optional(),
  incidentId: z.string().min(1).max(64).optional(),
  /** Only dispatches with at least one active assignment. */
  active: flag.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type DispatchListQuery = z.infer<typeof DispatchListQuerySchema>;

/** The latest steps of every dispatch, from the log: the wall's feed as it was before a reload. */
export const DispatchFeedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export type DispatchFeedQuery = z.infer<typeof DispatchFeedQuerySchema>;

/** The team's active dispatches in the order it works through them: the first is current, the rest queued. */
const QueueSchema = z.array(DispatchIdSchema);

/** Every dispatch event concerns one (dispatch, team) pair and goes to that team's tablets and the board. */
export const DISPATCH_EVENT_PAYLOADS = {
  /** A team was given a dispatch; `dispatch.assignments` holds that team's assignment only. */
  'dispatch.assigned': z.object({ dispatch: DispatchSchema, teamId: TeamIdSchema, queue: QueueSchema }),
  /** A team's assignment moved on (including delivery and cancellation). */
  'dispatch.stepped': z.object({
    dispatchId: DispatchIdSchema,
    teamId: TeamIdSchema,
    /** The timeline entry; its seq is the event's. */
    step: DispatchStepSchema.omit({ seq: true }),
    assignment: AssignmentSchema,
    queue: QueueSchema,
  }),
} as const;
