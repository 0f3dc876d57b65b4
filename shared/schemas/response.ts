import { z } from 'zod';
import { InstantSchema } from '../time';
import { ActionIdSchema, DispatchSchema } from './dispatch';
import { PersonSchema, PlanActionSchema, PlanSchema, RESPONSE_HAZARDS, RESPONSE_LEVELS, TaskOwnerSchema, PlanProblemSchema } from './response-plan';
import { TownshipNameSchema } from './township-name';
import { HAZARDS as WARNING_HAZARDS, WARNING_COLOURS } from './warning';

/**
 * Emergency responses (应急响应): a hazard at a level Ⅳ–Ⅰ, started, raised, lowered and ended by a commander
 * with a reason. Starting or raising activates the plans up to the level: their tasks, with owners and
 * deadlines, and the actions the system prepares for the commander to confirm.
 */

const Hazard = z.enum(RESPONSE_HAZARDS);
const Level = z.enum(RESPONSE_LEVELS);
const Reason = z.string().trim().min(1).max(500);

export const RESPONSE_CHANGES = ['started', 'raised', 'lowered', 'ended'] as const;

export const ResponseChangeSchema = z.object({ kind: z.enum(RESPONSE_CHANGES), level: Level, reason: z.string(), by: PersonSchema, at: InstantSchema });
export type ResponseChange = z.infer<typeof ResponseChangeSchema>;

/** A drill run while a real response is on reaches only the teams and contacts chosen for it. */
export const DrillScopeSchema = z.object({ teamIds: z.array(z.string().min(1).max(64)).max(50), contactIds: z.array(z.string().min(1).max(64)).max(200) }).strict();
export type DrillScope = z.infer<typeof DrillScopeSchema>;

export const ResponseSchema = z.object({
  id: z.string(),
  hazard: Hazard,
  level: Level,
  /** 演练: every item it creates is marked, nothing counts in real figures. */
  exercise: z.boolean(),
  state: z.enum(['active', 'ended']),
  startedAt: InstantSchema,
  /** When the current level was reached. */
  levelSince: InstantSchema,
  endedAt: InstantSchema.nullable(),
  history: z.array(ResponseChangeSchema),
  /** The plan version each activated level used. */
  planVersions: z.partialRecord(Level, z.number().int()),
  /** Set for a drill limited to chosen teams and contacts (one run during a real response). */
  drillScope: DrillScopeSchema.nullable(),
});
export type Response = z.infer<typeof ResponseSchema>;

export const TASK_STATES = ['open', 'done', 'closed'] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** none: the task has no action; prepared: waits for the commander; done; failed (its references did not resolve). */
export const ACTION_STATES = ['none', 'prepared', 'done', 'failed'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const ActionResultSchema = z.object({
  dispatchIds: z.array(z.string()).default([]),
  shelterIds: z.array(z.string()).default([]),
  warningId: z.string().nullable().default(null),
  /** Recipients of personal links created for the task. */
  links: z.number().int().default(0),
  problems: z.array(PlanProblemSchema).default([]),
  confirmedBy: PersonSchema.nullable().default(null),
  at: InstantSchema.nullable().default(null),
});
export type ActionResult = z.infer<typeof ActionResultSchema>;

/** A task unanswered by its deadline went to the backup (B角) of a silent owner contact, through a personal link of their own. */
export const TaskEscalationSchema = z.object({ contactId: z.string(), name: z.string(), phones: z.array(z.string()), forName: z.string(), at: InstantSchema });
export type TaskEscalation = z.infer<typeof TaskEscalationSchema>;

export const ResponseTaskSchema = z.object({
  id: z.string(),
  responseId: z.string(),
  level: Level,
  planVersion: z.number().int(),
  key: z.string(),
  title: z.string(),
  owner: TaskOwnerSchema,
  /** The owner as people read it: a team's or contact's name, a township, a role. */
  ownerName: z.string(),
  dueAt: InstantSchema,
  repeatMinutes: z.number().int().nullable(),
  /** 1 for the first round of a repeating task. */
  occurrence: z.number().int(),
  state: z.enum(TASK_STATES),
  closedReason: z.string().nullable(),
  doneAt: InstantSchema.nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  action: PlanActionSchema.nullable(),
  actionState: z.enum(ACTION_STATES),
  actionResult: ActionResultSchema.nullable(),
  automatic: z.boolean(),
  exercise: z.boolean(),
  /** References of the plan that did not resolve at activation. */
  problems: z.array(PlanProblemSchema),
  createdAt: InstantSchema,
  /** The backups reached because the owner's contacts stayed silent past the deadline (none in events logged before them). */
  escalations: z.array(TaskEscalationSchema).default([]),
});
export type ResponseTask = z.infer<typeof ResponseTaskSchema>;

export const ResponseStartSchema = z
  .object({
    actionId: ActionIdSchema,
    hazard: Hazard,
    level: Level,
    reason: Reason,
    exercise: z.boolean().default(false),
    /** A drill during a real response: the teams and contacts it may reach. */
    drillScope: DrillScopeSchema.optional(),
    /** A drill during a real response must be confirmed explicitly. */
    confirmDuringReal: z.boolean().default(false),
  })
  .strict();
export const ResponseLevelChangeSchema = z.object({ actionId: ActionIdSchema, level: Level, reason: Reason }).strict();
export const ResponseEndSchema = z.object({ actionId: ActionIdSchema, reason: Reason }).strict();
/** Confirm one prepared action (its task id), several, or every prepared one (`all`). */
export const ConfirmActionsSchema = z
  .object({ actionId: ActionIdSchema, taskIds: z.array(z.string().min(1).max(64)).max(500).default([]), all: z.boolean().default(false) })
  .strict()
  .refine((c) => c.all || c.taskIds.length > 0, { message: 'name the tasks or confirm all' });
export const TaskDoneSchema = z.object({ note: z.string().trim().max(500).default('') }).strict();

/** What an activation (start or raise) answers: the response, the tasks it added, what did not resolve. */
export const ActivationSchema = z.object({ response: ResponseSchema, tasks: z.array(ResponseTaskSchema), problems: z.array(PlanProblemSchema) });
export type Activation = z.infer<typeof ActivationSchema>;

export const ConfirmResultSchema = z.object({ tasks: z.array(ResponseTaskSchema) });

export const ResponseListQuerySchema = z.object({ state: z.enum(['active', 'ended']).optional() }).strict();

/** What every screen, a field tablet included, shows in the level banner. */
export const ResponseBannerSchema = z.object({ id: z.string(), hazard: Hazard, level: Level, exercise: z.boolean(), startedAt: InstantSchema, levelSince: InstantSchema });
export type ResponseBanner = z.infer<typeof ResponseBannerSchema>;

/** The editable table turning the storm's circles and the warnings in force into a suggested typhoon response level. */
export const LevelRuleSchema = z.discriminatedUnion('when', [
  z.object({ when: z.literal('circle'), level: Level, circle: z.enum(['level7', 'level10', 'level12']), withinHours: z.number().min(0).max(96) }).strict(),
  z.object({ when: z.literal('warning'), level: Level, hazard: z.enum(WARNING_HAZARDS), colour: z.enum(WARNING_COLOURS) }).strict(),
]);
export type LevelRule = z.infer<typeof LevelRuleSchema>;
export const LevelRulesSchema = z.array(LevelRuleSchema).min(1).max(24);

export const LevelSuggestionSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('suggested'),
    hazard: Hazard,
    level: Level,
    rule: LevelRuleSchema,
    /** What made the rule hold: the storm and township reached first, or the warning. */
    because: z.object({ stormId: z.string().nullable(), township: z.string().nullable(), reachesAt: InstantSchema.nullable(), warningId: z.string().nullable() }),
  }),
  z.object({ state: z.literal('none') }),
]);
export type LevelSuggestion = z.infer<typeof LevelSuggestionSchema>;
export const SuggestionAnswerSchema = z.object({ suggestion: LevelSuggestionSchema, rules: LevelRulesSchema });

/** 人员转移 and 渔船回港 per township for a response: targets set by the plan or the desk, counts reported by the township. */
export const EvacuationTargetSchema = z.object({
  township: z.string(),
  people: z.number().int().min(0),
  /** Moved as the township reports it, beside shelter check-ins and 投亲靠友. */
  reportedMoved: z.number().int().min(0),
  vessels: z.number().int().min(0),
  vesselsInPort: z.number().int().min(0),
  deadline: InstantSchema.nullable(),
  updatedAt: InstantSchema,
  updatedBy: z.string(),
});
export type EvacuationTarget = z.infer<typeof EvacuationTargetSchema>;

const Count = z.number().int().min(0).max(1_000_000);
export const EvacuationTargetSetSchema = z
  .object({ people: Count.optional(), reportedMoved: Count.optional(), vessels: Count.optional(), vesselsInPort: Count.optional(), deadline: InstantSchema.nullable().optional() })
  .strict();
export const EvacuationParamsSchema = z.object({ id: z.string().min(1).max(64), township: TownshipNameSchema });

/** 人员转移 of one village (村/社区) within a township: its target and the township's count of its people moved. */
export const EvacuationVillageSchema = z.object({
  township: z.string(),
  village: z.string(),
  people: z.number().int().min(0),
  reportedMoved: z.number().int().min(0),
  /** Null: the township's deadline. */
  deadline: InstantSchema.nullable(),
  updatedAt: InstantSchema,
  updatedBy: z.string(),
});
export type EvacuationVillage = z.infer<typeof EvacuationVillageSchema>;
export const EvacuationVillageSetSchema = z.object({ people: Count.optional(), reportedMoved: Count.optional(), deadline: InstantSchema.nullable().optional() }).strict();
export const VillageNameSchema = z.string().trim().min(1).max(40);
export const EvacuationVillageParamsSchema = EvacuationParamsSchema.extend({ village: VillageNameSchema });

/** A dispatch a plan's task created that still has a team on it: listed when the response ends, never cancelled silently. */
export const PlanDispatchSchema = z.object({ taskId: z.string(), taskTitle: z.string(), dispatch: DispatchSchema });
export type PlanDispatch = z.infer<typeof PlanDispatchSchema>;
/** The commander cancels the named ones of those (one click for all of them). */
export const PlanDispatchCancelSchema = z
  .object({ actionId: ActionIdSchema, dispatchIds: z.array(z.string().min(1).max(64)).min(1).max(200), reason: Reason })
  .strict()
  .refine((c) => new Set(c.dispatchIds).size === c.dispatchIds.length, { message: 'each dispatch once', path: ['dispatchIds'] });
/** What was cancelled, and what had already finished (or been cancelled) in the meantime and was left alone. */
export const PlanDispatchCancelResultSchema = z.object({ cancelled: z.array(z.string()), alreadyFinished: z.array(z.string()) });

export const ResponseListsSchema = z.object({
  responses: z.array(ResponseSchema),
  responseTasks: z.array(ResponseTaskSchema),
  evacuationTargets: z.array(EvacuationTargetSchema.extend({ responseId: z.string() })),
  evacuationVillages: z.array(EvacuationVillageSchema.extend({ responseId: z.string() })).default([]),
});
export type ResponseLists = z.infer<typeof ResponseListsSchema>;

const responseEvent = z.object({ response: ResponseSchema });
export const RESPONSE_EVENT_PAYLOADS = {
  'response.started': responseEvent,
  'response.raised': responseEvent,
  'response.lowered': responseEvent,
  'response.ended': responseEvent,
  /** An activation's tasks (start or raise), or the next round of a repeating task. */
  'response.tasks_added': z.object({ responseId: z.string(), tasks: z.array(ResponseTaskSchema), problems: z.array(PlanProblemSchema) }),
  /** Tasks changed together: confirmed actions, tasks closed by a lower level or the end, one task done. */
  'response.tasks_changed': z.object({ responseId: z.string(), tasks: z.array(ResponseTaskSchema), cause: z.enum(['confirmed', 'done', 'closed', 'answered', 'escalated']) }),
  'response.plan_saved': z.object({ plan: PlanSchema, problems: z.array(PlanProblemSchema) }),
  'response.level_rules_changed': z.object({ rules: LevelRulesSchema }),
  'response.evacuation_set': z.object({ responseId: z.string(), target: EvacuationTargetSchema }),
  'response.evacuation_village_set': z.object({ responseId: z.string(), village: EvacuationVillageSchema }),
};
