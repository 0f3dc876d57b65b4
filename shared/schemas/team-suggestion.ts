import { z } from 'zod';
import { LatSchema, LonSchema } from '../geo';
import { InstantSchema } from '../time';
import { TeamSchema } from './team';

export const TeamSuggestionQuerySchema = z.object({
  lat: z.coerce.number().pipe(LatSchema),
  lon: z.coerce.number().pipe(LonSchema),
  limit: z.coerce.number().int().min(1).max(50).default(5),
  /** Also list busy teams (with their status), after the available ones. */
  includeBusy: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').default(false),
});

/**
 * How the desk can reach a team, best first: a tablet of the team is connected now (a dispatch reaches it at
 * once), only a tracker was heard lately (the team is located, but a dispatch must be phoned through), or
 * neither (phone the team's number).
 */
export const TEAM_REACH = ['tablet', 'tracker', 'phone'] as const;
export type TeamReach = (typeof TEAM_REACH)[number];

export const TeamSuggestionSchema = z.object({
  team: TeamSchema,
  /** Straight-line distance: across the harbour or to an island the way there is much longer. */
  distanceMetres: z.number().min(0),
  /** Measured from the team's latest fresh position, or from its base when it has none. */
  from: z.enum(['position', 'base']),
  positionAt: InstantSchema.nullable(),
  /** Standby (or returning) with no active dispatch. */
  available: z.boolean(),
  activeDispatches: z.number().int().min(0),
  reach: z.enum(TEAM_REACH),
});
export type TeamSuggestion = z.infer<typeof TeamSuggestionSchema>;

export const TeamSuggestionsSchema = z.object({
  method: z.literal('straight_line'),
  teams: z.array(TeamSuggestionSchema),
});
export type TeamSuggestions = z.infer<typeof TeamSuggestionsSchema>;
