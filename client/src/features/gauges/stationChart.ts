import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { SensorElement } from '@shared/schemas/sensor-element';
import type { StationSeries } from '@shared/schemas/sensor-reading';
import type { StationKind } from '@shared/schemas/station';
import { beaufortMinMs } from '@shared/typhoon/wind';

export type StationChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption>;

/** The chart's panels, top to bottom: rain (hourly bars and the accumulated line), levels with their lines, wind. */
export type ChartPanel = 'rain' | 'level' | 'wind';

const LEVEL_ELEMENTS = ['level', 'level_upstream', 'level_downstream'] as const satisfies readonly SensorElement[];
const RAIN_ELEMENTS: readonly SensorElement[] = ['rain', 'rain_total', 'rain_5min'];

export interface ChartLabels {
  rainHourly: string;
  rainAccumulated: string;
  levels: Record<(typeof LEVEL_ELEMENTS)[number], string>;
  warning: string;
  guaranteed: string;
  tideWarning: string;
  wind: string;
  windLine: (force: number) => string;
  mm: string;
  m: string;
  ms: string;
}

export interface StationChartInput {
  series: StationSeries;
  kind: StationKind;
  elements: readonly SensorElement[];
  labels: ChartLabels;
  /** Axis and tooltip times (Beijing time). */
  timeLabel: (t: number) => string;
  fontSize: number;
}

const COLORS = { rain: '#3b82f6', accumulated: '#0f766e', level: ['#1d4ed8', '#7c3aed', '#0891b2'], warning: '#f59e0b', guaranteed: '#dc2626', wind: '#475569' };

/** Which panels a station's chart has: what it is meant to report, and whatever it did report. */
export function chartPanels(input: Pick<StationChartInput, 'series' | 'kind' | 'elements'>): ChartPanel[] {
  const { series, kind, elements } = input;
  const panels: ChartPanel[] = [];
  if (kind === 'rain' || elements.some((e) => RAIN_ELEMENTS.includes(e)) || series.rainHourly.some((h) => h.mm > 0)) panels.push('rain');
  if (kind === 'river' || kind === 'reservoir' || kind === 'tide' || LEVEL_ELEMENTS.some((e) => (series.levels[e]?.length ?? 0) > 0)) panels.push('level');
  if (kind === 'wind' || series.wind.length > 0) panels.push('wind');
  return panels;
}

/** Whether anything at all was measured in the period (else the chart says so instead of drawing empty axes). */
export const seriesHasData = (series: StationSeries): boolean =>
  series.rainHourly.some((h) => h.mm > 0) || LEVEL_ELEMENTS.some((e) => (series.levels[e] ?? []).some(([, v]) => v !== null)) || series.wind.some(([, v]) => v !== null);

/** The lines a level panel draws: 警戒 and 保证, or a tide station's 警戒潮位. */
export function levelLines(series: StationSeries, kind: StationKind, labels: Pick<ChartLabels, 'warning' | 'guaranteed' | 'tideWarning'>): Array<{ name: string; value: number; color: string }> {
  const lines = series.thresholds.level;
  if (!lines) return [];
  const out: Array<{ name: string; value: number; color: string }> = [];
  if (lines.warning !== null) out.push({ name: kind === 'tide' ? labels.tideWarning : labels.warning, value: lines.warning, color: COLORS.warning });
  if (lines.guaranteed !== null) out.push({ name: labels.guaranteed, value: lines.guaranteed, color: COLORS.guaranteed });
  return out;
}

/**
 * The ECharts option of a station's chart over the series' period: one grid per panel sharing the time axis.
 * Levels are scaled to show their threshold lines too, so a level still under its line shows how far below it is.
 */
export function stationChartOption(input: StationChartInput): StationChartOption {
  const { series, labels, fontSize } = input;
  const panels = chartPanels(input);
  // Room above each panel for its axis names, and above all for the legend.
  const gap = 12;
  const top = 16;
  const height = (100 - top - 8 - gap * (panels.length - 1)) / Math.max(1, panels.length);
  const grid = panels.map((_, i) => ({ left: fontSize * 3.6, right: fontSize * 3.6, top: `${top + i * (height + gap)}%`, height: `${height}%` }));
  const time = { type: 'time' as const, min: series.from, max: series.to };
  const axisLabel = { fontSize, hideOverlap: true };
  const xAxis = panels.map((_, i) => ({ ...time, gridIndex: i, axisLabel: { ...axisLabel, show: i === panels.length - 1, formatter: (v: number) => input.timeLabel(v) } }));
  const yAxis: NonNullable<StationChartOption['yAxis']> = [];
  const out: NonNullable<StationChartOption['series']> = [];
  const axis = (gridIndex: number, name: string, extra: Record<string, unknown> = {}) => {
    yAxis.push({ type: 'value', gridIndex, name, nameTextStyle: { fontSize }, axisLabel, ...extra });
    return yAxis.length - 1;
  };

  panels.forEach((panel, i) => {
    if (panel === 'rain') {
      const bars = axis(i, labels.mm, { min: 0 });
      const sum = axis(i, labels.mm, { min: 0, position: 'right', splitLine: { show: false } });
      out.push({ id: 'rain-hourly', name: labels.rainHourly, type: 'bar', xAxisIndex: i, yAxisIndex: bars, itemStyle: { color: COLORS.rain }, barMaxWidth: 14, data: series.rainHourly.map((h) => [h.hourStart + 1_800_000, h.mm]) });
      out.push({ id: 'rain-accumulated', name: labels.rainAccumulated, type: 'line', xAxisIndex: i, yAxisIndex: sum, showSymbol: false, lineStyle: { color: COLORS.accumulated, width: 2 }, itemStyle: { color: COLORS.accumulated }, data: series.rainAccumulated.map((p) => [p.t, p.mm]) });
    } else if (panel === 'level') {
      const lines = levelLines(series, input.kind, labels);
      const values = LEVEL_ELEMENTS.flatMap((e) => (series.levels[e] ?? []).flatMap(([, v]) => (v === null ? [] : [v])));
      const span = [...values, ...lines.map((l) => l.value)];
      const pad = span.length ? Math.max(0.2, (Math.max(...span) - Math.min(...span)) * 0.1) : 1;
      const y = axis(i, labels.m, span.length ? { min: round1(Math.min(...span) - pad), max: round1(Math.max(...span) + pad), scale: true } : { scale: true });
      const drawn = LEVEL_ELEMENTS.filter((e) => (series.levels[e]?.length ?? 0) > 0);
      (drawn.length ? drawn : (['level'] as const)).forEach((element, n) =>
        out.push({
          id: `level-${element}`,
          name: labels.levels[element],
          type: 'line',
          xAxisIndex: i,
          yAxisIndex: y,
          connectNulls: false,
          showSymbol: false,
          lineStyle: { color: COLORS.level[n], width: 2 },
          itemStyle: { color: COLORS.level[n] },
          data: (series.levels[element] ?? []).map(([t, v]) => [t, v]),
          // The lines go with the first level drawn, so they show even before any reading.
          ...(n === 0 && lines.length ? { markLine: markLines(lines, fontSize) } : {}),
        }),
      );
    } else {
      const y = axis(i, labels.ms, { min: 0 });
      const force = series.thresholds.windBeaufort;
      const lines = force === null ? [] : [{ name: labels.windLine(force), value: beaufortMinMs(force), color: COLORS.warning }];
      out.push({ id: 'wind-speed', name: labels.wind, type: 'line', xAxisIndex: i, yAxisIndex: y, showSymbol: false, connectNulls: false, lineStyle: { color: COLORS.wind, width: 2 }, itemStyle: { color: COLORS.wind }, data: series.wind.map(([t, v]) => [t, v]), ...(lines.length ? { markLine: markLines(lines, fontSize) } : {}) });
    }
  });

  return {
    animation: false,
    grid,
    xAxis,
    yAxis,
    legend: { top: 0, textStyle: { fontSize }, data: out.map((s) => String(s.name)) },
    tooltip: { trigger: 'axis', textStyle: { fontSize }, axisPointer: { type: 'line' } },
    series: out,
  };
}

function markLines(lines: ReadonlyArray<{ name: string; value: number; color: string }>, fontSize: number): LineSeriesOption['markLine'] {
  return {
    silent: true,
    symbol: 'none',
    label: { position: 'insideEndTop', fontSize, formatter: (p: { name?: string; value?: unknown }) => `${p.name ?? ''} ${String(p.value ?? '')}` },
    data: lines.map((l) => ({ name: l.name, yAxis: l.value, lineStyle: { color: l.color, type: 'dashed' as const, width: 2 } })),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
