import os from 'node:os';
import { launchChromium } from '../../e2e/support/browser';
import { compareEngines, printEngines, type Engine, type EngineResult } from './engines';
import { printRun } from './report';
import { runScale, type PhaseResult, type RunResult, type Scale } from './wall-run';

/**
 * `npm run bench:wall`: the wall page (1920×1080, headless Chromium) against the built server while
 * OsmAnd units report over HTTP, every layer on, beside the same page with the moving points off.
 */
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const SHORT = env('BENCH_SHORT', '0') === '1';
/** `units×rate` pairs: 5,000 units at 1,000 fixes/s (the target), 2,000 units at 1 Hz (the stretch). */
const SCALES: Scale[] = env('BENCH_WALL_SCALES', SHORT ? '300x60' : '5000x1000,2000x2000')
  .split(',')
  .map((pair) => {
    const [units, rate] = pair.split('x').map(Number);
    if (!units || !rate) throw new Error(`BENCH_WALL_SCALES: "${pair}" is not units×rate, e.g. 5000x1000`);
    return { units, rate };
  });
const MEASURE_MS = Number(env('BENCH_SECONDS', SHORT ? '20' : '600')) * 1000;
const WARM_UP_MS = Number(env('BENCH_WARMUP_SECONDS', SHORT ? '10' : '30')) * 1000;
const PHASES = env('BENCH_WALL_PHASES', 'points,baseline').split(',') as Array<PhaseResult['phase']>;
/** Extra Chromium switches, e.g. `--enable-unsafe-swiftshader` to try WebGL without a GPU. */
/** `wall` (the page against the server) and `engines` (ECharts vs MapLibre GL on a bench page). */
const PARTS = env('BENCH_WALL_PARTS', 'wall,engines').split(',');
const ENGINES = env('BENCH_WALL_ENGINES', 'echarts,maplibre').split(',') as Engine[];
const ENGINE_MS = Number(env('BENCH_ENGINE_SECONDS', SHORT ? '15' : '60')) * 1000;
const EXTRA_ARGS = env('BENCH_CHROMIUM_ARGS', '').split(' ').filter(Boolean);

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

async function main(): Promise<void> {
  console.log(`bench:wall — /wall at 1920×1080 in headless Chromium (no GPU), OsmAnd units over HTTP; scales ${SCALES.map((s) => `${s.units} units × ${s.rate}/s`).join(', ')}; ${WARM_UP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured per phase (${PHASES.join(', ')})`);
  console.log(`condition: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), load average ${load()}${EXTRA_ARGS.length ? `, Chromium ${EXTRA_ARGS.join(' ')}` : ''}`);
  if (os.loadavg()[0]! > 2) console.log('  note: the machine is busy (load average > 2): these figures measure the neighbours too; rerun when it is quiet');
  const runs: RunResult[] = [];
  if (PARTS.includes('wall')) {
    const browser = await launchChromium({ args: ['--enable-precise-memory-info', ...EXTRA_ARGS] });
    try {
      for (const scale of SCALES) runs.push(await runScale(browser, scale, { warmUpMs: WARM_UP_MS, measureMs: MEASURE_MS, phases: PHASES }));
    } finally {
      await browser.close();
    }
  }
  let engines: EngineResult[] = [];
  const first = SCALES[0]!;
  if (PARTS.includes('engines')) {
    console.log(`map engines on a bench page (ECharts as the wall runs it, MapLibre GL on SwiftShader WebGL), ${first.units} points, ${first.rate} moves/s, ${ENGINE_MS / 1000} s each …`);
    engines = await compareEngines(ENGINES, first.units, first.rate, WARM_UP_MS, ENGINE_MS);
  }
  console.log(`\nresult (load average ${load()})`);
  for (const run of runs) console.log(`  ${run.scale.units}×${run.scale.rate}: ${printRun(run) ? 'every target met' : 'targets NOT met'}`);
  if (engines.length) {
    console.log(`\n  map engines, ${first.units} points moving at ${first.rate}/s, redrawn every 300 ms, 1920×1080:`);
    printEngines(engines);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
