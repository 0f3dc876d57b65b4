import type mapZhCN from './zh-CN';

/** English messages of the map; same shape as ./zh-CN.ts. */
const mapEn: typeof mapZhCN = {
  map: { loading: 'Loading map…', clicked: 'Map point: {lat} N, {lon} E' },
  basemap: {
    label: 'Basemap',
    outline: 'Offline outline map',
    gcj02: '{name} (GCJ-02, shifted)',
    failed: 'Basemap “{name}” could not be loaded; showing the offline outline map (retrying shortly)',
    pickMode: 'Pick',
    pickModeHint: 'Pick mode: a click takes the map point and ignores markers',
  },
};

export default mapEn;
