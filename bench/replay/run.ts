import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { REPLAY_PAGE_STEPS } from '../../shared/schemas/replay';
import { login } from '../../server/testing/int-support';
import { REPO_ROOT, startServer } from '../../server/testing/server-process';
import { launchChromium, signIn } from '../../e2e/support/browser';
import { readProcess } from '../positions/process-stats';
import { startCpuProfile, stopCpuProfile } from '../wall/cpu-profile';
import { generate } from './generate';

/**
 * `npm run bench:replay`: a 24-hour window of BENCH_UNITS units reporting every 5 s (default 200 units over
 * BENCH_HOURS=2; the full scale is BENCH_UNITS=2000 BENCH_HOURS=24, ≈ 35 M fixes) replayed at ×600.
 * Prints the time to the first frame, the frames per second the server sends (resolution steps paged over
 * HTTP) and the browser draws (with the p99 gap between animation frames), the server's RSS, and the baseline:
 * the same window's rows read with one plain query. The generated store is cached under
 * artifacts/bench-replay/<units>u-<hours>h-5s-v<n>/ (BENCH_DATA_DIR to put it elsewhere) and reused by later runs.
 * BENCH_REPLAY_PROFILE=1 adds a CPU profile of the replay page over the measured seconds (see bench/wall/cpu-profile.ts).
 */
const UNITS = Number(process.env.BENCH_UNITS ?? '200');
const HOURS = Number(process.env.BENCH_HOURS ?? '2');
const SECONDS = Number(process.env.BENCH_SECONDS ?? '20');
const EVERY_SECONDS = 5;
const SPEED = 600;
/** Part of the cached store's key: bump it when generate() writes different rows. */
const GENERATOR_VERSION = 2;
/**
 * A reused store keeps its first admin, so every run signs in with the same password. Its fixes are dated 2025:
 * the housekeeping job would thin fixes older than POSITION_RETENTION_DAYS to one a minute at start-up (holding
 * the server for minutes and shrinking the window), so the bench's server keeps them all.
 */
const ADMIN_PASSWORD = 'Bench-replay-2025';
const RESOLUTION_MS = 60_000;
const START = Date.UTC(2025, 8, 15, 0, 0, 0);
const TARGETS = { firstFrameMs: 2_000, serverFps: 10, browserFps: 10, p99GapMs: 250 };

const iso = (ms: number) => new Date(ms).toISOString();
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0;

/** The generated store for these parameters, made once and reused: generation is most of a full-size run. */
async function cachedStore(): Promise<{ dataDir: string; file: string }> {
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(REPO_ROOT, 'artifacts', 'bench-replay', `${UNITS}u-${HOURS}h-${EVERY_SECONDS}s-v${GENERATOR_VERSION}`);
  const file = path.join(dataDir, 'tidewatch.sqlite');
  const ready = path.join(dataDir, 'generated');
  if (!existsSync(ready)) {
    await fs.mkdir(dataDir, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) await fs.rm(`${file}${suffix}`, { force: true });
    console.log(`generating ${UNITS} units × ${HOURS} h every ${EVERY_SECONDS} s into ${file}`);
    const t = Date.now();
    const rows = await generate({ file, units: UNITS, hours: HOURS, everySeconds: EVERY_SECONDS, start: START });
    console.log(`  ${rows.toLocaleString('en')} fixes in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    await fs.writeFile(ready, `${rows}\n`);
  } else console.log(`reusing ${file}`);
  return { dataDir, file };
}

async function main(): Promise<void> {
  const { dataDir, file } = await cachedStore();
  const end = START + HOURS * 3_600_000;
  // Baseline: the window's rows with one plain query, streamed (all at once would not fit in memory at full scale).
  const db = new Database(file, { readonly: true });
  let t = performance.now();
  let baselineRows = 0;
  for (const _ of db.prepare('select * from positions where t >= ? and t < ?').iterate(START, end)) baselineRows++;
  const baselineMs = performance.now() - t;
  db.close();

  const server = await startServer({ dataDir, env: { LOG_LEVEL: 'warn', ADMIN_PASSWORD, POSITION_RETENTION_DAYS: '100000' }, readyTimeoutMs: 120_000 });
  try {
    const token = await login(server.baseUrl, 'admin', server.adminPassword);
    const get = async (p: string) => {
      const res = await fetch(`${server.baseUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });
      return (await res.json()) as { ok: boolean; data: { next: string | null; tracks: { fixes: number[] } } };
    };
    // Server side: the scene, then pages at the ×600 resolution as fast as they come.
    t = performance.now();
    await get(`/api/replay/scene?at=${iso(START)}`);
    let page = await get(`/api/replay/page?from=${iso(START)}&to=${iso(end)}&resolutionMs=${RESOLUTION_MS}`);
    const firstFrameMs = performance.now() - t;
    let frames = REPLAY_PAGE_STEPS;
    let rssPeak = readProcess(server.pid!).rssMb;
    t = performance.now();
    while (page.data.next && performance.now() - t < SECONDS * 1000) {
      page = await get(`/api/replay/page?from=${page.data.next}&to=${iso(end)}&resolutionMs=${RESOLUTION_MS}`);
      frames += REPLAY_PAGE_STEPS;
      rssPeak = Math.max(rssPeak, readProcess(server.pid!).rssMb);
    }
    const serverFps = ((frames - REPLAY_PAGE_STEPS) / (performance.now() - t)) * 1000;

    // Browser side: the desk replays the window at ×600; frames drawn and the gaps between animation frames.
    const browser = await launchChromium();
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(desk, server.baseUrl, 'admin', server.adminPassword, /\/desk/);
    await desk.goto(`${server.baseUrl}/desk/review`);
    await desk.getByTestId('review-from').fill(new Date(START + 8 * 3_600_000).toISOString().slice(0, 16));
    await desk.getByTestId('review-to').fill(new Date(end + 8 * 3_600_000).toISOString().slice(0, 16));
    const clicked = performance.now();
    await desk.getByTestId('review-replay').click();
    await desk.waitForFunction(() => ((window as unknown as { __tidewatch?: { replayOnMap?: () => { units: unknown[] } } }).__tidewatch?.replayOnMap?.().units.length ?? 0) > 0, null, { timeout: 60_000 });
    const browserFirstFrameMs = performance.now() - clicked;
    await desk.getByTestId(`replay-speed-${SPEED}`).click();
    await desk.getByTestId('replay-play').click();
    const profiler = process.env.BENCH_REPLAY_PROFILE ? await startCpuProfile(desk) : null;
    // As text: tsx would wrap named functions in a helper the page does not have.
    const drawn = (await desk.evaluate(`(async () => {
      const hook = () => window.__tidewatch.replayOnMap();
      const gaps = [];
      const startFrames = hook().frames;
      const started = performance.now();
      let last = started;
      await new Promise((resolve) => {
        const step = (now) => {
          gaps.push(now - last);
          last = now;
          if (now - started < ${SECONDS * 1000}) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      return { frames: hook().frames - startFrames, seconds: (performance.now() - started) / 1000, gaps };
    })()`)) as { frames: number; seconds: number; gaps: number[] };
    const rssAfter = readProcess(server.pid!).rssMb;
    if (profiler) console.log(await stopCpuProfile(profiler));
    await browser.close();

    const browserFps = drawn.frames / drawn.seconds;
    const gapP99 = p99(drawn.gaps);
    const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
    console.log(`window: ${UNITS} units × ${HOURS} h, ${baselineRows.toLocaleString('en')} fixes; ×${SPEED}, resolution ${RESOLUTION_MS / 1000} s; load average ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`baseline (one plain query, streamed): ${baselineRows.toLocaleString('en')} rows in ${(baselineMs / 1000).toFixed(2)} s`);
    console.log(`time to first frame: server ${firstFrameMs.toFixed(0)} ms, browser ${browserFirstFrameMs.toFixed(0)} ms (target ≤ ${TARGETS.firstFrameMs}) ${ok(browserFirstFrameMs <= TARGETS.firstFrameMs)}`);
    console.log(`server frames/s: ${serverFps.toFixed(1)} (target ≥ ${TARGETS.serverFps}) ${ok(serverFps >= TARGETS.serverFps)}`);
    console.log(`browser frames/s: ${browserFps.toFixed(1)} drawn, p99 gap between animation frames ${gapP99.toFixed(0)} ms (targets ≥ ${TARGETS.browserFps}, < ${TARGETS.p99GapMs}) ${ok(browserFps >= TARGETS.browserFps && gapP99 < TARGETS.p99GapMs)}`);
    console.log(`server RSS: peak ${rssPeak.toFixed(0)} MB while paging, ${rssAfter.toFixed(0)} MB after the browser run`);
  } finally {
    await server.dispose();
  }
}

if (process.argv.includes('--generate-only')) await cachedStore();
else await main();
