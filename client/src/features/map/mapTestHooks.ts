import type { TidewatchTestHooks } from '../../env';

/** The test hooks a map installs (documented in env.d.ts): what it drew, read by browser tests and bench:wall. */
export type MapTestHooks = Required<Pick<TidewatchTestHooks, 'teamsOnMap' | 'dispatchLinesOnMap' | 'newestFixOnMap' | 'mapPointToPage' | 'camerasOnMap' | 'typhoonOnMap' | 'warningAreasOnMap' | 'stationsOnMap' | 'basemapOnMap' | 'placesOnMap'>>;

/** Installs a map's hooks on `window.__tidewatch`; the returned function removes them again. */
export function installMapTestHooks(hooks: MapTestHooks): () => void {
  window.__tidewatch = { ...window.__tidewatch, ...hooks };
  return () => {
    if (!window.__tidewatch) return;
    const cleared: TidewatchTestHooks = { ...window.__tidewatch };
    for (const key of Object.keys(hooks) as Array<keyof MapTestHooks>) cleared[key] = undefined;
    window.__tidewatch = cleared;
  };
}
