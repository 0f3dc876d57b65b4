import type { LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { AGENCY_NAMES, WIND_LEVELS } from '@shared/schemas/typhoon';
import { AGENCY_COLORS, LEVEL_COLORS, PROBABILITY_COLOR, WARNING_LINE_COLORS, gradeColor } from './typhoonColors';
import { forecastTimeLabel } from './typhoonFormat';
import type { StormScene } from './typhoonScene';
import { WARNING_LINE_24H, WARNING_LINE_48H } from './warningLines';

export interface TyphoonSeriesStyle {
  visible: boolean;
  fontSize: number;
  dark: boolean;
  locale: string;
  labels: { warning24: string; warning48: string };
  tooltip: boolean;
}

/** Order within the typhoon layer. */
const Z = { warning: 1, probability: 1, circles: 1, forecasts: 1, track: 2, centres: 3 };
/**
 * The layer has a canvas of its own: the moving team markers redraw their canvas several times a second,
 * and redrawing the storm's long lines (a warning line runs thousands of pixels past the county's edges)
 * with them doubled the wall's long tasks in bench:wall. Its own canvas sits over the map's, so the lines are
 * outlines only and every part of it but the centre is silent (clicks reach the markers beneath).
 */
const ZLEVEL = 1;

/**
 * The typhoon layer as ECharts series on the map's geo. The ids never change and every series is present
 * (empty when the layer is off), because the map merges options by series id: a series left out would stay drawn.
 */
export function typhoonSeries(scenes: readonly StormScene[], style: TyphoonSeriesStyle): Array<LinesSeriesOption | ScatterSeriesOption> {
  const on = style.visible;
  const shown = on ? scenes : [];
  const halo = style.dark ? '#06101d' : '#ffffff';
  const text = style.dark ? '#e8eef6' : '#1b2a3a';
  const width = Math.max(2, style.fontSize / 6);
  const labelBase = { fontSize: Math.round(style.fontSize * 0.8), color: text, textBorderColor: halo, textBorderWidth: 3 };
  const lines = (id: string, z: number, data: LinesSeriesOption['data']): LinesSeriesOption => ({ id, type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, zlevel: ZLEVEL, z, data: on ? data : [] });

  return [
    lines('typhoon-warning-lines', Z.warning, [
      { coords: WARNING_LINE_24H.map((p) => [...p]), lineStyle: { color: WARNING_LINE_COLORS.h24, width, type: 'solid', opacity: 0.8 }, label: { show: true, formatter: style.labels.warning24, position: 'middle', ...labelBase } },
      { coords: WARNING_LINE_48H.map((p) => [...p]), lineStyle: { color: WARNING_LINE_COLORS.h48, width, type: 'dashed', opacity: 0.8 }, label: { show: true, formatter: style.labels.warning48, position: 'middle', ...labelBase } },
    ]),
    lines(
      'typhoon-probability',
      Z.probability,
      shown.flatMap((s) => s.probability.map((p) => ({ coords: p.ring, lineStyle: { color: PROBABILITY_COLOR, width: 1, type: 'dotted' as const, opacity: 0.7 } }))),
    ),
    lines(
      'typhoon-circles',
      Z.circles,
      shown.flatMap((s) =>
        WIND_LEVELS.flatMap((level) => {
          const ring = s.circles[level];
          return ring ? [{ coords: ring, lineStyle: { color: LEVEL_COLORS[level], width: width * 1.2, opacity: 0.95 } }] : [];
        }),
      ),
    ),
    lines(
      'typhoon-forecasts',
      Z.forecasts,
      shown.flatMap((s) =>
        s.forecasts.map((f) => ({
          coords: [...(s.centre ? [s.centre.lonLat] : []), ...f.points.map((p) => p.lonLat)],
          lineStyle: { color: AGENCY_COLORS[f.agency], width, type: 'dashed' as const, opacity: 0.9 },
        })),
      ),
    ),
    {
      id: 'typhoon-forecast-points',
      type: 'scatter',
      coordinateSystem: 'geo',
      silent: true,
      zlevel: ZLEVEL,
      z: Z.forecasts,
      symbolSize: Math.round(style.fontSize * 0.5),
      labelLayout: { hideOverlap: true },
      data: shown.flatMap((s) =>
        s.forecasts.flatMap((f) =>
          f.points.map((p) => ({
            name: `${AGENCY_NAMES[f.agency].zh} ${forecastTimeLabel(p.at, style.locale)}`,
            value: p.lonLat,
            itemStyle: { color: AGENCY_COLORS[f.agency], borderColor: halo, borderWidth: 1 },
            // Only the Chinese forecast is labelled: five agencies' times would bury each other.
            label: { show: f.agency === 'BABJ', formatter: forecastTimeLabel(p.at, style.locale), position: 'right' as const, ...labelBase },
          })),
        ),
      ),
    },
    lines(
      'typhoon-track',
      Z.track,
      shown.flatMap((s) => s.segments.map((seg) => ({ coords: [seg.from, seg.to], lineStyle: { color: gradeColor(seg.grade), width: width * 1.4, opacity: s.historical ? 0.75 : 1 } }))),
    ),
    {
      id: 'typhoon-track-points',
      type: 'scatter',
      coordinateSystem: 'geo',
      silent: true,
      zlevel: ZLEVEL,
      z: Z.track,
      symbolSize: Math.round(style.fontSize * 0.45),
      data: shown.flatMap((s) => s.points.map((p) => ({ value: p.lonLat, itemStyle: { color: gradeColor(p.grade), borderColor: halo, borderWidth: 1 } }))),
    },
    {
      id: 'typhoon-centres',
      type: 'scatter',
      coordinateSystem: 'geo',
      zlevel: ZLEVEL,
      z: Z.centres,
      symbol: 'path://M12,2 a10,10 0 1,1 -0.01,0 z M12,7 a5,5 0 1,0 0.01,0 z',
      symbolSize: Math.round(style.fontSize * 1.8),
      tooltip: { show: style.tooltip },
      data: shown.flatMap((s) =>
        s.centre
          ? [
              {
                id: `typhoon:${s.id}`,
                name: s.label,
                value: s.centre.lonLat,
                itemStyle: { color: gradeColor(s.centre.grade), borderColor: halo, borderWidth: 2 },
                label: { show: true, formatter: s.label, position: 'right' as const, ...labelBase, fontSize: style.fontSize, fontWeight: 'bold' as const },
              },
            ]
          : [],
      ),
    },
  ];
}

/** Every text the layer may draw, for the map's font subset. */
export const typhoonLabelText = (scenes: readonly StormScene[], style: Pick<TyphoonSeriesStyle, 'labels'>): string =>
  scenes.map((s) => s.label).join('') + style.labels.warning24 + style.labels.warning48 + '0123456789日时/h';
