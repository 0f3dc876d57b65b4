import { describe, expect, it } from 'vitest';
import { chartPanels, levelLines, seriesHasData, stationChartOption, type ChartLabels } from './stationChart';
import { makeSeries } from './testFixtures';

const labels: ChartLabels = {
  rainHourly: '小时雨量',
  rainAccumulated: '累计雨量',
  levels: { level: '水位', level_upstream: '库上水位', level_downstream: '库下水位' },
  warning: '警戒',
  guaranteed: '保证',
  tideWarning: '警戒潮位',
  wind: '风速',
  windLine: (n) => `${n} 级`,
  mm: '毫米',
  m: '米',
  ms: '米/秒',
};
const base = { labels, timeLabel: (t: number) => new Date(t).toISOString(), fontSize: 12 };
type Series = { id: string; type: string; data: Array<[number, number | null]>; markLine?: { data: Array<{ name: string; yAxis: number }> }; yAxisIndex: number; xAxisIndex: number };
const seriesOf = (option: ReturnType<typeof stationChartOption>) => option.series as unknown as Series[];

describe('a station chart', () => {
  it('draws a reservoir: rain as hourly bars with its accumulation, the level as a line with 警戒 and 保证 lines', () => {
    const option = stationChartOption({ ...base, series: makeSeries(), kind: 'reservoir', elements: ['level_upstream', 'rain'] });
    const series = seriesOf(option);
    expect(series.map((s) => [s.id, s.type])).toEqual([
      ['rain-hourly', 'bar'],
      ['rain-accumulated', 'line'],
      ['level-level_upstream', 'line'],
    ]);
    expect(series[0]!.data).toHaveLength(24);
    expect(series[1]!.data.at(-1)).toEqual([Date.parse('2026-08-10T00:00:00Z'), 60]);
    // A gap stays a gap.
    expect(series[2]!.data.map(([, v]) => v)).toEqual([29.5, null, 30.4]);
    expect(series[2]!.markLine!.data.map((l) => [l.name, l.yAxis])).toEqual([
      ['警戒', 30],
      ['保证', 32],
    ]);
    // Two panels: rain on top, level below, each on its own time axis over the same period.
    expect(option.grid).toHaveLength(2);
    expect(series[2]!.xAxisIndex).toBe(1);
    // The level axis reaches the guaranteed line even while the water is below it.
    const levelAxis = (option.yAxis as Array<{ max?: number; min?: number }>)[series[2]!.yAxisIndex]!;
    expect(levelAxis.max).toBeGreaterThan(32);
    expect(levelAxis.min).toBeLessThan(29.5);
  });

  it('names a tide station’s line 警戒潮位 and has no rain panel for it', () => {
    const series = makeSeries({ levels: { level: [[0, 2.1]] }, thresholds: { level: { warning: 3.2, guaranteed: null, hysteresis: 0.05 }, rain: [], windBeaufort: null }, rainHourly: [], rainAccumulated: [] });
    expect(chartPanels({ series, kind: 'tide', elements: ['level'] })).toEqual(['level']);
    expect(levelLines(series, 'tide', labels)).toEqual([{ name: '警戒潮位', value: 3.2, color: expect.any(String) }]);
  });

  it('draws wind speed with the gale line at the lowest speed of the alarm force', () => {
    const series = makeSeries({ rainHourly: [], rainAccumulated: [], levels: {}, wind: [[0, 12], [60_000, 18]], thresholds: { level: null, rain: [], windBeaufort: 8 } });
    const option = stationChartOption({ ...base, series, kind: 'wind', elements: ['wind_speed'] });
    const [wind] = seriesOf(option);
    expect(wind!.id).toBe('wind-speed');
    expect(wind!.markLine!.data).toEqual([expect.objectContaining({ name: '8 级', yAxis: 17.2 })]);
  });

  it('knows when a period has nothing to draw', () => {
    expect(seriesHasData(makeSeries())).toBe(true);
    expect(seriesHasData(makeSeries({ rainHourly: [{ hourStart: 0, mm: 0 }], levels: { level: [[0, null]] }, wind: [] }))).toBe(false);
  });
});
