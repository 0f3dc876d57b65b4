import { describe, expect, it } from 'vitest';
import type { TownshipExposure } from '../schemas/typhoon-exposure';
import { DEFAULT_LEVEL_RULES, suggestLevel } from './level-suggestion';

const AT = Date.UTC(2019, 7, 9, 0);
const H = 3_600_000;
const reached = (inHours: number) => ({ state: 'reached' as const, enteredAt: new Date(AT + inHours * H).toISOString(), leftAt: null });
const none = { state: 'not_reached' as const };
const township = (name: string, circles: Partial<TownshipExposure['circles']>): TownshipExposure =>
  ({ name, point: { lat: 29, lon: 121 }, distanceKm: 300, bearingDeg: 0, insideNow: { level7: false, level10: false, level12: false }, closestApproach: {} as never, circles: { level7: none, level10: none, level12: none, ...circles } }) as TownshipExposure;

describe('suggested response level', () => {
  it('Ⅳ when the 7-level circle is expected within 24 h, naming the rule and the first township reached', () => {
    const storms = [{ stormId: 'ty-1909', townships: [township('鹤浦镇', { level7: reached(20) }), township('石浦镇', { level7: reached(18) })] }];
    expect(suggestLevel(storms, [], DEFAULT_LEVEL_RULES, AT)).toEqual({
      state: 'suggested',
      hazard: 'typhoon',
      level: 'IV',
      rule: { when: 'circle', level: 'IV', circle: 'level7', withinHours: 24 },
      because: { stormId: 'ty-1909', township: '石浦镇', reachesAt: new Date(AT + 18 * H).toISOString(), warningId: null },
    });
  });

  it('the highest level whose rule holds wins; a warning in force counts; nothing beyond the hours or after the circle left', () => {
    const storms = [{ stormId: 's', townships: [township('石浦镇', { level7: reached(2), level10: reached(11), level12: reached(7) })] }];
    expect(suggestLevel(storms, [], DEFAULT_LEVEL_RULES, AT)).toMatchObject({ level: 'II', rule: { circle: 'level10' } });
    expect(suggestLevel(storms, [{ id: 'w1', hazard: 'typhoon', colour: 'red' }], DEFAULT_LEVEL_RULES, AT)).toMatchObject({ level: 'I', rule: { when: 'warning', colour: 'red' }, because: { warningId: 'w1' } });
    const left = [{ stormId: 's', townships: [township('石浦镇', { level7: { state: 'reached', enteredAt: new Date(AT - 5 * H).toISOString(), leftAt: new Date(AT - H).toISOString() } })] }];
    expect(suggestLevel(left, [{ id: 'w2', hazard: 'rainstorm', colour: 'red' }], DEFAULT_LEVEL_RULES, AT)).toEqual({ state: 'none' });
    expect(suggestLevel([{ stormId: 's', townships: [township('石浦镇', { level7: reached(30) })] }], [], DEFAULT_LEVEL_RULES, AT)).toEqual({ state: 'none' });
  });
});
