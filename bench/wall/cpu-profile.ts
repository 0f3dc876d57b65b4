import type { CDPSession, Page } from 'playwright-core';

/**
 * `BENCH_WALL_PROFILE=1`: a CPU profile of the wall page (Chromium's sampling profiler over the DevTools
 * protocol) taken over the measured window, summed up as where the main thread's time went. The profiler
 * costs time itself: take figures from runs without it. Build the client unminified
 * (`npx vite build --minify false`) to read function names.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export async function startCpuProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}

const keyOf = (n: ProfileNode) => {
  const file = n.callFrame.url.split('/').pop() || '(native)';
  return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
};

/** Stops the profiler and prints the top functions by self time and by total time (recursion counted once). */
export async function stopCpuProfile(cdp: CDPSession, top = 25): Promise<string> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  const wall = (profile.endTime - profile.startTime) / 1000;
  const idle = [...self].filter(([k]) => k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
  const lines = [`  CPU profile: ${(wall / 1000).toFixed(1)} s, busy ${(((wall - idle) / wall) * 100).toFixed(0)} %`];
  const list = (title: string, map: Map<string, number>) => {
    lines.push(`  ${title}`);
    for (const [k, v] of [...map].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, top)) {
      lines.push(`    ${((v / wall) * 100).toFixed(1).padStart(5)} %  ${k}`);
    }
  };
  list('self time', self);
  list('total time', total);
  return lines.join('\n');
}

interface TraceEvent {
  name: string;
  ph: string;
  /** Start, µs. */
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not stretched when other processes hold the cores. */
  tdur?: number;
  args?: { name?: string };
}

/** `BENCH_WALL_TRACE=1`: Chromium's timeline trace over the measured window (what the main thread did, native work included). */
export async function startTrace(page: Page): Promise<{ cdp: CDPSession; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,gpu,skia,v8', transferMode: 'ReportEvents' });
  return { cdp, events };
}

/** Stops the trace and prints, for the renderer's main thread, the total duration of each kind of event (nested ones counted in their parents too). */
export async function stopTrace(trace: { cdp: CDPSession; events: TraceEvent[] }, seconds: number, top = 30): Promise<string> {
  const done = new Promise<void>((resolve) => trace.cdp.once('Tracing.tracingComplete', () => resolve()));
  await trace.cdp.send('Tracing.end');
  await done;
  await trace.cdp.detach();
  const main = trace.events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map<string, number>();
  for (const e of trace.events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  // Tasks by the main thread's own CPU time: what the page would cost on a machine of its own.
  const tasks = trace.events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined).map((e) => e.tdur! / 1000);
  const long = tasks.filter((ms) => ms > 50);
  const cpuMs = tasks.reduce((a, b) => a + b, 0);
  const lines = [
    `  main thread CPU (thread time, not stretched by other processes): busy ${((cpuMs / (seconds * 1000)) * 100).toFixed(0)} %, tasks over 50 ms ${((long.reduce((a, b) => a + b, 0) / (seconds * 1000)) * 100).toFixed(0)} % of the time (${long.length}), longest ${Math.round(Math.max(0, ...tasks))} ms`,
    `  trace of the renderer's main thread over ${seconds.toFixed(0)} s (share of the time, nested events counted in their parents too):`,
  ];
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${((ms / (seconds * 1000)) * 100).toFixed(1).padStart(5)} %  ${name}`);
  lines.push(...longestTasks(trace.events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)));
  return lines.join('\n');
}

/** The five longest main-thread tasks, each with what ran inside it (nested events summed by name): a GC, a draw, a parse. */
function longestTasks(events: TraceEvent[]): string[] {
  const tasks = events.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur! - a.dur!).slice(0, 5);
  const lines = ['  longest main-thread tasks (wall ms / thread ms), and the events inside each (ms, nested ones counted in their parents too):'];
  for (const task of tasks) {
    const inside = new Map<string, number>();
    for (const e of events) {
      if (e === task || e.ts < task.ts || e.ts + e.dur! > task.ts + task.dur!) continue;
      inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur! / 1000);
    }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => `${name} ${Math.round(ms)}`);
    lines.push(`    ${Math.round(task.dur! / 1000)} / ${Math.round((task.tdur ?? 0) / 1000)} ms: ${top.join(', ')}`);
  }
  return lines;
}
