import type { CustomSeriesOption, EffectScatterSeriesOption, LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { WallLayout } from '@shared/schemas/wall';
import type { MapTeamMarker } from '../../env';
import { CHART_FONT_FAMILY } from './chartFonts';
import { placeSeries, type PlaceMarkers } from './placeSeries';
import { cameraSeries, type CameraMarker } from './cameraSeries';
import { teamSeries } from './teamSeries';
import { dispatchSeries, type DispatchLine } from './dispatchSeries';
import { MAP_Z, drawnTeamMarkers } from './markerEmphasis';
import { geoComponent, placeLabelSeries, type OutlineInput } from './outlineLayers';
import type { MapPlace } from './region';
import { EMPTY_TILE_SERIES } from './basemap/tileLayer';

export type MapOption = ComposeOption<
  GeoComponentOption | TooltipComponentOption | ScatterSeriesOption | EffectScatterSeriesOption | LinesSeriesOption | CustomSeriesOption
>;

export interface MapOptionInput {
  markers: readonly MapTeamMarker[];
  track: ReadonlyArray<[number, number]> | null;
  layers: WallLayout['layers'];
  dark: boolean;
  selectedTeamId: string | null;
  fontSize: number;
  /** Label suffixes: a team whose fixes stopped, and one that never sent any (drawn at its base). */
  staleLabels: { stale: string; noFix: string; positionOld: string };
  tooltip: boolean;
  /** Each active team's line to its destination (always drawn: the wall layout has no layer for it). */
  dispatchLines?: readonly DispatchLine[];
  /** A destination being picked on the desk. */
  pick?: { lat: number; lon: number } | null;
  /** Incidents, shelters and depots, as far as their layers are on. */
  places?: PlaceMarkers;
  /** Cameras, coloured by the state of their feed (none when absent). */
  cameras?: readonly CameraMarker[];
  /** Layers drawn beneath every marker (the typhoon, the warning areas), with fixed series ids. */
  overlays?: ReadonlyArray<LinesSeriesOption | ScatterSeriesOption>;
  /** Named areas (cities, districts, townships), labelled by scale. */
  placeNames?: readonly MapPlace[];
  /** The map's scale (pixels per degree of longitude) when last measured; null before the first draw. */
  pixelsPerDegree?: number | null;
  /** The basemap's tile series (always present, so switching the basemap off empties it). */
  basemap?: CustomSeriesOption;
  /** A basemap is on and has not failed: the outlines' areas go transparent over its tiles. */
  overTiles?: boolean;
  /** What the map fits in its pane (the county when absent): see features/typhoon/stormFraming.ts. */
  frame?: OutlineInput['frame'];
}

const PALETTE = {
  dark: { bg: '#06101d', area: '#0f2236', land: '#0b1a2b', border: '#2d5277', region: '#3d6a94', township: '#7fa6cf', text: '#e8eef6', halo: '#06101d' },
  light: { bg: '#e9eff5', area: '#f8fbfe', land: '#f1f5f9', border: '#8aa4bf', region: '#6f8aa6', township: '#4a6a8a', text: '#1b2a3a', halo: '#ffffff' },
};

export const teamLabel = (m: MapTeamMarker, labels: { stale: string; noFix: string; positionOld: string }) =>
  m.stale ? `${m.name} · ${m.source === 'base' ? labels.noFix : m.heard ? labels.positionOld : labels.stale}` : m.name;

export function buildMapOption(input: MapOptionInput): MapOption {
  const c = input.dark ? PALETTE.dark : PALETTE.light;
  const { layers, fontSize } = input;
  const visible = drawnTeamMarkers(input.markers, layers.teams);
  const outline = { layers, colours: c, placeNames: input.placeNames ?? [], overTiles: input.overTiles ?? false, fontSize, frame: input.frame };

  const label = {
    position: 'right' as const,
    distance: Math.round(fontSize * 0.5),
    fontSize,
    fontFamily: CHART_FONT_FAMILY,
    textBorderColor: c.halo,
    textBorderWidth: 3,
  };

  return {
    backgroundColor: c.bg,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    animationDurationUpdate: 400,
    tooltip: {
      show: input.tooltip,
      trigger: 'item',
      textStyle: { fontFamily: CHART_FONT_FAMILY },
    },
    geo: geoComponent(outline),
    series: [
      ...(input.overlays ?? []),
      input.basemap ?? EMPTY_TILE_SERIES,
      placeLabelSeries({ ...outline, pixelsPerDegree: input.pixelsPerDegree ?? null }),
      {
        id: 'track',
        type: 'lines',
        coordinateSystem: 'geo',
        polyline: true,
        silent: true,
        z: MAP_Z.track,
        data: input.track && input.track.length > 1 ? [{ coords: [...input.track] }] : [],
        lineStyle: { color: input.dark ? '#fde047' : '#7c3aed', width: Math.max(2, fontSize / 6), type: 'dashed', opacity: 0.9 },
      },
      ...dispatchSeries({
        lines: input.dispatchLines ?? [],
        pick: input.pick ?? null,
        showLabels: layers.labels,
        fontSize,
        dark: input.dark,
        labelStyle: { ...label, color: c.text },
        tooltip: input.tooltip,
      }),
      ...(input.places ? placeSeries(input.places, { fontSize, showLabels: layers.labels, labelStyle: { ...label, color: c.text }, halo: c.halo, tooltip: input.tooltip }) : []),
      cameraSeries(input.cameras ?? [], { fontSize, showLabels: layers.labels, labelStyle: { ...label, color: c.text }, halo: c.halo, tooltip: input.tooltip }),
      ...teamSeries({
        markers: visible,
        selectedTeamId: input.selectedTeamId,
        fontSize,
        showLabels: layers.labels,
        labelOf: (m) => teamLabel(m, input.staleLabels),
        label,
        colours: { text: c.text, halo: c.halo },
        tooltip: input.tooltip,
      }),
    ],
  };
}
