import { describe, expect, it } from 'vitest';
import { evacuationProgress } from './evacuation';

const target = (township: string, people: number, reportedMoved: number, deadline: string | null, vessels = 0, vesselsInPort = 0) => ({ township, people, reportedMoved, vessels, vesselsInPort, deadline, updatedAt: '2025-09-15T01:00:00.000Z', updatedBy: '值班员' });

describe('evacuation progress', () => {
  it('counts shelter check-ins, 投亲靠友 and township reports against the target, with the county total and earliest deadline', () => {
    const progress = evacuationProgress(
      [target('石浦镇', 8600, 1000, '2025-09-15T06:00:00.000Z', 620, 600), target('鹤浦镇', 4200, 0, '2025-09-15T05:00:00.000Z')],
      [{ township: '石浦镇', sheltered: 466, withRelatives: 1860 }, { township: '丹西街道', sheltered: 10, withRelatives: 0 }],
      false,
    );
    expect(progress.townships[0]).toMatchObject({ township: '石浦镇', moved: 3326, toGo: 5274, percent: 39, vesselsOut: 20 });
    expect(progress.townships[1]).toMatchObject({ moved: 0, toGo: 4200, percent: 0 });
    expect(progress.county).toMatchObject({ target: 12800, moved: 3326, percent: 26, deadline: '2025-09-15T05:00:00.000Z', vessels: 620, vesselsInPort: 600 });
  });

  it('a drill counts only what townships report, never the real shelters', () => {
    const progress = evacuationProgress([target('石浦镇', 100, 40, null)], [{ township: '石浦镇', sheltered: 466, withRelatives: 1860 }], true);
    expect(progress.county).toMatchObject({ moved: 40, toGo: 60, percent: 40 });
  });
});
