import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { SituationOverview } from '@shared/schemas/overview';
import { CHART_FONT_FAMILY } from '../map/chartFonts';

export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const TEXT = '#cfdbea';
const LINE = '#1d3652';

function base(fontSize: number, categories: string[], legend: string[]): BarOption {
  return {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize, color: TEXT },
    legend: { top: 0, right: 0, itemHeight: fontSize * 0.7, itemWidth: fontSize, textStyle: { color: TEXT, fontSize, fontFamily: CHART_FONT_FAMILY }, data: legend },
    grid: { left: 4, right: fontSize * 3, top: fontSize * 1.8, bottom: 2, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: TEXT, fontSize: fontSize * 0.85 }, splitLine: { lineStyle: { color: LINE } } },
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { color: TEXT, fontSize, interval: 0 }, axisLine: { lineStyle: { color: LINE } } },
  };
}

/** Evacuated people per township (townships with anyone evacuated or a shelter open), stacked by where they stay. */
export function evacuationChart(evacuation: SituationOverview['evacuation'], labels: { sheltered: string; withRelatives: string }, fontSize: number): BarOption {
  const rows = evacuation.townships
    .filter((t) => t.evacuated > 0 || t.sheltersOpen > 0)
    .sort((a, b) => b.evacuated - a.evacuated)
    .slice(0, 10);
  const label = { show: true, position: 'right' as const, color: TEXT, fontSize: fontSize * 0.85 };
  return {
    ...base(fontSize, rows.map((r) => r.township), [labels.sheltered, labels.withRelatives]),
    series: [
      { name: labels.sheltered, type: 'bar', stack: 'evacuated', data: rows.map((r) => r.sheltered), itemStyle: { color: '#38bdf8' }, barMaxWidth: fontSize * 1.1 },
      {
        name: labels.withRelatives,
        type: 'bar',
        stack: 'evacuated',
        data: rows.map((r) => r.withRelatives),
        itemStyle: { color: '#a78bfa' },
        barMaxWidth: fontSize * 1.1,
        // The stack's total at its end.
        label: { ...label, formatter: (p: { dataIndex: number }) => String(rows[p.dataIndex]?.evacuated ?? '') },
      },
    ],
  };
}

/** Key items: available over all depots against the summed minimum; red when below. */
export function stockChart(keyItems: SituationOverview['stock']['keyItems'], labels: { available: string; minLevel: string }, fontSize: number): BarOption {
  const label = { show: true, position: 'right' as const, color: TEXT, fontSize: fontSize * 0.85 };
  return {
    ...base(fontSize, keyItems.map((i) => `${i.name}（${i.unit}）`), [labels.available, labels.minLevel]),
    series: [
      {
        name: labels.available,
        type: 'bar',
        barGap: '10%',
        barMaxWidth: fontSize * 0.9,
        label,
        data: keyItems.map((i) => ({ value: i.available, itemStyle: { color: i.available < i.minLevel || i.depotsLow > 0 ? '#ef4444' : '#22c55e' } })),
      },
      { name: labels.minLevel, type: 'bar', barMaxWidth: fontSize * 0.9, itemStyle: { color: '#64748b' }, data: keyItems.map((i) => i.minLevel) },
    ],
  };
}
