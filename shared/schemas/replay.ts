import { z } from 'zod';
import { InstantSchema } from '../time';
import { ALARM_KINDS, ALARM_SEVERITIES } from '../enums';
import { PointSchema } from '../geo';
import { DomainEventSchema } from './event';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from './incident';
import { ASSIGNMENT_STATES, DISPATCH_PRIORITIES } from './dispatch';
import { SHELTER_STATUSES } from './shelter';
import { StormSchema } from './typhoon';
import { HAZARDS, WARNING_COLOURS } from './warning';
import { MAX_REVIEW_DAYS } from './review';

/**
 * Replay (回放): the board as it was at a moment (a scene), then the window in time order, a page at a time:
 * the events that change the scene and every unit's fixes thinned to the playback resolution.
 */
export const MIN_REPLAY_RESOLUTION_MS = 5_000;
export const MAX_REPLAY_RESOLUTION_MS = 600_000;
/** A page holds this many resolution steps of every unit. */
export const REPLAY_PAGE_STEPS = 20;

export const ReplaySceneQuerySchema = z.object({ at: InstantSchema }).strict();
export const ReplayPageQuerySchema = z
  .object({
    from: InstantSchema,
    to: InstantSchema,
    resolutionMs: z.coerce.number().int().min(MIN_REPLAY_RESOLUTION_MS).max(MAX_REPLAY_RESOLUTION_MS),
  })
  .strict()
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'the page ends after it starts', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_REVIEW_DAYS * 24 * 3_600_000, { message: `at most ${MAX_REVIEW_DAYS} days`, path: ['to'] });
export type ReplayPageQuery = z.output<typeof ReplayPageQuerySchema>;

/** Fixes as flat numbers, four per fix: team index (into `teams`), seconds after the page's `from`, lat, lon. */
export const ReplayTracksSchema = z.object({ teams: z.array(z.string()), fixes: z.array(z.number()) });
export type ReplayTracks = z.infer<typeof ReplayTracksSchema>;

export const SceneTeamSchema = z.object({ id: z.string(), name: z.string() });
export const SceneDispatchSchema = z.object({ dispatchId: z.string(), teamId: z.string(), state: z.enum(ASSIGNMENT_STATES), priority: z.enum(DISPATCH_PRIORITIES), destination: PointSchema.extend({ label: z.string() }) });
export const SceneIncidentSchema = z.object({ id: z.string(), code: z.string(), title: z.string(), severity: z.enum(INCIDENT_SEVERITIES), status: z.enum(INCIDENT_STATUSES), location: PointSchema.nullable(), township: z.string().nullable() });
export const SceneShelterSchema = z.object({ id: z.string(), name: z.string(), location: PointSchema, occupancy: z.number().int(), capacity: z.number().int(), status: z.enum(SHELTER_STATUSES) });
export const SceneAlarmSchema = z.object({ id: z.string(), kind: z.enum(ALARM_KINDS), severity: z.enum(ALARM_SEVERITIES), state: z.enum(['raised', 'acknowledged', 'cleared']), sourceId: z.string(), raisedAt: InstantSchema });
export const SceneWarningSchema = z.object({ id: z.string(), hazard: z.enum(HAZARDS), colour: z.enum(WARNING_COLOURS), townships: z.array(z.string()), exercise: z.boolean(), expires: InstantSchema });

/** The board at `at`: only what is live then (active dispatches, open incidents and alarms, warnings in force). */
export const ReplaySceneSchema = z.object({
  at: InstantSchema,
  teams: z.record(z.string(), SceneTeamSchema),
  dispatches: z.record(z.string(), SceneDispatchSchema),
  incidents: z.record(z.string(), SceneIncidentSchema),
  shelters: z.record(z.string(), SceneShelterSchema),
  alarms: z.record(z.string(), SceneAlarmSchema),
  warnings: z.record(z.string(), SceneWarningSchema),
  /** Storms as known then: the last bulletin before `at`, not the final track. */
  storms: z.record(z.string(), StormSchema),
});
export type ReplayScene = z.infer<typeof ReplaySceneSchema>;

/** What the scene route answers: the scene and each unit's last fix before it (seconds before `at`), to draw it from the start. */
export const ReplaySceneAnswerSchema = ReplaySceneSchema.extend({ lastFixes: ReplayTracksSchema });


export const ReplayPageSchema = z.object({
  from: InstantSchema,
  to: InstantSchema,
  /** Where the next page starts; null at the window's end. */
  next: InstantSchema.nullable(),
  events: z.array(DomainEventSchema),
  tracks: ReplayTracksSchema,
});
export type ReplayPage = z.infer<typeof ReplayPageSchema>;
