import { computed, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { useNow } from '../../ui/useNow';
import { loadTownships } from '../map/townships';
import { useWarningsStore } from './store';
import { outlineRings, warningAreas, type OutlineRings } from './warningAreas';
import { warningAreaSeries } from './warningSeries';

let outlines: OutlineRings | null = null;
const loaded = shallowRef<OutlineRings>(new Map());

/** The warning-area layer for a map: every warning in force, the county's and the received ones. */
export function useWarningLayer() {
  const store = useWarningsStore();
  const { locale } = useI18n();
  const now = useNow();
  if (!outlines) {
    outlines = new Map();
    loadTownships()
      .then((c) => (loaded.value = outlines = outlineRings(c.features)))
      .catch(() => (outlines = null));
  }
  // Warnings end on the minute at most: the areas are recomputed each minute, not each second.
  const minute = computed(() => Math.floor(now.value / 60_000));
  const areas = computed(() => warningAreas({ warnings: store.list, capAlerts: store.capAlerts, outlines: loaded.value, now: minute.value * 60_000, locale: locale.value }));
  /** Changes only when what is drawn changes (the map redraws its scene on it). */
  const key = computed(() => areas.value.map((a) => `${a.key}:${a.colour}:${a.rings.length}`).join(';'));
  return {
    areas,
    key,
    series: (style: { visible: boolean; fontSize: number }) => warningAreaSeries(areas.value, style),
    summary: () => areas.value.map((a) => ({ key: a.key, colour: a.colour, rings: a.rings.length })),
  };
}
