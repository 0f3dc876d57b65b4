import type { MapOption } from './mapOption';
import { TEAM_SERIES_IDS } from './teamSeries';

/**
 * What changed since the map was last drawn. `scene` is anything but live positions (layers, places,
 * cameras, size, theme, a picked point…) and redraws the whole option; `points` (a position push, a
 * team's status, staleness) touches only its own series and `trails` none (they have a canvas of their own), so a push at 5,000 units does
 * not rebuild the outlines, the place markers or 5,000 trails. `view` (a zoom past a label level, new
 * basemap tiles) touches the place labels and the tiles; `stations` (a gauge changing state) its own series.
 */
export type MapChange = 'scene' | 'points' | 'trails' | 'view' | 'stations';

/** Series drawn from the teams' latest positions (dispatch lines start at a team's marker). */
const POINT_SERIES: readonly string[] = [...TEAM_SERIES_IDS, 'dispatch-lines', 'dispatch-destinations'];
const VIEW_SERIES: readonly string[] = ['place-labels', 'basemap-tiles'];
const STATION_SERIES: readonly string[] = ['stations'];

/** The part of `option` to hand to `setOption` (merged by series id) for these changes. */
export function optionForChanges(option: MapOption, changes: ReadonlySet<MapChange>): MapOption {
  if (changes.has('scene')) return option;
  const wanted = new Set<string>([...(changes.has('points') ? POINT_SERIES : []), ...(changes.has('view') ? VIEW_SERIES : []), ...(changes.has('stations') ? STATION_SERIES : [])]);
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return { series: series.filter((s) => typeof s.id === 'string' && wanted.has(s.id)) };
}

/**
 * Layers that never take a click anyway (their silence is part of their style). The point picked for a form is one:
 * drawn above the markers, it would otherwise take the click meant for the station or team it was dropped on.
 */
const ALWAYS_SILENT: readonly string[] = ['basemap-tiles', 'place-labels', 'team-labels', 'track', 'warning-areas', 'dispatch-pick'];

/** In pick mode no marker takes a click, so a click in a dense area still picks the map point under it. */
export function silencedInPickMode(option: MapOption, pickMode: boolean): MapOption {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  for (const s of series) if (typeof s.id === 'string' && !ALWAYS_SILENT.includes(s.id)) s.silent = pickMode;
  return option;
}
