import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readProcess } from './process-stats';
import { percentile, type ClientReport, type LoadReport, type WorkerMessage } from './protocol';
import type { Target } from './targets';

/** The load generator of `bench:positions`, stepped through rates against one target (bench:cluster reuses it). */
export interface MeasureOptions {
  clients: number;
  rates: number[];
  stepMs: number;
  /** Processes beside the target whose CPU time is reported too (HAProxy, Redis). */
  alsoWatch?: Array<{ name: string; pid: number }>;
}

export interface StepResult {
  rate: number;
  sent: number;
  failed: number;
  deliveredPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Of every target process together (a cluster's instances), per wall-clock second. */
  cpuPercent: number;
  /** CPU seconds the target's processes spent during the step. */
  cpuSeconds: number;
  /** CPU seconds of each watched process. */
  watchedCpuSeconds: Record<string, number>;
  rssMb: number;
}

export const P99_LIMIT_MS = 100;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function startWorker(file: string, config: unknown): Promise<ChildProcess> {
  const child = fork(here(file), [JSON.stringify(config)], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: WorkerMessage) => (m.kind === 'ready' ? resolve(child) : reject(new Error(`unexpected ${m.kind}`))));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

const nextMessage = <T extends WorkerMessage>(child: ChildProcess): Promise<T> => new Promise((resolve) => child.once('message', (m: T) => resolve(m)));

const pidsOf = (target: Target) => target.pids ?? [target.pid];
const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + readProcess(pid).cpuSeconds, 0);

/** Units send at each rate in turn while the board clients record ingest→client latency; one line per step. */
export async function measure(target: Target, { clients: clientCount, rates, stepMs, alsoWatch = [] }: MeasureOptions): Promise<StepResult[]> {
  const load = await startWorker('./load-worker.ts', { osmandUrl: target.osmandUrl, socketUrl: target.socketUrl, httpUnits: target.httpUnits, socketTokens: target.socketTokens });
  const clients = await startWorker('./client-worker.ts', { url: target.socketUrl, token: target.boardToken, clients: clientCount });
  const results: StepResult[] = [];
  // Unmeasured warm-up: JIT, connection pools and SQLite pages settle before the first step.
  const warmLoad = nextMessage<LoadReport>(load);
  const warmClients = nextMessage<ClientReport>(clients);
  load.send({ kind: 'start', rate: rates[0] ?? 100, durationMs: 5_000 });
  clients.send({ kind: 'start', rate: rates[0] ?? 100, durationMs: 5_000 });
  await Promise.all([warmLoad, warmClients]);
  for (const rate of rates) {
    const cpuBefore = cpuOf(pidsOf(target));
    const watchedBefore = alsoWatch.map(({ pid }) => cpuOf([pid]));
    const startedAt = Date.now();
    const loadDone = nextMessage<LoadReport>(load);
    const clientsDone = nextMessage<ClientReport>(clients);
    load.send({ kind: 'start', rate, durationMs: stepMs });
    clients.send({ kind: 'start', rate, durationMs: stepMs });
    const [loadReport, clientReport] = await Promise.all([loadDone, clientsDone]);
    const cpuSeconds = cpuOf(pidsOf(target)) - cpuBefore;
    const seconds = (Date.now() - startedAt) / 1000;
    const sorted = clientReport.latencies.sort((a, b) => a - b);
    const result: StepResult = {
      rate,
      sent: loadReport.sent,
      failed: loadReport.failed,
      deliveredPerSecond: Math.round(clientReport.received / clientCount / ((stepMs - 2_000) / 1000)),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      cpuPercent: Math.round((cpuSeconds / seconds) * 100),
      cpuSeconds,
      watchedCpuSeconds: Object.fromEntries(alsoWatch.map(({ name, pid }, i) => [name, cpuOf([pid]) - watchedBefore[i]!])),
      rssMb: Math.round(pidsOf(target).reduce((sum, pid) => sum + readProcess(pid).rssMb, 0)),
    };
    results.push(result);
    console.log(`  ${target.name.padEnd(15)} ${String(rate).padStart(5)}/s  sent ${Math.round(loadReport.sent / (stepMs / 1000))}/s  p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  delivered ${result.deliveredPerSecond}/s per client  failed ${result.failed}${result.failed ? ` (${Object.entries(loadReport.reasons).map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}  server CPU ${result.cpuPercent}%  RSS ${result.rssMb} MB`);
    await new Promise((r) => setTimeout(r, 1_500));
  }
  load.send({ kind: 'stop' });
  clients.send({ kind: 'stop' });
  return results;
}

const held = (r: StepResult) => r.p99 <= P99_LIMIT_MS && r.failed === 0 && r.deliveredPerSecond >= r.rate * 0.95;

/** Sustained capacity: the highest rate that, like every lower rate tried, kept p99 within the limit with nothing failed or lost (≥ 95% delivered). */
export function capacity(results: StepResult[]): number {
  let best = 0;
  for (const r of [...results].sort((a, b) => a.rate - b.rate)) {
    if (!held(r)) break;
    best = r.rate;
  }
  return best;
}
