import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dataOf, login } from '../../server/testing/int-support';
import { readProcess } from '../positions/process-stats';
import { percentile, type ClientReport, type LoadReport, type WorkerMessage } from '../positions/protocol';
import { tidewatchTarget, type PrepareTarget } from '../positions/targets';
import { DispatchActors, type PhaseResult } from './dispatch-actors';

/**
 * `npm run bench:dispatch`: desk-create → tablet-receive and tablet-step → desk-update latency and loss,
 * first on an idle server (the baseline), then under the position load of bench:positions (units reporting
 * at a steady total rate to M board clients).
 */
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const UNITS = Number(env('BENCH_UNITS', '2000'));
const SOCKET_UNITS = Number(env('BENCH_SOCKET_UNITS', String(Math.min(200, Math.floor(UNITS / 10)))));
const CLIENTS = Number(env('BENCH_CLIENTS', '50'));
const POSITION_RATE = Number(env('BENCH_POSITION_RATE', String(UNITS)));
const DISPATCH_TEAMS = Number(env('BENCH_DISPATCH_TEAMS', '20'));
const DISPATCH_RATE = Number(env('BENCH_DISPATCH_RATE', '5'));
const PHASE_MS = Number(env('BENCH_SECONDS', '20')) * 1000;
const P99_TARGET_MS = 150;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function startWorker(file: string, config: unknown): Promise<ChildProcess> {
  const child = fork(here(file), [JSON.stringify(config)], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: WorkerMessage) => (m.kind === 'ready' ? resolve(child) : reject(new Error(`unexpected ${m.kind}`))));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}
const nextMessage = <T extends WorkerMessage>(child: ChildProcess): Promise<T> => new Promise((resolve) => child.once('message', (m: T) => resolve(m)));

const figures = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? percentile(sorted, p).toFixed(1) : 'n/a');
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), p99Value: sorted.length ? percentile(sorted, 99) : Number.NaN };
};

function report(name: string, result: PhaseResult, cpuPercent: number): { p99: number; lost: number } {
  const receive = figures(result.receive);
  const step = figures(result.step);
  console.log(`  ${name}`);
  console.log(`    desk-create → tablet-receive  p50 ${receive.p50} ms  p95 ${receive.p95} ms  p99 ${receive.p99} ms  (${receive.n} of ${result.created} dispatches, lost ${result.lostDispatches})`);
  console.log(`    tablet-step → desk-update     p50 ${step.p50} ms  p95 ${step.p95} ms  p99 ${step.p99} ms  (${step.n} steps, lost ${result.lostSteps})`);
  console.log(`    failed requests ${result.failedRequests}, server CPU ${cpuPercent}%`);
  return { p99: Math.max(receive.p99Value, step.p99Value), lost: result.lostDispatches + result.lostSteps + result.failedRequests };
}

async function main(): Promise<void> {
  console.log(`bench:dispatch — ${UNITS} units (${UNITS - SOCKET_UNITS} OsmAnd/HTTP, ${SOCKET_UNITS} socket) at ${POSITION_RATE} positions/s to ${CLIENTS} board clients; ${DISPATCH_RATE} dispatches/s to ${DISPATCH_TEAMS} team tablets, ${PHASE_MS / 1000} s per phase`);
  const tabletTokens = new Map<string, string>();
  let deskToken = '';
  const password = `bench-${randomBytes(6).toString('hex')}`;
  const prepare: PrepareTarget = async ({ baseUrl, admin, teamIds }) => {
    dataOf(await admin.post('/api/users', { username: 'bench-desk', displayName: '压测值班员', role: 'duty_officer', password }));
    deskToken = await login(baseUrl, 'bench-desk', password);
    for (const teamId of teamIds.slice(0, DISPATCH_TEAMS)) {
      const username = `bench-tablet-${tabletTokens.size}`;
      dataOf(await admin.post('/api/users', { username, displayName: username, role: 'field', teamId, password }));
      tabletTokens.set(teamId, await login(baseUrl, username, password));
    }
  };
  console.log('setting up Tidewatch (teams, devices, users) …');
  const target = await tidewatchTarget(UNITS, SOCKET_UNITS, prepare);
  const actors = await DispatchActors.connect(target.socketUrl, deskToken, tabletTokens);
  try {
    await actors.runPhase(DISPATCH_RATE, 2_000, 1_000); // warm-up
    let before = readProcess(target.pid);
    let startedAt = Date.now();
    const idle = await actors.runPhase(DISPATCH_RATE, PHASE_MS);
    const idleCpu = Math.round(((readProcess(target.pid).cpuSeconds - before.cpuSeconds) / ((Date.now() - startedAt) / 1000)) * 100);

    console.log('starting the position load …');
    const load = await startWorker('../positions/load-worker.ts', { osmandUrl: target.osmandUrl, socketUrl: target.socketUrl, httpUnits: target.httpUnits, socketTokens: target.socketTokens });
    const clients = await startWorker('../positions/client-worker.ts', { url: target.socketUrl, token: target.boardToken, clients: CLIENTS });
    const loadMs = PHASE_MS + 8_000;
    const loadDone = nextMessage<LoadReport>(load);
    const clientsDone = nextMessage<ClientReport>(clients);
    load.send({ kind: 'start', rate: POSITION_RATE, durationMs: loadMs });
    clients.send({ kind: 'start', rate: POSITION_RATE, durationMs: loadMs });
    await new Promise((r) => setTimeout(r, 3_000)); // the load settles before dispatches are measured
    before = readProcess(target.pid);
    startedAt = Date.now();
    const loaded = await actors.runPhase(DISPATCH_RATE, PHASE_MS);
    const loadedCpu = Math.round(((readProcess(target.pid).cpuSeconds - before.cpuSeconds) / ((Date.now() - startedAt) / 1000)) * 100);
    const [loadReport, clientReport] = await Promise.all([loadDone, clientsDone]);
    const positions = figures(clientReport.latencies);
    load.send({ kind: 'stop' });
    clients.send({ kind: 'stop' });

    console.log('\nresult');
    report('baseline: idle server', idle, idleCpu);
    const underLoad = report(`under load: ${POSITION_RATE} positions/s from ${UNITS} units to ${CLIENTS} board clients`, loaded, loadedCpu);
    console.log(`    position load: sent ${loadReport.sent}, failed ${loadReport.failed}; position ingest → board p50 ${positions.p50} ms p99 ${positions.p99} ms`);
    const met = underLoad.p99 <= P99_TARGET_MS && underLoad.lost === 0;
    console.log(`  target under load: p99 ≤ ${P99_TARGET_MS} ms and zero loss — ${met ? 'met' : 'NOT met'} (p99 ${underLoad.p99.toFixed(1)} ms, lost ${underLoad.lost})`);
  } finally {
    actors.close();
    await target.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
