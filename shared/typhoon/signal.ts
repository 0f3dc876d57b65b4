import type { SignalRule, SignalSuggestion, TownshipExposure } from '../schemas/typhoon-exposure';
import { SIGNALS } from '../schemas/typhoon-exposure';

/**
 * The default mapping from circles to the county's typhoon warning signal (GB/T 27962 / CMA signals: force 6,
 * 8, 10, 12 expected within 24, 24, 12, 6 hours). The circles only give force 7, 10 and 12, so: blue when the
 * 7-level circle is expected within 24 h; yellow when it is expected within 12 h (force 8 lies between the
 * 7- and 10-level circles); orange when the 10-level circle is expected within 12 h; red when the 12-level
 * circle is expected within 6 h. Admins and commanders edit it; it only ever suggests.
 */
export const DEFAULT_SIGNAL_RULES: SignalRule[] = [
  { signal: 'blue', level: 'level7', withinHours: 24 },
  { signal: 'yellow', level: 'level7', withinHours: 12 },
  { signal: 'orange', level: 'level10', withinHours: 12 },
  { signal: 'red', level: 'level12', withinHours: 6 },
];

/** The strongest signal whose rule holds: some township inside that circle now, or reached within the rule's hours. */
export function suggestSignal(townships: TownshipExposure[], at: number, rules: SignalRule[], historical: boolean): SignalSuggestion {
  if (historical) return { state: 'historical' };
  let best: SignalSuggestion = { state: 'none' };
  for (const rule of rules) {
    const times = townships.flatMap((t) => {
      const c = t.circles[rule.level];
      if (c.state !== 'reached' || (c.leftAt !== null && Date.parse(c.leftAt) <= at)) return [];
      return [Date.parse(c.enteredAt)];
    });
    if (times.length === 0) continue;
    const reachesAt = Math.min(...times);
    if (reachesAt - at > rule.withinHours * 3_600_000) continue;
    if (best.state !== 'suggested' || SIGNALS.indexOf(rule.signal) > SIGNALS.indexOf(best.signal)) {
      best = { state: 'suggested', signal: rule.signal, rule, reachesAt: new Date(reachesAt).toISOString() };
    }
  }
  return best;
}
