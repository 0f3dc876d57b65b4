import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_WALL_LAYOUT } from '../../shared/schemas/wall';
import { TOWNSHIP_NAMES } from '../../shared/townships';
import { signIn } from '../../e2e/support/browser';
import { dataOf, httpClient, login } from '../../server/testing/int-support';
import { readProcess } from '../positions/process-stats';
import type { LoadReport, WorkerMessage } from '../positions/protocol';
import { tidewatchTarget } from '../positions/targets';
import { chromiumProcesses, cpuByPid, cpuPercentOf } from './chromium-processes';
import { startCpuProfile, startTrace, stopCpuProfile, stopTrace } from './cpu-profile';
import { installWallProbe, probeReport, sampleWall, startProbe, type ProbeReport, type ProbeSample } from './page-probe';
import { demoStations } from '../../server/sensors/demo-stations';
import { compareSnapshotFiles, describeSnapshots, heapSnapshotsDir, takeHeapSnapshot } from './heap-snapshots';

/** One scale to measure: this many OsmAnd units sending this many fixes per second in total. */
export interface Scale {
  units: number;
  rate: number;
}

export interface PhaseResult {
  /** `points` with every layer on; `baseline` the same page with the moving-point (teams) layer off. */
  phase: 'points' | 'baseline';
  seconds: number;
  probe: ProbeReport;
  samples: ProbeSample[];
  rendererCpu: number;
  gpuCpu: number;
  serverCpu: number;
  loadCpu: number;
}

export interface RunResult {
  scale: Scale;
  /** Fixes the generator actually sent per second over the whole run (null if it did not report). */
  sentPerSecond: number | null;
  failed: number | null;
  phases: PhaseResult[];
}

export interface RunOptions {
  warmUpMs: number;
  measureMs: number;
  phases: ReadonlyArray<PhaseResult['phase']>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const LEKIMA_FILE = here('../../server/typhoon/fixtures/jma_bst_1909_lekima.txt');

function startLoad(osmandUrl: string, socketUrl: string, httpUnits: string[]): Promise<ChildProcess> {
  // Thousands of device ids do not fit in one command-line argument: the worker reads them from a file.
  const configFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-wall-')), 'load.json');
  writeFileSync(configFile, JSON.stringify({ osmandUrl, socketUrl, httpUnits, socketTokens: [] }));
  const child = fork(here('../positions/load-worker.ts'), [`@${configFile}`], { execArgv: ['--import', 'tsx'] });
  child.once('exit', () => rmSync(path.dirname(configFile), { recursive: true, force: true }));
  return new Promise((resolve, reject) => {
    child.once('message', (m: WorkerMessage) => (m.kind === 'ready' ? resolve(child) : reject(new Error(`unexpected ${m.kind}`))));
    child.once('exit', (code) => reject(new Error(`load worker exited with ${code}`)));
  });
}

async function openWall(browser: Browser, baseUrl: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  [wall] page error: ${error.message}`));
  await installWallProbe(page);
  await signIn(page, baseUrl, username, password, /\/wall$/);
  await page.getByTestId('team-map').waitFor();
  return page;
}

/** Measures the wall page for one phase while the load keeps running. */
async function measurePhase(browser: Browser, phase: PhaseResult['phase'], setup: { baseUrl: string; username: string; password: string; serverPid: number; loadPid: number; setLayout: (teams: boolean) => Promise<void> }, options: RunOptions): Promise<PhaseResult> {
  await setup.setLayout(phase === 'points');
  const page = await openWall(browser, setup.baseUrl, setup.username, setup.password);
  try {
    await pause(options.warmUpMs);
    // Before the window and after it, so the seconds a snapshot stops the page stay out of the figures.
    const snapshotsDir = process.env.BENCH_WALL_HEAP_SNAPSHOTS === '1' ? heapSnapshotsDir() : null;
    const early = snapshotsDir ? await takeHeapSnapshot(page, path.join(snapshotsDir, `${phase}-early.heapsnapshot`)) : null;
    const processes = chromiumProcesses();
    const cpuBefore = cpuByPid(processes);
    const serverBefore = readProcess(setup.serverPid).cpuSeconds;
    const loadBefore = readProcess(setup.loadPid).cpuSeconds;
    const startedAt = Date.now();
    await startProbe(page);
    const profiler = process.env.BENCH_WALL_PROFILE === '1' ? await startCpuProfile(page) : null;
    const trace = process.env.BENCH_WALL_TRACE === '1' ? await startTrace(page) : null;
    const samples: ProbeSample[] = [];
    while (Date.now() - startedAt < options.measureMs) {
      const next = Date.now() + 1_000;
      samples.push(await sampleWall(page));
      await pause(Math.max(0, next - Date.now()));
    }
    // The window's figures first: stopping a long trace makes Chromium write it out for a minute or two, and that
    // load must not count as the page's (a 10-minute trace added tasks of 800 ms to the probe after the window).
    const probe = await probeReport(page);
    const seconds = (Date.now() - startedAt) / 1000;
    const cpuAfter = cpuByPid(processes);
    const serverAfter = readProcess(setup.serverPid).cpuSeconds;
    const loadAfter = readProcess(setup.loadPid).cpuSeconds;
    if (profiler) console.log(await stopCpuProfile(profiler));
    if (trace) console.log(await stopTrace(trace, seconds));
    const result: PhaseResult = {
      phase,
      seconds,
      probe,
      samples,
      rendererCpu: cpuPercentOf('renderer', processes, cpuBefore, cpuAfter, seconds),
      gpuCpu: cpuPercentOf('gpu-process', processes, cpuBefore, cpuAfter, seconds),
      serverCpu: Math.round(((serverAfter - serverBefore) / seconds) * 100),
      loadCpu: Math.round(((loadAfter - loadBefore) / seconds) * 100),
    };
    if (snapshotsDir && early) {
      const late = await takeHeapSnapshot(page, path.join(snapshotsDir, `${phase}-late.heapsnapshot`));
      console.log(describeSnapshots(early, late, [0, Math.round(seconds)]));
      console.log(await compareSnapshotFiles(early.file, late.file));
    }
    return result;
  } finally {
    await page.context().close();
  }
}

/** A fresh server with `scale.units` OsmAnd units, the load running throughout, the wall measured per phase. */
export async function runScale(browser: Browser, scale: Scale, options: RunOptions): Promise<RunResult> {
  const password = `bench-${randomBytes(6).toString('hex')}`;
  const username = 'bench-wall-screen';
  let admin: ReturnType<typeof httpClient> | null = null;
  const target = await tidewatchTarget(scale.units, 0, async (setup) => {
    admin = setup.admin;
    dataOf(await setup.admin.post('/api/users', { username, displayName: '压测大屏', role: 'wall', password }));
    // The wall is measured with a storm on it (issue 13): Lekima's track, circles and exposure panel.
    dataOf(await setup.admin.post('/api/users', { username: 'bench-typhoon-desk', displayName: '压测值班', role: 'duty_officer', password }));
    const desk = httpClient(setup.baseUrl, await login(setup.baseUrl, 'bench-typhoon-desk', password));
    dataOf(await desk.post('/api/typhoons/import?historical=true', readFileSync(LEKIMA_FILE, 'utf8'), { 'content-type': 'text/plain' }));
    // And a warning over the whole county (issue 14): every township's outline, islands included, on the map.
    dataOf(await setup.admin.post('/api/users', { username: 'bench-warning-commander', displayName: '压测指挥长', role: 'commander', password }));
    const commander = httpClient(setup.baseUrl, await login(setup.baseUrl, 'bench-warning-commander', password));
    const draft = dataOf(await desk.post<{ id: string }>('/api/warnings', { hazard: 'typhoon', colour: 'red', townships: [...TOWNSHIP_NAMES], expires: new Date(Date.now() + 24 * 3_600_000).toISOString() }));
    dataOf(await commander.post(`/api/warnings/${draft.id}/issue`, {}));
    // And the demo county's gauges (issue 16): the station layer, coloured by state, and the top-10 panel.
    for (const station of demoStations()) dataOf(await setup.admin.post('/api/stations', station));
  });
  try {
    const setLayout = async (teams: boolean) => {
      if (!admin) throw new Error('no admin client');
      // BENCH_WALL_OFF=trails,labels…: layers switched off in both phases, to see what each costs.
      const off = Object.fromEntries((process.env.BENCH_WALL_OFF ?? '').split(',').filter(Boolean).map((layer) => [layer, false]));
      dataOf(await admin.put('/api/wall-layout', { ...DEFAULT_WALL_LAYOUT, layers: { ...DEFAULT_WALL_LAYOUT.layers, ...off, teams } }));
    };
    const load = await startLoad(target.osmandUrl, target.socketUrl, target.httpUnits);
    // Long enough for every phase; stopped when they are done.
    const totalMs = options.phases.length * (options.measureMs + options.warmUpMs + 120_000);
    const loadStartedAt = Date.now();
    const loadDone = new Promise<LoadReport>((resolve) => load.once('message', (m: LoadReport) => resolve(m)));
    load.send({ kind: 'start', rate: scale.rate, durationMs: totalMs });
    const phases: PhaseResult[] = [];
    try {
      for (const phase of options.phases) {
        console.log(`  ${scale.units} units, ${scale.rate} fixes/s: ${phase === 'points' ? 'every layer on' : 'baseline, moving points off'} …`);
        phases.push(await measurePhase(browser, phase, { baseUrl: target.socketUrl, username, password, serverPid: target.pid, loadPid: load.pid ?? 0, setLayout }, options));
      }
    } finally {
      load.send({ kind: 'stop' });
    }
    const report = await Promise.race([loadDone, pause(5_000).then(() => null)]);
    const loadSeconds = (Date.now() - loadStartedAt) / 1000;
    return { scale, sentPerSecond: report ? Math.round(report.sent / loadSeconds) : null, failed: report?.failed ?? null, phases };
  } finally {
    await target.stop();
  }
}
