import { levelRank, type ResponseLevel } from '../schemas/response-plan';
import type { LevelRule, LevelSuggestion } from '../schemas/response';
import type { TownshipExposure } from '../schemas/typhoon-exposure';
import type { WarningColour, Hazard as WarningHazard } from '../schemas/warning';

/**
 * The default table, after Zhejiang's 防台风 practice: Ⅳ when the 7-level circle is expected within 24 h (a
 * tropical storm will affect the county), Ⅲ within 12 h, Ⅱ when the 10-level circle is expected within 12 h,
 * Ⅰ when the 12-level circle is expected within 6 h (a typhoon lands nearby); the typhoon warnings in force
 * map blue → Ⅳ, yellow → Ⅲ, orange → Ⅱ, red → Ⅰ. Admins and commanders edit it; it only ever suggests.
 */
export const DEFAULT_LEVEL_RULES: LevelRule[] = [
  { when: 'circle', level: 'IV', circle: 'level7', withinHours: 24 },
  { when: 'circle', level: 'III', circle: 'level7', withinHours: 12 },
  { when: 'circle', level: 'II', circle: 'level10', withinHours: 12 },
  { when: 'circle', level: 'I', circle: 'level12', withinHours: 6 },
  { when: 'warning', level: 'IV', hazard: 'typhoon', colour: 'blue' },
  { when: 'warning', level: 'III', hazard: 'typhoon', colour: 'yellow' },
  { when: 'warning', level: 'II', hazard: 'typhoon', colour: 'orange' },
  { when: 'warning', level: 'I', hazard: 'typhoon', colour: 'red' },
];

export interface StormExposure {
  stormId: string;
  townships: TownshipExposure[];
}

export interface WarningInForce {
  id: string;
  hazard: WarningHazard;
  colour: WarningColour;
}

type Because = Extract<LevelSuggestion, { state: 'suggested' }>['because'];

function circleHolds(rule: Extract<LevelRule, { when: 'circle' }>, storms: StormExposure[], at: number): Because | null {
  let first: Because | null = null;
  for (const storm of storms) {
    for (const township of storm.townships) {
      const circle = township.circles[rule.circle];
      if (circle.state !== 'reached' || (circle.leftAt !== null && Date.parse(circle.leftAt) <= at)) continue;
      const reachesAt = Date.parse(circle.enteredAt);
      if (reachesAt - at > rule.withinHours * 3_600_000) continue;
      if (!first || reachesAt < Date.parse(first.reachesAt!)) first = { stormId: storm.stormId, township: township.name, reachesAt: new Date(reachesAt).toISOString(), warningId: null };
    }
  }
  return first;
}

/** The highest level whose rule holds (a typhoon response), with the rule that fired and what made it hold. */
export function suggestLevel(storms: StormExposure[], warnings: WarningInForce[], rules: LevelRule[], at: number): LevelSuggestion {
  let best: LevelSuggestion = { state: 'none' };
  const stronger = (level: ResponseLevel) => best.state !== 'suggested' || levelRank(level) > levelRank(best.level);
  for (const rule of rules) {
    if (!stronger(rule.level)) continue;
    let because: Because | null = null;
    if (rule.when === 'circle') because = circleHolds(rule, storms, at);
    else {
      const warning = warnings.find((w) => w.hazard === rule.hazard && w.colour === rule.colour);
      if (warning) because = { stormId: null, township: null, reachesAt: null, warningId: warning.id };
    }
    if (because) best = { state: 'suggested', hazard: 'typhoon', level: rule.level, rule, because };
  }
  return best;
}
