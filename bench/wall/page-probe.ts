import type { Page } from 'playwright-core';

/** What the probe in the wall page has seen since `start()`. */
export interface ProbeReport {
  elapsedMs: number;
  frames: number;
  /** Durations (ms) of the long tasks that began after `start()`: start-up is left out. */
  longTasks: number[];
}

/** One reading of the wall page, taken once a second. */
export interface ProbeSample {
  /** Page clock when the reading ran (it waits for the main thread like everything else). */
  at: number;
  /** `t` of the newest fix the map draws (null with the moving-point layer off). */
  newestOnMap: number | null;
  /** The team list's own ages, in seconds, parsed from what it shows ("刚刚" is < 5 s: counted as 0). */
  listAges: number[];
  heapBytes: number | null;
}

interface BenchProbe {
  start(): void;
  report(): ProbeReport;
}

declare global {
  interface Window {
    __wallBench?: BenchProbe;
  }
}

/** Installed before the app loads: counts animation frames and long tasks from `start()` on. */
function installProbe(): void {
  let startedAt = 0;
  let frames = 0;
  const longTasks: Array<{ start: number; duration: number }> = [];
  const tick = () => {
    frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__wallBench = {
    start() {
      startedAt = performance.now();
      frames = 0;
    },
    report() {
      return { elapsedMs: performance.now() - startedAt, frames, longTasks: longTasks.filter((t) => t.start >= startedAt).map((t) => Math.round(t.duration)) };
    },
  };
}

/**
 * A function as page source. tsx (esbuild with keepNames) wraps inner functions in `__name(…)`, which
 * the page does not have, so the source brings a stand-in.
 */
export const pageSource = (fn: () => unknown): string => `(() => { const __name = (f) => f; return (${fn.toString()})(); })()`;

export const installWallProbe = (page: Page) => page.addInitScript({ content: pageSource(installProbe) });
export const startProbe = (page: Page) => page.evaluate(() => window.__wallBench?.start());
export const probeReport = (page: Page): Promise<ProbeReport> =>
  page.evaluate(() => window.__wallBench?.report() ?? { elapsedMs: 0, frames: 0, longTasks: [] });

/** Reads the documented test hook `__tidewatch.newestFixOnMap()`, the team list's ages and the JS heap. */
export function sampleWall(page: Page): Promise<ProbeSample> {
  return page.evaluate<ProbeSample>(pageSource(readWall));
}

function readWall(): ProbeSample {
  const ageOf = (text: string): number | null => {
    if (text.includes('刚刚')) return 0;
    const m = /(\d+)\s*(秒|分钟|小时)/.exec(text);
    if (!m) return null;
    return Number(m[1]) * (m[2] === '秒' ? 1 : m[2] === '分钟' ? 60 : 3600);
  };
  const listAges = [...document.querySelectorAll('[data-testid="wall-team"] .age')].map((el) => ageOf(el.textContent ?? '')).filter((n): n is number => n !== null);
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  const hooks = (window as unknown as { __tidewatch?: { newestFixOnMap?: () => number | null } }).__tidewatch;
  return { at: Date.now(), newestOnMap: hooks?.newestFixOnMap?.() ?? null, listAges, heapBytes: memory?.usedJSHeapSize ?? null };
}
