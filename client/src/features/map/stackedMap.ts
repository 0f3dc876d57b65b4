import { echarts } from './echarts';
import type { MapOption } from './mapOption';
import { splitMapOption } from './mapSplit';

/** The map's two stacked charts (see mapSplit.ts): `top` takes the pointer and answers for the view. */
export interface StackedMap {
  top: echarts.ECharts;
  setOption(option: MapOption): void;
  resize(): void;
  dispose(): void;
}

/**
 * Creates the two charts, the top one over the one beneath. A roam (drag, wheel) lands on the top chart;
 * the same action is replayed on the chart beneath, so both keep one view.
 */
export function createStackedMap(beneathEl: HTMLElement, topEl: HTMLElement, dark: boolean, onRoam: () => void): StackedMap {
  const theme = dark ? 'dark' : undefined;
  const beneath = echarts.init(beneathEl, theme, { renderer: 'canvas' });
  const top = echarts.init(topEl, theme, { renderer: 'canvas' });
  top.on('georoam', (params) => {
    beneath.dispatchAction({ ...(params as Record<string, unknown>), type: 'geoRoam' });
    onRoam();
  });
  return {
    top,
    setOption(option) {
      const split = splitMapOption(option);
      if (split.beneath) beneath.setOption(split.beneath);
      if (split.top) top.setOption(split.top);
    },
    resize() {
      beneath.resize();
      top.resize();
    },
    dispose() {
      beneath.dispose();
      top.dispose();
    },
  };
}
