import { computed } from 'vue';
import type { WallLayout } from '@shared/schemas/wall';
import { CHART_FONT_FAMILY } from '../map/chartFonts';
import { useGaugesStore } from './store';
import { stationMarkers, stationMarkersKey, stationSeries, type StationMarker } from './stationLayer';

/**
 * The station layer for a map: every station coloured by its live state. `key` changes only when a colour, a
 * place or a name does, so a new value redraws nothing and a change of state redraws the station series alone.
 */
export function useStationLayer() {
  const store = useGaugesStore();
  const markers = computed(() => {
    void store.statesVersion;
    return stationMarkers(store.list, store.stateOf);
  });
  const key = computed(() => stationMarkersKey(markers.value));
  let drawn: StationMarker[] = [];
  return {
    key,
    series: (style: { layers: Pick<WallLayout['layers'], 'stations' | 'labels'>; fontSize: number; dark: boolean; tooltip: boolean }) => {
      const halo = style.dark ? '#06101d' : '#ffffff';
      const labelStyle = { position: 'right', distance: Math.round(style.fontSize * 0.4), fontSize: style.fontSize, fontFamily: CHART_FONT_FAMILY, textBorderColor: halo, textBorderWidth: 3 };
      // Built just before the map's setOption: what it reports as drawn.
      drawn = style.layers.stations ? markers.value.map((m) => ({ ...m })) : [];
      return stationSeries(markers.value, { visible: style.layers.stations, fontSize: style.fontSize, showLabels: style.layers.labels, labelStyle, halo, tooltip: style.tooltip });
    },
    labelText: () => markers.value.map((m) => m.name).join(''),
    /** The stations as last handed to the map (tests). */
    drawn: () => drawn,
  };
}
