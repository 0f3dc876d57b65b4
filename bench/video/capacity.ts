import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup';
import { encodeClip } from './ffmpeg-source';
import { RelayLoad, type RelayLoadConfig, type Snapshot, type SocketDrops } from './relay-load';

export interface CapacityConfig extends RelayLoadConfig {
  kbps: number;
  warmUpMs: number;
  measureMs: number;
}

export interface Rate {
  packetsPerSecond: number;
  mbitPerSecond: number;
}

/** A stage of the path: how many packets should have passed, and how many did. */
export interface Stage {
  expected: number;
  passed: number;
}

export interface CapacityResult {
  seconds: number;
  workers: Array<{ index: number; pid: number; feeds: number; consumers: number; cpuPercent: number; rssMb: number }>;
  pipedFeeds: number;
  in: Rate;
  /** Sent by the workers' consumers, by their own count. */
  out: Rate;
  /** Received by the RTP sinks. */
  received: Rate;
  /** ffmpeg → producers (sequence gaps the producers counted). */
  ingest: Stage;
  /** Feed producer → its pipe copy on the other worker. */
  pipe: Stage;
  /** Producer (or pipe copy) → each consumer's sent packets. */
  forward: Stage;
  /**
   * Consumers → sinks: on loopback a datagram is lost only when the receiving socket's buffer is full,
   * which the kernel counts exactly (the sinks' own counts are read a little later than the workers').
   */
  delivery: Stage;
  /** Consumers that sent less than 99% of what their producer received. */
  shortConsumers: number;
  ffmpegCpuPercent: number;
  sinkCpuPercent: number;
  socketDrops: SocketDrops;
}

const CLIP_SECONDS = 10;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function figures(load: RelayLoad, before: Snapshot, after: Snapshot): CapacityResult {
  const seconds = (after.atMs - before.atMs) / 1000;
  const rate = (packets: number, bytes: number): Rate => ({ packetsPerSecond: packets / seconds, mbitPerSecond: (bytes * 8) / seconds / 1e6 });
  const delta = (a: number[], b: number[]) => b.map((v, i) => v - (a[i] ?? 0));
  const expected = delta(before.expectedPerConsumer, after.expectedPerConsumer);
  const sent = delta(before.sentPerConsumer, after.sentPerConsumer);
  const sinkPackets = sum(delta(before.sinks.packets, after.sinks.packets));
  const inPackets = after.in.packets - before.in.packets;
  const placement = load.placement;
  return {
    seconds,
    workers: load.pool.all.map((worker, index) => ({
      index,
      pid: worker.pid,
      ...placement[index]!,
      cpuPercent: ((after.workerCpuMs[index]! - before.workerCpuMs[index]!) / 1000 / seconds) * 100,
      rssMb: after.workerRssMb[index]!,
    })),
    pipedFeeds: load.room.stats().pipedFeeds,
    in: rate(inPackets, after.in.bytes - before.in.bytes),
    out: rate(sum(sent), after.outBytes - before.outBytes),
    received: rate(sinkPackets, sum(delta(before.sinks.bytes, after.sinks.bytes))),
    ingest: { expected: inPackets + after.in.lost - before.in.lost, passed: inPackets },
    pipe: { expected: after.piped.origin - before.piped.origin, passed: after.piped.arrived - before.piped.arrived },
    forward: { expected: sum(expected), passed: sum(sent) },
    delivery: { expected: sum(sent), passed: sum(sent) - (after.socketDrops.sinks - before.socketDrops.sinks) },
    shortConsumers: sent.filter((n, i) => n < expected[i]! * 0.99).length,
    ffmpegCpuPercent: ((after.ffmpegCpuSeconds - before.ffmpegCpuSeconds) / seconds) * 100,
    sinkCpuPercent: ((after.sinkCpuSeconds - before.sinkCpuSeconds) / seconds) * 100,
    socketDrops: {
      ingest: after.socketDrops.ingest - before.socketDrops.ingest,
      pipes: after.socketDrops.pipes - before.socketDrops.pipes,
      sinks: after.socketDrops.sinks - before.socketDrops.sinks,
    },
  };
}

/**
 * Relay capacity in this process: `streams` looping H.264 camera streams from ffmpeg (copied, not
 * encoded) into the relay and `consumersPerStream` RTP sinks each, measured after a warm-up.
 */
export async function measureCapacity(config: CapacityConfig): Promise<CapacityResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-bench-video-'));
  const removeDir = onCleanup('the clip directory', () => rm(dir, { recursive: true, force: true }));
  const died: number[] = [];
  try {
    const encodingStarted = Date.now();
    const clip = await encodeClip(dir, CLIP_SECONDS, config.kbps);
    console.log(`  encoded a ${CLIP_SECONDS} s 1280x720 25 fps H.264 baseline clip at ${config.kbps} kbit/s in ${((Date.now() - encodingStarted) / 1000).toFixed(1)} s`);
    const load = await RelayLoad.start(config, clip, (index) => died.push(index));
    const stopLoad = onCleanup('the relay load (ffmpeg, workers, sinks)', () => load.close());
    try {
      console.log(`  ${config.streams} ffmpeg senders → ${config.workers} workers → ${config.streams * config.consumersPerStream} RTP sinks; warming up …`);
      await pause(config.warmUpMs);
      const before = await load.snapshot();
      await pause(config.measureMs);
      const after = await load.snapshot();
      if (died.length > 0) throw new Error(`mediasoup worker(s) ${died.join(', ')} died during the measurement`);
      if (after.in.packets === before.in.packets) throw new Error('no RTP from ffmpeg reached the relay');
      return figures(load, before, after);
    } finally {
      await stopLoad();
    }
  } finally {
    await removeDir();
  }
}
