import { capacity, measure, P99_LIMIT_MS, type StepResult } from './measure';
import { bareTarget, tidewatchTarget } from './targets';

/**
 * `npm run bench:positions`: positions from N units (OsmAnd over HTTP and field sockets) relayed to M
 * board clients, at increasing total rates, against Tidewatch and a bare Socket.IO relay as baseline.
 */
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const UNITS = Number(env('BENCH_UNITS', '2000'));
const SOCKET_UNITS = Number(env('BENCH_SOCKET_UNITS', '200'));
const CLIENTS = Number(env('BENCH_CLIENTS', '50'));
const RATES = env('BENCH_RATES', '1000,2000,3000,4000').split(',').map(Number);
const STEP_MS = Number(env('BENCH_STEP_SECONDS', '12')) * 1000;
const TARGETS = env('BENCH_TARGETS', 'tidewatch,bare').split(',');
const steps = { clients: CLIENTS, rates: RATES, stepMs: STEP_MS };

async function main(): Promise<void> {
  console.log(`bench:positions — ${UNITS} units (${UNITS - SOCKET_UNITS} OsmAnd/HTTP, ${SOCKET_UNITS} socket), ${CLIENTS} board clients, rates ${RATES.join(', ')} positions/s, ${STEP_MS / 1000} s per step, p99 limit ${P99_LIMIT_MS} ms`);
  let ours: StepResult[] = [];
  let baseline: StepResult[] = [];
  if (TARGETS.includes('tidewatch')) {
    console.log('setting up Tidewatch (teams, devices, users) …');
    const tidewatch = await tidewatchTarget(UNITS, SOCKET_UNITS);
    ours = await measure(tidewatch, steps).finally(() => tidewatch.stop());
  }
  if (TARGETS.includes('bare')) {
    console.log('baseline: bare Socket.IO relay (same payloads, same 50 ms coalescing; no auth, validation or storage) …');
    const bare = await bareTarget(UNITS, SOCKET_UNITS);
    baseline = await measure(bare, steps).finally(() => bare.stop());
  }

  const ourCapacity = capacity(ours);
  const baseCapacity = capacity(baseline);
  const at1Hz = ours.find((r) => r.rate === UNITS);
  console.log('\nresult');
  console.log(`  Tidewatch capacity (p99 ≤ ${P99_LIMIT_MS} ms): ${ourCapacity} positions/s`);
  console.log(`  bare Socket.IO capacity:            ${baseCapacity} positions/s`);
  console.log(`  capacity ratio: ${baseCapacity > 0 ? (ourCapacity / baseCapacity).toFixed(2) : 'n/a'} (target ≥ 0.70)`);
  if (at1Hz) console.log(`  ${UNITS} units at 1 Hz with ${CLIENTS} clients: p99 ${at1Hz.p99} ms (target ≤ ${P99_LIMIT_MS} ms) — ${at1Hz.p99 <= P99_LIMIT_MS ? 'met' : 'NOT met'}`);
  if (RATES.at(-1) === baseCapacity) console.log('  note: the baseline held the highest rate tried, so its capacity (and the ratio) is a bound, not a ceiling; raise BENCH_RATES');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
