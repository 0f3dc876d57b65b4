import { percentile } from '../positions/protocol';
import type { CapacityResult, Stage } from './capacity';
import type { LatencyResult } from './latency';
import type { MeterReport } from './pages/frame-meter';

export const P95_TARGET_MS = 200;
/** Forwarded (and received) within this share of what a lossless relay delivers counts as nothing lost. */
const LOSSLESS_SHARE = 0.99;

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function latencyRow(name: string, report: MeterReport) {
  const sorted = [...report.latencies].sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p));
  const undecodable = Object.values(report.undecodable).reduce((a, b) => a + b, 0);
  const reasons = Object.entries(report.undecodable).filter(([, n]) => n > 0).map(([why, n]) => `${why} ${n}`).join(', ');
  console.log(
    `    ${name.padEnd(20)}${pad(fixed(p50!), 7)}${pad(fixed(p95!), 7)}${pad(fixed(p99!), 7)}${pad(sorted.length, 9)}${pad(undecodable, 13)}${pad(fixed(report.frames / report.seconds, 1), 8)}  ${report.videoSize}${reasons ? `  (${reasons})` : ''}`,
  );
  return { p50: p50!, p95: p95!, p99: p99! };
}

export function printLatency({ relay, loopback }: LatencyResult): void {
  console.log('  glass-to-glass latency, ms (canvas drawn with Date.now() → VP8 → … → frame presented and read back)');
  console.log(`    ${''.padEnd(20)}${pad('p50', 7)}${pad('p95', 7)}${pad('p99', 7)}${pad('frames', 9)}${pad('undecodable', 13)}${pad('fps', 8)}  size`);
  const ours = latencyRow('relay (Tidewatch)', relay);
  const base = latencyRow('loopback baseline', loopback);
  const diff = (a: number, b: number) => `${a - b >= 0 ? '+' : ''}${fixed(a - b)}`;
  console.log(`    ${'relay − baseline'.padEnd(20)}${pad(diff(ours.p50, base.p50), 7)}${pad(diff(ours.p95, base.p95), 7)}${pad(diff(ours.p99, base.p99), 7)}`);
  const met = relay.latencies.length > 0 && ours.p95 <= P95_TARGET_MS;
  console.log(`  target: relay p95 ≤ ${P95_TARGET_MS} ms on loopback — ${met ? 'met' : 'NOT met'} (p95 ${fixed(ours.p95)} ms)`);
}

const lostShare = (stage: Stage) => (stage.expected > 0 ? (stage.expected - stage.passed) / stage.expected : 0);

function stageRow(name: string, stage: Stage): void {
  if (stage.expected === 0) return;
  console.log(`      ${name.padEnd(30)}${pad(stage.expected, 10)}${pad(stage.passed, 11)}${pad(`${fixed(lostShare(stage) * 100, 2)}%`, 9)}`);
}

export function printCapacity(result: CapacityResult, streams: number, consumersPerStream: number): void {
  console.log(`  relay capacity: ${streams} camera streams × ${consumersPerStream} consumers (PlainTransport → RTP sinks), ${fixed(result.seconds, 1)} s`);
  console.log(`    ${'worker'.padEnd(8)}${pad('pid', 9)}${pad('feeds', 7)}${pad('consumers', 11)}${pad('CPU %', 8)}${pad('RSS MB', 9)}`);
  for (const w of result.workers) {
    console.log(`    ${String(w.index).padEnd(8)}${pad(w.pid, 9)}${pad(w.feeds, 7)}${pad(w.consumers, 11)}${pad(fixed(w.cpuPercent, 1), 8)}${pad(fixed(w.rssMb, 1), 9)}`);
  }
  const totalCpu = result.workers.reduce((a, w) => a + w.cpuPercent, 0);
  const totalRss = result.workers.reduce((a, w) => a + w.rssMb, 0);
  console.log(`    ${'all'.padEnd(8)}${pad('', 9)}${pad('', 7)}${pad('', 11)}${pad(fixed(totalCpu, 1), 8)}${pad(fixed(totalRss, 1), 9)}   (${result.pipedFeeds} feeds piped to a second worker)`);
  console.log(`    ${''.padEnd(26)}${pad('packets/s', 11)}${pad('Mbit/s', 9)}`);
  console.log(`    ${'in: ffmpeg → relay'.padEnd(26)}${pad(fixed(result.in.packetsPerSecond), 11)}${pad(fixed(result.in.mbitPerSecond, 1), 9)}`);
  console.log(`    ${'out: sent by consumers'.padEnd(26)}${pad(fixed(result.out.packetsPerSecond), 11)}${pad(fixed(result.out.mbitPerSecond, 1), 9)}   lossless: ${fixed(result.in.packetsPerSecond * consumersPerStream)} packets/s (${consumersPerStream} × in)`);
  console.log(`    ${'received by the sinks'.padEnd(26)}${pad(fixed(result.received.packetsPerSecond), 11)}${pad(fixed(result.received.mbitPerSecond, 1), 9)}`);
  console.log(`    ${'packets along the way'.padEnd(32)}${pad('expected', 10)}${pad('passed', 11)}${pad('lost', 9)}`);
  stageRow('ffmpeg → producers', result.ingest);
  stageRow('feed → its copy on 2nd worker', result.pipe);
  stageRow('producer → consumers', result.forward);
  stageRow('consumers → sinks (kernel)', result.delivery);
  const drops = result.socketDrops;
  console.log(`    kernel drops for full socket receive buffers: ingest ${drops.ingest}, pipes between workers ${drops.pipes}, sinks ${drops.sinks}`);
  console.log(`    consumers that forwarded < 99% of their producer's packets: ${result.shortConsumers}`);
  const lossless = [result.ingest, result.pipe, result.forward, result.delivery].every((stage) => lostShare(stage) <= 1 - LOSSLESS_SHARE) && result.shortConsumers === 0;
  console.log(`    worker CPU per consumer: ${fixed(totalCpu / (streams * consumersPerStream), 2)}% of a core; per 100 Mbit/s out: ${fixed((totalCpu / result.out.mbitPerSecond) * 100, 1)}% of a core`);
  console.log(`    outside the relay: ${streams} ffmpeg senders (-c:v copy) ${fixed(result.ffmpegCpuPercent, 1)}% CPU, RTP sink process ${fixed(result.sinkCpuPercent, 1)}% CPU`);
  console.log(`  nothing lost (< ${fixed((1 - LOSSLESS_SHARE) * 100)}% at every stage, every consumer served) — ${lossless ? 'yes' : 'NO'}`);
}
