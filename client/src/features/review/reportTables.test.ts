import { describe, expect, it } from 'vitest';
import { minutesText, reportTables, type ReportWords } from './reportTables';
import { REPORT } from './testFixtures';

const words: ReportWords = { t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key), time: (iso) => `T(${iso})` };

describe('report tables', () => {
  const tables = reportTables(REPORT, words);
  const table = (key: string) => tables.find((t) => t.key === key)!;

  it('gives one row per warning and township with coverage and answer minutes', () => {
    expect(table('warnings').rows[0]).toEqual(['台风蓝色预警', 'T(2025-09-15T00:10:00.000Z)', '石浦镇', '2', '2', '0', '100%', '10', '15']);
    expect(table('warnings').rows[1]?.slice(-3)).toEqual(['0%', '—', '—']);
  });

  it('ends dispatch and alarm tables with the totals row', () => {
    expect(table('dispatches').rows.at(-1)?.slice(0, 2)).toEqual(['review.report.total', '3']);
    expect(table('alarms').rows.at(-1)).toEqual(['review.report.total', '1', '0', '0.5', '0.5']);
  });

  it('lists the response levels with who and why, and the plan tasks per owner with a totals row', () => {
    expect(table('responseLevels').rows[0]).toEqual(['T(2025-09-15T00:30:00.000Z)', 'response.hazard.typhoon', 'review.report.levelChange.started', 'response.level.IV', '指挥长', '7级风圈24小时内影响']);
    expect(table('responseTasks').rows).toEqual([
      ['response.hazard.typhoon', '石浦镇', '2', '1', '1', '0', '0'],
      ['review.report.total', '', '2', '1', '1', '0', '0'],
    ]);
  });

  it('words a response level change in the timeline with the response, its level, why and who', () => {
    expect(table('timeline').rows[1]).toEqual(['T(2025-09-15T00:30:00.000Z)', 'review.report.timeline.response_started', 'response.hazard.typhoon response.level.IV · 7级风圈24小时内影响 · 指挥长']);
  });

  it('names an incident without a township as such, and shows minutes with one decimal', () => {
    expect(table('incidents').rows).toContainEqual(['review.report.byTownship', 'review.report.noTownship', '1']);
    expect(minutesText(90)).toBe('1.5');
    expect(minutesText(null)).toBe('—');
  });
});
