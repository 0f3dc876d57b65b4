import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU time (s) and resident memory (MB) of a process, read from /proc. */
export function readProcess(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: (utime + stime) / TICKS_PER_SECOND, rssMb: rssKb / 1024 };
}
