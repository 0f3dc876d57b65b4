import type { Page } from 'playwright-core';

/** What the probe in the wall page has seen since `start()`. */
export interface ProbeReport {
  elapsedMs: number;
  frames: number;
  /** Durations (ms) of the long tasks that began after `start()`: start-up is left out. */
  longTasks: number[];
  /** The longest animation frames after `start()` (Long Animation Frames API): what held the main thread, by script. */
  worstFrames: WorstFrame[];
}

/** One long animation frame: its length, when rendering began in it, and the scripts that ran in it. */
export interface WorstFrame {
  /** Seconds after `start()`. */
  atSeconds: number;
  durationMs: number;
  blockingMs: number;
  /** Time from the frame's start to its rendering step, and the rendering's style/layout step. */
  renderStartMs: number | null;
  styleAndLayoutMs: number | null;
  scripts: Array<{ invoker: string; source: string; durationMs: number; forcedLayoutMs: number }>;
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
  // Kept sorted, longest first, and short: the run lasts minutes.
  const worstFrames: Array<{ start: number } & Omit<WorstFrame, 'atSeconds'>> = [];
  interface FrameTiming extends PerformanceEntry {
    blockingDuration: number;
    renderStart: number;
    styleAndLayoutStart: number;
    scripts: Array<{ invoker: string; sourceURL: string; sourceFunctionName: string; sourceCharPosition: number; duration: number; forcedStyleAndLayoutDuration: number }>;
  }
  const tick = () => {
    frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as FrameTiming[]) {
      if (entry.startTime < startedAt || (worstFrames.length >= 8 && entry.duration <= (worstFrames[7]?.durationMs ?? 0))) continue;
      worstFrames.push({
        start: entry.startTime,
        durationMs: Math.round(entry.duration),
        blockingMs: Math.round(entry.blockingDuration),
        renderStartMs: entry.renderStart ? Math.round(entry.renderStart - entry.startTime) : null,
        styleAndLayoutMs: entry.styleAndLayoutStart ? Math.round(entry.startTime + entry.duration - entry.styleAndLayoutStart) : null,
        scripts: entry.scripts.map((s) => ({
          invoker: s.invoker,
          source: `${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}`,
          durationMs: Math.round(s.duration),
          forcedLayoutMs: Math.round(s.forcedStyleAndLayoutDuration),
        })),
      });
      worstFrames.sort((a, b) => b.durationMs - a.durationMs);
      worstFrames.length = Math.min(worstFrames.length, 8);
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  window.__wallBench = {
    start() {
      startedAt = performance.now();
      frames = 0;
      worstFrames.length = 0;
    },
    report() {
      return {
        elapsedMs: performance.now() - startedAt,
        frames,
        longTasks: longTasks.filter((t) => t.start >= startedAt).map((t) => Math.round(t.duration)),
        worstFrames: worstFrames.map(({ start, ...frame }) => ({ atSeconds: Math.round((start - startedAt) / 100) / 10, ...frame })),
      };
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
  page.evaluate(() => window.__wallBench?.report() ?? { elapsedMs: 0, frames: 0, longTasks: [], worstFrames: [] });

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
