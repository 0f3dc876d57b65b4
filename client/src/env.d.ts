/// <reference types="vite/client" />
import type { TeamStatus } from '@shared/enums';

/** What the map currently draws for a team; read by browser tests instead of matching pixels. */
export interface MapTeamMarker {
  id: string;
  name: string;
  lat: number;
  lon: number;
  stale: boolean;
  status: TeamStatus;
  /** `fix` when drawn at its last reported position, `base` when it never reported. */
  source: 'fix' | 'base';
}

/** A marker as reported to tests, with its page position (CSS px) so a test can click it. */
export interface MapTeamView extends MapTeamMarker {
  x: number | null;
  y: number | null;
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
  /** The board layers as drawn: incidents (with severity and overdue) and how many shelters and depots. */
  /** The cameras as drawn, with their page position so a test can click one. */
  camerasOnMap?: () => Array<{ id: string; label: string; kind: string; state: string; lat: number; lon: number; x: number | null; y: number | null }>;
  boardOnMap?: () => { incidents: Array<{ id: string; label: string; severity: string; overdue: boolean; lat: number; lon: number }>; shelters: number; depots: number } | null;
}

declare global {
  interface Window {
    __tidewatch?: TidewatchTestHooks;
  }
}
