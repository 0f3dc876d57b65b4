import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/support/browser';
import { chromiumProcesses, cpuByPid, cpuPercentOf } from './chromium-processes';
import { installWallProbe, probeReport, startProbe } from './page-probe';
import type { EngineBenchPage } from './pages/engines';

export type Engine = 'echarts' | 'maplibre';

export interface EngineResult {
  engine: Engine;
  webgl: string | null;
  fps: number;
  longTaskShare: number;
  longTaskMax: number;
  rendererCpu: number;
  gpuCpu: number;
}

const ENTRY = fileURLToPath(new URL('./pages/engines.ts', import.meta.url));
const ORIGIN = 'http://127.0.0.1:9';
const BLANK = '<!doctype html><html><head><meta charset="utf-8"><title>bench:wall engines</title></head><body style="margin:0;background:#06101d"></body></html>';
/** Software WebGL without a GPU: ANGLE on SwiftShader, which Chromium now allows only when asked. */
export const SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function bundle(): Promise<string> {
  const result = await build({ entryPoints: [ENTRY], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for bench/wall/pages/engines.ts');
  return file.text;
}

async function measureEngine(browser: Browser, script: string, engine: Engine, count: number, rate: number, warmUpMs: number, measureMs: number): Promise<EngineResult> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.route(`${ORIGIN}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: BLANK }));
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  [${engine}] page error: ${error.message}`));
  try {
    await installWallProbe(page);
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({ content: script });
    const { webgl } = await page.evaluate(({ e, n, r }) => (window as unknown as { engineBench: EngineBenchPage }).engineBench.start(e, n, r), { e: engine, n: count, r: rate });
    await pause(warmUpMs);
    const processes = chromiumProcesses();
    const before = cpuByPid(processes);
    const startedAt = Date.now();
    await startProbe(page);
    await pause(measureMs);
    const probe = await probeReport(page);
    const seconds = (Date.now() - startedAt) / 1000;
    const after = cpuByPid(processes);
    return {
      engine,
      webgl,
      fps: Math.round((probe.frames / (probe.elapsedMs / 1000)) * 10) / 10,
      longTaskShare: probe.longTasks.reduce((s, d) => s + d, 0) / probe.elapsedMs,
      longTaskMax: Math.max(0, ...probe.longTasks),
      rendererCpu: cpuPercentOf('renderer', processes, before, after, seconds),
      gpuCpu: cpuPercentOf('gpu-process', processes, before, after, seconds),
    };
  } finally {
    await context.close();
  }
}

/**
 * Each engine on its own page, in the browser it would run in on the wall: ECharts as today (canvas 2D,
 * `--disable-gpu`: rastered in the renderer), MapLibre GL with software WebGL (SwiftShader in the GPU process).
 */
export async function compareEngines(engines: readonly Engine[], count: number, rate: number, warmUpMs: number, measureMs: number): Promise<EngineResult[]> {
  const script = await bundle();
  const results: EngineResult[] = [];
  for (const engine of engines) {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: engine === 'maplibre' ? [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), ...SWIFTSHADER_ARGS] : CHROMIUM_ARGS,
    });
    try {
      console.log(`  ${engine}: ${count} points, ${rate} moves/s …`);
      results.push(await measureEngine(browser, script, engine, count, rate, warmUpMs, measureMs));
    } finally {
      await browser.close();
    }
  }
  return results;
}

export function printEngines(results: readonly EngineResult[]): void {
  console.log(`  ${'engine'.padEnd(10)} ${'frames/s'.padEnd(9)} ${'long tasks'.padEnd(11)} ${'longest'.padEnd(9)} ${'renderer'.padEnd(9)} ${'GPU proc'.padEnd(9)} WebGL`);
  for (const r of results) {
    console.log(`  ${r.engine.padEnd(10)} ${String(r.fps).padEnd(9)} ${`${Math.round(r.longTaskShare * 100)} %`.padEnd(11)} ${`${r.longTaskMax} ms`.padEnd(9)} ${`${r.rendererCpu} %`.padEnd(9)} ${`${r.gpuCpu} %`.padEnd(9)} ${r.webgl ?? '—'}`);
  }
}
