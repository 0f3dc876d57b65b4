import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { percentile } from '../positions/protocol';
import type { WorstFrame } from './page-probe';
import type { PhaseResult, RunResult } from './wall-run';

/** The targets for the wall at 5,000 units / 1,000 fixes/s (kept for the stretch run too). */
export const TARGETS = { ageP95Seconds: 1.5, minFps: 20, maxLongTaskShare: 0.25, maxLongTaskMs: 200, maxHeapGrowth: 1.25 };

export interface PhaseFigures {
  mapAgeP50: number;
  mapAgeP95: number;
  listAgeP50: number;
  listAgeP95: number;
  fps: number;
  longTaskShare: number;
  longTaskMax: number;
  longTaskCount: number;
  heapStartMb: number;
  heapEndMb: number;
  heapMaxMb: number;
  /** Mean heap over the last fifth of the run ÷ over the first fifth. */
  heapGrowth: number;
  rendererCpu: number;
  gpuCpu: number;
  serverCpu: number;
  loadCpu: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
/** A figure, or a dash where the phase has none (no moving points drawn in the baseline). */
const shown = (n: number) => (Number.isFinite(n) ? String(n) : '—');
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : Number.NaN);

export function figuresOf(phase: PhaseResult): PhaseFigures {
  const mapAges = sorted(phase.samples.flatMap((s) => (s.newestOnMap === null ? [] : [(s.at - s.newestOnMap) / 1000])));
  const listAges = sorted(phase.samples.flatMap((s) => (s.listAges.length ? [Math.min(...s.listAges)] : [])));
  const heap = phase.samples.flatMap((s) => (s.heapBytes === null ? [] : [s.heapBytes / 1_048_576]));
  const fifth = Math.max(1, Math.floor(heap.length / 5));
  const busy = phase.probe.longTasks.reduce((s, d) => s + d, 0);
  const seconds = phase.probe.elapsedMs / 1000;
  return {
    mapAgeP50: round1(percentile(mapAges, 50)),
    mapAgeP95: round1(percentile(mapAges, 95)),
    listAgeP50: percentile(listAges, 50),
    listAgeP95: percentile(listAges, 95),
    fps: round1(phase.probe.frames / seconds),
    longTaskShare: busy / phase.probe.elapsedMs,
    longTaskMax: Math.max(0, ...phase.probe.longTasks),
    longTaskCount: phase.probe.longTasks.length,
    heapStartMb: round1(heap[0] ?? Number.NaN),
    heapEndMb: round1(heap.at(-1) ?? Number.NaN),
    heapMaxMb: round1(Math.max(...heap)),
    heapGrowth: Math.round((mean(heap.slice(-fifth)) / mean(heap.slice(0, fifth))) * 100) / 100,
    rendererCpu: phase.rendererCpu,
    gpuCpu: phase.gpuCpu,
    serverCpu: phase.serverCpu,
    loadCpu: phase.loadCpu,
  };
}

type Row = [label: string, value: (f: PhaseFigures) => string, target: string, met: ((f: PhaseFigures) => boolean) | null];

const ROWS: Row[] = [
  ['newest fix age on the map p50 / p95', (f) => `${shown(f.mapAgeP50)} / ${shown(f.mapAgeP95)} s`, `p95 ≤ ${TARGETS.ageP95Seconds} s`, (f) => f.mapAgeP95 <= TARGETS.ageP95Seconds],
  ['team list "N 秒前", newest row p50 / p95', (f) => `${shown(f.listAgeP50)} / ${shown(f.listAgeP95)} s`, '(刚刚 = < 5 s, read as 0)', null],
  ['frames delivered per second', (f) => `${f.fps}`, `≥ ${TARGETS.minFps}`, (f) => f.fps >= TARGETS.minFps],
  ['main thread in long tasks', (f) => `${Math.round(f.longTaskShare * 100)} % (${f.longTaskCount})`, `≤ ${TARGETS.maxLongTaskShare * 100} %`, (f) => f.longTaskShare <= TARGETS.maxLongTaskShare],
  ['longest task after start-up', (f) => `${f.longTaskMax} ms`, `≤ ${TARGETS.maxLongTaskMs} ms`, (f) => f.longTaskMax <= TARGETS.maxLongTaskMs],
  ['JS heap start / end / max', (f) => `${f.heapStartMb} / ${f.heapEndMb} / ${f.heapMaxMb} MB`, `last fifth ≤ ${TARGETS.maxHeapGrowth}× first`, (f) => f.heapGrowth <= TARGETS.maxHeapGrowth],
  ['renderer CPU (% of a core)', (f) => `${f.rendererCpu} %`, '', null],
  ['GPU process CPU', (f) => `${f.gpuCpu} %`, '', null],
  ['server CPU', (f) => `${f.serverCpu} %`, '', null],
  ['load generator CPU', (f) => `${f.loadCpu} %`, '', null],
];

export function printRun(run: RunResult): boolean {
  const points = run.phases.find((p) => p.phase === 'points');
  const baseline = run.phases.find((p) => p.phase === 'baseline');
  const f = points ? figuresOf(points) : null;
  const b = baseline ? figuresOf(baseline) : null;
  console.log(`\n  ${run.scale.units} units, ${run.scale.rate} fixes/s asked, ${run.sentPerSecond ?? '?'} /s sent, ${run.failed ?? '?'} failed; ${Math.round((points ?? baseline)?.seconds ?? 0)} s measured per phase`);
  console.log(`  ${'figure'.padEnd(42)} ${'every layer on'.padEnd(24)} ${'baseline (points off)'.padEnd(24)} target`);
  let allMet = true;
  for (const [label, value, target, met] of ROWS) {
    const ok = f && met ? met(f) : null;
    if (ok === false) allMet = false;
    console.log(`  ${label.padEnd(42)} ${(f ? value(f) : '—').padEnd(24)} ${(b ? value(b) : '—').padEnd(24)} ${target}${ok === null ? '' : ok ? '  met' : '  NOT met'}`);
  }
  if (points?.probe.worstFrames.length) console.log(describeWorstFrames(points.probe.worstFrames));
  return allMet;
}

/** The built client is minified without source maps: a few characters of the script at the position name it well enough. */
function codeAt(source: string): string {
  const m = /(\S+\.js):(\d+)$/.exec(source);
  const file = m ? path.join(process.cwd(), 'dist', 'client', 'assets', m[1] ?? '') : '';
  if (!m || !existsSync(file)) return '';
  const at = Number(m[2]);
  return `  «${readFileSync(file, 'utf8').slice(at, at + 80).replace(/\s+/g, ' ')}»`;
}

/** The longest frames with every layer on, and the scripts in each: where a task over the target came from. */
function describeWorstFrames(frames: WorstFrame[]): string {
  const lines = ['  longest animation frames with every layer on (at s: frame / blocking ms; render began at +ms; style+layout ms):'];
  for (const f of frames) {
    lines.push(`    ${f.atSeconds} s: ${f.durationMs} / ${f.blockingMs} ms; render +${f.renderStartMs ?? '—'}; style+layout ${f.styleAndLayoutMs ?? '—'}`);
    for (const s of [...f.scripts].sort((a, b) => b.durationMs - a.durationMs).slice(0, 4)) {
      lines.push(`      ${String(s.durationMs).padStart(4)} ms (forced layout ${s.forcedLayoutMs}) ${s.invoker} → ${s.source}${codeAt(s.source)}`);
    }
  }
  return lines.join('\n');
}
