import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useTyphoonStore } from './store';
import type { TileBounds } from '@shared/tiles';
import { stormFrame, type MapFrame } from './stormFraming';
import { sceneSummary, stormScene } from './typhoonScene';
import { typhoonLabelText, typhoonSeries, type TyphoonSeriesStyle } from './typhoonSeries';

/**
 * The typhoon layer for a map: every storm the board follows, live; while the desk replays a storm, that
 * storm alone at the replay time (the others' state then is not what the slider is about).
 */
export function useTyphoonLayer() {
  const store = useTyphoonStore();
  const { t, locale } = useI18n();
  const scenes = computed(() => {
    const replaying = store.replayAt !== null ? store.selected : undefined;
    return replaying ? [stormScene(replaying, store.replayAt)] : store.list.map((s) => stormScene(s, null));
  });
  const labels = computed(() => ({ warning24: t('typhoon.map.warning24'), warning48: t('typhoon.map.warning48') }));
  return {
    scenes,
    series: (style: Omit<TyphoonSeriesStyle, 'labels' | 'locale'>) => typhoonSeries(scenes.value, { ...style, labels: labels.value, locale: locale.value }),
    labelText: () => typhoonLabelText(scenes.value, { labels: labels.value }),
    /** The frame of a map that follows the storm the wall follows (the focus storm), around `county`. */
    frame: (county: TileBounds): MapFrame => stormFrame(county, scenes.value.find((s) => s.id === store.focus?.id) ?? null),
    summary: () => ({ replayAt: store.replayAt === null ? null : new Date(store.replayAt).toISOString(), storms: sceneSummary(scenes.value) }),
  };
}
