import type basemapZhCN from './zh-CN';

const basemapEn: typeof basemapZhCN = {
  basemap: {
    label: 'Basemap',
    outline: 'Offline outline map',
    gcj02: '{name} (GCJ-02, shifted)',
    failed: 'Basemap “{name}” could not be loaded; showing the offline outline map (retrying shortly)',
    pickMode: 'Pick',
    pickModeHint: 'Pick mode: a click takes the map point and ignores markers',
  },
};
export default basemapEn;
