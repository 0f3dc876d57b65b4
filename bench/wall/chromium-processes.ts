import fs from 'node:fs';
import { readProcess } from '../positions/process-stats';

/** A Chromium process by its role: `browser`, `renderer`, `gpu-process`, `utility`, `zygote`, … */
export interface ChromiumProcess {
  pid: number;
  type: string;
}

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function typeOf(pid: number): string {
  try {
    // Chromium rewrites its children's command lines, joining the switches with spaces.
    const type = /--type=([\w-]+)/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    return type?.[1] ?? 'browser';
  } catch {
    return 'gone';
  }
}

/** Every Chromium process descending from this Node process (the browser playwright launched, its zygotes and children). */
export function chromiumProcesses(root = process.pid): ChromiumProcess[] {
  const pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: ChromiumProcess[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      let exe = '';
      try {
        exe = fs.readlinkSync(`/proc/${child}/exe`);
      } catch {
        // gone, or not ours to read
      }
      if (exe.includes('chrom')) out.push({ pid: child, type: typeOf(child) });
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** CPU seconds per process, for the processes alive now. */
export function cpuByPid(processes: readonly ChromiumProcess[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of processes) {
    try {
      out.set(p.pid, readProcess(p.pid).cpuSeconds);
    } catch {
      // exited since it was listed
    }
  }
  return out;
}

/** CPU used between two readings by the processes of one type, as % of one core over `seconds`. */
export function cpuPercentOf(type: string, processes: readonly ChromiumProcess[], before: Map<number, number>, after: Map<number, number>, seconds: number): number {
  let used = 0;
  for (const p of processes) {
    if (p.type !== type) continue;
    const a = before.get(p.pid);
    const b = after.get(p.pid);
    if (a !== undefined && b !== undefined) used += b - a;
  }
  return Math.round((used / seconds) * 100);
}
