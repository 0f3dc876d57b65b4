import os from 'node:os';
import { measureCapacity, type CapacityResult } from './capacity';
import { cleanUpAll } from './cleanup';
import { measureLatency, type LatencyResult } from './latency';
import { printCapacity, printLatency } from './report';

/**
 * `npm run bench:video`: glass-to-glass latency through the relay in headless Chromium beside a
 * one-page WebRTC loopback, then the relay's capacity with camera streams fanned out to RTP sinks.
 */
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const PARTS = env('BENCH_VIDEO_PARTS', 'latency,capacity').split(',');
const MEASURE_MS = Number(env('BENCH_SECONDS', '20')) * 1000;
const WARM_UP_MS = Number(env('BENCH_WARMUP_SECONDS', '5')) * 1000;
const STREAMS = Number(env('BENCH_VIDEO_STREAMS', '16'));
const CONSUMERS = Number(env('BENCH_VIDEO_CONSUMERS', '10'));
const KBPS = Number(env('BENCH_VIDEO_KBPS', '2000'));
const WORKERS = Number(env('BENCH_VIDEO_WORKERS', String(os.availableParallelism())));
/** Everything is given up (and cleaned up) after this long. */
const DEADLINE_MS = 10 * 60_000;

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

async function main(): Promise<void> {
  console.log(`bench:video — ${PARTS.join(' and ')}; ${WARM_UP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured; ${os.availableParallelism()} cores, load average ${load()}`);
  let latency: LatencyResult | null = null;
  let capacity: CapacityResult | null = null;
  if (PARTS.includes('latency')) {
    console.log('glass-to-glass latency (headless Chromium) …');
    latency = await measureLatency(WARM_UP_MS, MEASURE_MS);
  }
  if (PARTS.includes('capacity')) {
    console.log(`relay capacity (${STREAMS} streams × ${CONSUMERS} consumers, ${WORKERS} workers) …`);
    capacity = await measureCapacity({ streams: STREAMS, consumersPerStream: CONSUMERS, workers: WORKERS, kbps: KBPS, warmUpMs: WARM_UP_MS, measureMs: MEASURE_MS });
  }
  console.log(`\nresult (load average ${load()})`);
  if (latency) printLatency(latency);
  if (capacity) printCapacity(capacity, STREAMS, CONSUMERS);
}

const deadline = setTimeout(() => {
  console.error(`bench:video did not finish within ${DEADLINE_MS / 60_000} minutes; cleaning up`);
  void cleanUpAll().finally(() => process.exit(1));
}, DEADLINE_MS);
deadline.unref();

main().then(
  async () => {
    await cleanUpAll();
    process.exit(0);
  },
  async (error) => {
    console.error(error);
    await cleanUpAll();
    process.exit(1);
  },
);
