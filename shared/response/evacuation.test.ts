import { describe, expect, it } from 'vitest';
import { evacuationProgress, townshipShelterCounts } from './evacuation';

const target = (township: string, people: number, reportedMoved: number, deadline: string | null, vessels = 0, vesselsInPort = 0) => ({ township, people, reportedMoved, vessels, vesselsInPort, deadline, updatedAt: '2025-09-15T01:00:00.000Z', updatedBy: '值班员' });

describe('evacuation progress', () => {
  it('counts shelter check-ins, 投亲靠友 and township reports against the target, with the county total and earliest deadline', () => {
    const progress = evacuationProgress(
      [target('石浦镇', 8600, 1000, '2025-09-15T06:00:00.000Z', 620, 600), target('鹤浦镇', 4200, 0, '2025-09-15T05:00:00.000Z')],
      [{ township: '石浦镇', sheltered: 466, withRelatives: 1860 }, { township: '丹西街道', sheltered: 10, withRelatives: 0 }],
    );
    expect(progress.townships[0]).toMatchObject({ township: '石浦镇', moved: 3326, toGo: 5274, percent: 39, vesselsOut: 20 });
    expect(progress.townships[1]).toMatchObject({ moved: 0, toGo: 4200, percent: 0 });
    expect(progress.county).toMatchObject({ target: 12800, moved: 3326, percent: 26, deadline: '2025-09-15T05:00:00.000Z', vessels: 620, vesselsInPort: 600 });
  });

  it('a drill counts its own check-ins and 投亲靠友 beside the reports, never the real ones; a real response never the drill’s', () => {
    const shelters = [{ township: '石浦镇', occupancy: 466, drillOccupancy: 20 }, { township: '鹤浦镇', occupancy: 0, drillOccupancy: 5 }];
    const reports = [{ township: '石浦镇', withRelatives: 1860, exercise: false }, { township: '石浦镇', withRelatives: 15, exercise: true }];
    const drill = evacuationProgress([target('石浦镇', 100, 40, null)], townshipShelterCounts(shelters, reports, true));
    expect(drill.county).toMatchObject({ sheltered: 20, withRelatives: 15, moved: 75, toGo: 25, percent: 75 });
    const real = evacuationProgress([target('石浦镇', 3000, 40, null)], townshipShelterCounts(shelters, reports, false));
    expect(real.county).toMatchObject({ sheltered: 466, withRelatives: 1860, moved: 2366 });
  });

  it('rolls villages up into their township and the county: the larger of the plan’s figure and the villages’ sum, moved likewise', () => {
    const village = (township: string, name: string, people: number, reportedMoved: number, deadline: string | null = null) => ({ township, village: name, people, reportedMoved, deadline, updatedAt: '2025-09-15T01:00:00.000Z', updatedBy: '值班员' });
    const progress = evacuationProgress(
      [target('石浦镇', 3000, 0, '2025-09-15T06:00:00.000Z')],
      [{ township: '石浦镇', sheltered: 500, withRelatives: 100 }],
      [village('石浦镇', '番西村', 1200, 900), village('石浦镇', '东门村', 2400, 300, '2025-09-15T04:00:00.000Z'), village('高塘岛乡', '花岙村', 300, 30)],
    );
    const [shipu, gaotang] = progress.townships;
    expect(shipu).toMatchObject({ township: '石浦镇', target: 3600, moved: 1200, toGo: 2400, percent: 33 });
    expect(shipu!.villages).toEqual([
      { village: '东门村', target: 2400, moved: 300, toGo: 2100, percent: 13, deadline: '2025-09-15T04:00:00.000Z' },
      { village: '番西村', target: 1200, moved: 900, toGo: 300, percent: 75, deadline: '2025-09-15T06:00:00.000Z' },
    ]);
    // A township entered only through its villages still has its row.
    expect(gaotang).toMatchObject({ township: '高塘岛乡', target: 300, moved: 30, toGo: 270 });
    expect(progress.county).toMatchObject({ target: 3900, moved: 1230, toGo: 2670 });
    // Shelters and 投亲靠友 counted more than the villages reported: the larger count stands.
    const counted = evacuationProgress([target('石浦镇', 3000, 0, null)], [{ township: '石浦镇', sheltered: 1500, withRelatives: 200 }], [village('石浦镇', '番西村', 1200, 900)]);
    expect(counted.townships[0]).toMatchObject({ target: 3000, moved: 1700, toGo: 1300 });
  });
});
