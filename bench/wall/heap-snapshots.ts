import { createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { compareSnapshots, indexSnapshot } from './heap-analysis';
import { readHeapSnapshot } from './heap-snapshot-parser';

/**
 * `BENCH_WALL_HEAP_SNAPSHOTS=1`: a heap snapshot of the wall page early and late in the measured window
 * (each after a forced full GC, so only what the page still holds), written to files and compared: the
 * heap used before and after the GC, the object groups that grew most, and the chains that hold them.
 * Taking one stops the page for seconds: take the other figures from runs without it. Build the client
 * unminified (`npx vite build --minify false`) to read constructor and function names.
 * Compare two saved snapshots again with `npx tsx bench/wall/heap-snapshots.ts early.heapsnapshot late.heapsnapshot`.
 */
export interface HeapSnapshotTaken {
  file: string;
  /** JS heap used just before the forced GC, and just after (MB). */
  usedBeforeGcMb: number;
  usedAfterGcMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

export const heapSnapshotsDir = () => mkdtempSync(path.join(os.tmpdir(), 'bench-wall-heap-'));

export async function takeHeapSnapshot(page: Page, file: string): Promise<HeapSnapshotTaken> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const out = createWriteStream(file);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => out.write(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await cdp.send('HeapProfiler.disable');
    return { file, usedBeforeGcMb: mb(before), usedAfterGcMb: mb(after) };
  } finally {
    await cdp.detach();
  }
}

/** Reads two snapshot files and prints what grew between them. */
export async function compareSnapshotFiles(early: string, late: string): Promise<string> {
  const first = indexSnapshot(await readHeapSnapshot(early));
  const last = indexSnapshot(await readHeapSnapshot(late));
  return compareSnapshots(first, last);
}

export function describeSnapshots(early: HeapSnapshotTaken, late: HeapSnapshotTaken, atSeconds: [number, number]): string {
  return [
    `  JS heap used early (${atSeconds[0]} s) / late (${atSeconds[1]} s): before a forced GC ${early.usedBeforeGcMb} / ${late.usedBeforeGcMb} MB, after it ${early.usedAfterGcMb} / ${late.usedAfterGcMb} MB`,
    `  snapshots: ${early.file} ${late.file}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [early, late] = process.argv.slice(2);
  if (!early || !late) {
    console.error('usage: npx tsx bench/wall/heap-snapshots.ts early.heapsnapshot late.heapsnapshot');
    process.exit(2);
  }
  compareSnapshotFiles(early, late).then(
    (text) => console.log(text),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
