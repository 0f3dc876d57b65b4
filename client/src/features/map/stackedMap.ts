import { echarts } from './echarts';
import type { MapOption } from './mapOption';
import { drawSteps, splitMapOption } from './mapSplit';

/** The map's two stacked charts (see mapSplit.ts): `top` takes the pointer and answers for the view. */
export interface StackedMap {
  top: echarts.ECharts;
  /**
   * Sets the option on both charts; the top chart's later canvases (drawSteps) follow one task after another.
   * Resolves once all are set. A call while steps are still waiting sets those first, so nothing is dropped or
   * set out of order.
   */
  setOption(option: MapOption): Promise<void>;
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
  const topSteps = stepSetter((option) => top.setOption(option));
  return {
    top,
    setOption(option) {
      const split = splitMapOption(option);
      if (split.beneath) beneath.setOption(split.beneath);
      return split.top ? topSteps.set(drawSteps(split.top)) : Promise.resolve();
    },
    resize() {
      beneath.resize();
      top.resize();
    },
    dispose() {
      topSteps.close();
      beneath.dispose();
      top.dispose();
    },
  };
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Sets options one task after another, the first a task after the call: building a draw's option for thousands
 * of units is itself tens of milliseconds, and setting the option then rasterising it must not add to that task.
 * A new `set` first sets at once what an older one still has waiting (a new draw must not land before an older
 * one's steps); nothing is set after `close`.
 */
export function stepSetter(set: (option: MapOption) => void) {
  const waiting: MapOption[] = [];
  let closed = false;
  const flush = () => {
    while (waiting.length > 0 && !closed) set(waiting.shift()!);
  };
  return {
    async set(steps: readonly MapOption[]): Promise<void> {
      flush();
      if (closed) return;
      waiting.push(...steps);
      while (waiting.length > 0 && !closed) {
        await nextTask();
        const next = waiting.shift();
        if (next && !closed) set(next);
      }
    },
    close(): void {
      closed = true;
      waiting.length = 0;
    },
  };
}
