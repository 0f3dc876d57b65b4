import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { dropPostgresSchema } from '../../server/db/database';
import { startHaproxy } from '../../server/testing/haproxy';
import { startServer, type ServerHandle } from '../../server/testing/server-process';
import { capacity, measure, P99_LIMIT_MS, type StepResult } from '../positions/measure';
import { populateTidewatch, type TidewatchUnits } from '../positions/targets';

/**
 * `npm run bench:cluster`: the load of `bench:positions` (its workers, rates and latency measure) sent through
 * HAProxy to 1, 2 and 3 instances in cluster mode on one PostgreSQL schema and one Redis. A board client may sit
 * on another instance than the one that took a position, so the latency includes the hop through Redis. Instances
 * are added one at a time to the same database: the units and accounts are made once.
 */
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const UNITS = Number(env('BENCH_UNITS', '2000'));
const SOCKET_UNITS = Number(env('BENCH_SOCKET_UNITS', '200'));
const CLIENTS = Number(env('BENCH_CLIENTS', '50'));
const RATES = env('BENCH_RATES', '1000,2000,3000,4000').split(',').map(Number);
const STEP_MS = Number(env('BENCH_STEP_SECONDS', '12')) * 1000;
const INSTANCES = env('BENCH_INSTANCES', '1,2,3').split(',').map(Number);
const DATABASE_URL = env('BENCH_DATABASE_URL', env('DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/test'));
const REDIS_URL = env('BENCH_REDIS_URL', env('REDIS_URL', 'redis://127.0.0.1:6379'));

interface Run {
  instances: number;
  steps: StepResult[];
}

/** Redis's own process, when it runs on this host (its CPU is part of what a position costs in a cluster). */
async function redisPid(): Promise<number | null> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

const msPer = (cpuSeconds: number, positions: number) => (positions > 0 ? ((cpuSeconds * 1000) / positions).toFixed(3) : 'n/a');

/** The step at the highest rate every instance count held, or the lowest rate tried: the same load for each count. */
function comparableRate(runs: Run[]): number {
  const held = runs.map((r) => capacity(r.steps));
  return Math.min(...held) || RATES[0]!;
}

async function main(): Promise<void> {
  const schema = `tw_bench_${randomBytes(4).toString('hex')}`;
  const prefix = `tw-bench-${schema}`;
  // The board clients share one session: its request budget (shared over the instances) must not ration their resyncs.
  const clusterEnv = { DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL, REDIS_PREFIX: prefix, VIDEO: 'off', LOG_LEVEL: 'warn', SEED: 'none', TRUSTED_PROXIES: '127.0.0.1', SOCKET_REQUESTS_PER_MINUTE: '100000', ADMIN_PASSWORD: `Tw-${randomBytes(12).toString('base64url')}` };
  console.log(`bench:cluster — ${UNITS} units (${UNITS - SOCKET_UNITS} OsmAnd/HTTP, ${SOCKET_UNITS} socket), ${CLIENTS} board clients through HAProxy, instances ${INSTANCES.join(', ')}, rates ${RATES.join(', ')} positions/s, ${STEP_MS / 1000} s per step, p99 limit ${P99_LIMIT_MS} ms`);
  console.log(`  host: ${os.availableParallelism()} cores; uptime: ${execFileSync('uptime').toString().trim()}`);
  const servers: ServerHandle[] = [];
  const redis = await redisPid();
  const runs: Run[] = [];
  try {
    let units: TidewatchUnits | null = null;
    for (const count of INSTANCES) {
      while (servers.length < count) {
        console.log(`starting instance ${servers.length + 1} (PostgreSQL schema ${schema}, Redis prefix ${prefix}) …`);
        servers.push(await startServer({ env: clusterEnv, readyTimeoutMs: 120_000 }));
      }
      if (!units) {
        console.log('setting up the units (teams, devices, users) …');
        units = await populateTidewatch(servers[0]!.baseUrl, clusterEnv.ADMIN_PASSWORD, UNITS, SOCKET_UNITS);
      }
      const behind = servers.slice(0, count).map((s, n) => ({ name: `tidewatch-${n + 1}`, port: s.port, osmandPort: s.osmandPort }));
      const proxy = await startHaproxy(behind, { certDir: path.join(servers[0]!.dataDir, 'tls'), keepLogs: false });
      const target = { name: `${count} instance${count > 1 ? 's' : ''}`, pid: servers[0]!.pid!, pids: servers.slice(0, count).map((s) => s.pid!), osmandUrl: proxy.osmandUrl, socketUrl: proxy.httpUrl, ...units, stop: () => proxy.stop() };
      const alsoWatch = [{ name: 'haproxy', pid: proxy.pid }, ...(redis ? [{ name: 'redis', pid: redis }] : [])];
      try {
        runs.push({ instances: count, steps: await measure(target, { clients: CLIENTS, rates: RATES, stepMs: STEP_MS, alsoWatch }) });
      } finally {
        await proxy.stop();
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.dispose()));
    await dropPostgresSchema(DATABASE_URL, schema).catch((err: unknown) => console.error('dropping the bench schema failed:', err));
    const cleanup = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await cleanup.keys(`${prefix}:*`).catch(() => [] as string[]);
    if (keys.length > 0) await cleanup.del(...keys);
    cleanup.disconnect();
  }
  report(runs);
}

function report(runs: Run[]): void {
  const one = runs.find((r) => r.instances === 1);
  const oneCapacity = one ? capacity(one.steps) : 0;
  const rate = comparableRate(runs);
  // Throughput whatever the latency: what each count delivered to every board at best (a ratio even when p99 missed).
  const delivered = (run: Run) => Math.max(0, ...run.steps.map((s) => Math.min(s.deliveredPerSecond, Math.round(s.sent / (STEP_MS / 1000)))));
  const oneDelivered = one ? delivered(one) : 0;
  console.log('\nresult');
  for (const run of runs) {
    const held = capacity(run.steps);
    const ratio = oneCapacity > 0 ? ` — ×${(held / oneCapacity).toFixed(2)} of one instance` : '';
    const step = run.steps.find((s) => s.rate === rate);
    // CPU per position: what a bigger host needs per position/s, whatever this host's cores were busy with.
    const perPosition = step ? `; at ${rate}/s: p99 ${step.p99} ms, instances ${msPer(step.cpuSeconds, step.sent)} ms CPU per position (${step.cpuPercent}% of one core), ${Object.entries(step.watchedCpuSeconds).map(([name, s]) => `${name} ${msPer(s, step.sent)} ms`).join(', ')}` : '';
    const throughput = `, at best ${delivered(run)} positions/s to every board${oneDelivered > 0 ? ` (×${(delivered(run) / oneDelivered).toFixed(2)})` : ''}`;
    console.log(`  ${run.instances} instance${run.instances > 1 ? 's' : ' '}: capacity ${held} positions/s (p99 ≤ ${P99_LIMIT_MS} ms, nothing lost)${ratio}${throughput}${perPosition}`);
  }
  const cores = os.availableParallelism();
  if (runs.some((r) => r.instances > cores - 1)) {
    console.log(`  note: this host has ${cores} cores; the instances, HAProxy, Redis, PostgreSQL and the load generator compete for them, so the ratio here says how much one host loses to the extra hops, not how far more hosts scale. CPU per position × the target rate says how many cores a bigger deployment needs.`);
  }
  if (RATES.at(-1) === oneCapacity) console.log('  note: one instance held the highest rate tried: its capacity (and every ratio) is a bound, not a ceiling; raise BENCH_RATES');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
