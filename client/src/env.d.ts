/// <reference types="vite/client" />
import type { TeamStatus } from '@shared/enums';

/** What the map currently draws for a team; read by browser tests instead of matching pixels. */
export interface MapTeamMarker {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Its position is older than the stale threshold (or it has none). */
  stale: boolean;
  /** Its device was heard within the threshold: a stale marker then means 位置未更新, not 失联. */
  heard: boolean;
  status: TeamStatus;
  /** `fix` when drawn at its last reported position, `base` when it never reported. */
  source: 'fix' | 'base';
  /** The team's open SOS, if any: `raised` until someone acknowledges it. */
  sos: 'raised' | 'acknowledged' | null;
}

/** A marker as reported to tests, with its page position (CSS px) so a test can click it. */
export interface MapTeamView extends MapTeamMarker {
  x: number | null;
  y: number | null;
  emphasis: string;
  flashing: boolean;
  z: number;
}

export interface TidewatchTestHooks {
  teamsOnMap?: () => MapTeamView[];
  /** Dispatch lines as drawn: `from`/`to` are [lon, lat]. */
  dispatchLinesOnMap?: () => Array<{ dispatchId: string; teamId: string; state: string; from: [number, number]; to: [number, number]; label: string }>;
  /** Where a map point is on the page (CSS px), so a test can click it. */
  mapPointToPage?: (lat: number, lon: number) => { x: number | null; y: number | null };
  connectionState?: () => string;
  /**
   * `t` (epoch ms) of the newest fix the map has drawn, null when it draws none (moving-point layer off).
   * bench:wall reads it: with the load generator on the same machine stamping each fix with its send time,
   * now − this is the age of the newest fix on screen.
   */
  newestFixOnMap?: () => number | null;
  /** The place layers as drawn: incidents (with severity and overdue) and how many shelters and depots. */
  /** The cameras as drawn, with their page position so a test can click one. */
  camerasOnMap?: () => Array<{ id: string; label: string; kind: string; state: string; lat: number; lon: number; x: number | null; y: number | null }>;
  /** The alarm bell's stage and its latest rings (what the room hears). */
  alarmBell?: () => { stage: 'normal' | 'loud' | null; rings: Array<{ stage: 'normal' | 'loud'; at: number }> };
  /** The storms as drawn: centre, wind-circle ring sizes by level (0: none), forecasts, and the replay time (null: live). */
  typhoonOnMap?: () => {
    replayAt: string | null;
    storms: Array<{ id: string; centre: { at: string; lon: number; lat: number } | null; circles: Record<'level7' | 'level10' | 'level12', number>; segments: number; forecasts: string[]; probability: number }>;
  };
  /** The warning areas as drawn (none while the layer is off): each warning in force, its colour and how many rings. */
  warningAreasOnMap?: () => Array<{ key: string; colour: string | null; rings: number }>;
  /** The gauges as drawn (state colour), with their page position so a test can click one. */
  stationsOnMap?: () => Array<{ id: string; name: string; kind: string; condition: string; lat: number; lon: number; x: number | null; y: number | null }>;
  /** The replay as last drawn: its time, frames drawn, the units (silent ones in a gap), dispatch lines and open incidents. */
  replayOnMap?: () => { at: number; frames: number; units: Array<{ id: string; name: string; gap: boolean; alarm: boolean }>; dispatches: number; fadingDispatches: number; incidents: string[] };
  placesOnMap?: () => { incidents: Array<{ id: string; label: string; severity: string; overdue: boolean; lat: number; lon: number }>; shelters: number; depots: number } | null;
  /** The basemap drawn under the map (its state, tile zoom, how many tiles are drawn) and the map's view. */
  basemapOnMap?: () => {
    id: string | null;
    state: 'off' | 'loading' | 'ok' | 'failed';
    zoom: number | null;
    tiles: number;
    pixelsPerDegree: number | null;
    bounds: { west: number; east: number; north: number; south: number } | null;
  };
}

declare global {
  /** The id of this client build (see scripts/client-build.ts). */
  const __BUILD_ID__: string;
  /** When this client build was made (ISO time), which orders it against the server's build. */
  const __BUILT_AT__: string;
  interface Window {
    __tidewatch?: TidewatchTestHooks;
  }
}
