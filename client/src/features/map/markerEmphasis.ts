import type { MapTeamMarker } from '../../env';

/**
 * Draw order of the map's layers, bottom to top. Whatever engine draws the map must keep it: a team in
 * SOS is above every other marker, cameras and incidents included.
 */
export const MAP_Z = {
  basemap: 0,
  placeLabels: 1,
  trails: 2,
  track: 3,
  dispatchLines: 3,
  depots: 3,
  shelters: 3,
  teams: 4,
  destinations: 4,
  activeTeams: 5,
  incidents: 6,
  pick: 6,
  cameras: 7,
  sos: 10,
} as const;

/**
 * The canvas layer (ECharts `zlevel`) each group of series is painted on; `z` orders series within a layer.
 * A change repaints only the layers it touches, so the outlines (~21k points) and the place labels are not
 * repainted on every position push or every frame of the active teams' ripple. Marks that sat above the
 * teams before the split (incidents with their overdue rings, cameras, the picked point) and SOS stay above
 * them on a layer of their own: few marks, cheap to repaint with each push.
 */
export const MAP_ZLEVEL = {
  scene: 0,
  /** Set in features/typhoon/typhoonSeries.ts: the storm sits over the outlines, under every marker. */
  typhoon: 1,
  moving: 2,
  /** The other half of the bulk markers (teamSeries.ts MARKER_HALVES). */
  movingSecondHalf: 3,
  teamLabels: 4,
  /** Active teams' ripples: animated every frame, so on a canvas of their own. */
  ripple: 5,
  above: 6,
} as const;

export type TeamEmphasis = 'sos' | 'sos-acknowledged' | 'active' | 'normal';

export interface TeamMarkerLook {
  teamId: string;
  emphasis: TeamEmphasis;
  /** Flashing until someone acknowledges the SOS. */
  flashing: boolean;
  z: number;
}

/** How a team's marker stands out: an open SOS above everything (flashing until acknowledged), a live active team, or plain. */
export function teamMarkerLook(marker: MapTeamMarker, isActive: boolean): TeamMarkerLook {
  if (marker.sos === 'raised') return { teamId: marker.id, emphasis: 'sos', flashing: true, z: MAP_Z.sos };
  if (marker.sos === 'acknowledged') return { teamId: marker.id, emphasis: 'sos-acknowledged', flashing: false, z: MAP_Z.sos };
  return { teamId: marker.id, emphasis: isActive ? 'active' : 'normal', flashing: false, z: isActive ? MAP_Z.activeTeams : MAP_Z.teams };
}

/**
 * The team markers a map draws: all of them when the teams layer is on, and a team in SOS always (a wall
 * with the teams layer off still shows who called for help).
 */
export const drawnTeamMarkers = (markers: readonly MapTeamMarker[], teamsLayer: boolean): MapTeamMarker[] =>
  markers.filter((m) => teamsLayer || m.sos !== null);
