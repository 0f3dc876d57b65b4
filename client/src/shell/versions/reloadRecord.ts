/**
 * What the self-reloads of this tab were for, in sessionStorage (it lives as long as the tab, across reloads):
 * after one, the page says it was updated; a page that was reloaded towards a build and still runs another
 * does not reload by itself again for a while (no loop: a rolling upgrade serves two builds at once), and the
 * builds it left are never reloaded back to.
 */
const KEY = 'tidewatch:version-reload';
/** Enough for any upgrade a tab lives through; the oldest are forgotten first. */
const LEFT_KEPT = 8;

type RecordStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface ReloadRecord {
  from: string;
  to: string;
  /** The page after the reload has said "updated". */
  announced: boolean;
  /** Builds this tab reloaded away from, oldest first. */
  left: string[];
  /** When this tab last reloaded for a build, by itself or by hand (ms since the epoch). */
  at: number | null;
}

export function readReloadRecord(storage: RecordStorage | undefined = globalThis.sessionStorage): ReloadRecord | null {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<ReloadRecord> | null;
    if (!value || typeof value.from !== 'string' || typeof value.to !== 'string') return null;
    // A record written by a build before `left` and `at` still names the build it left.
    const left = Array.isArray(value.left) ? value.left.filter((b): b is string => typeof b === 'string') : [value.from];
    const at = typeof value.at === 'number' && Number.isFinite(value.at) ? value.at : null;
    return { from: value.from, to: value.to, announced: value.announced === true, left, at };
  } catch {
    return null;
  }
}

/** The record of a reload from `from` towards `to` at `now`, following `previous` (a build reloaded to is no longer left). */
export function nextReloadRecord(previous: ReloadRecord | null, reload: { from: string; to: string; now: number }): ReloadRecord {
  const left = [...(previous?.left ?? []).filter((b) => b !== reload.from && b !== reload.to), reload.from].slice(-LEFT_KEPT);
  return { from: reload.from, to: reload.to, announced: false, left, at: reload.now };
}

export function writeReloadRecord(record: ReloadRecord, storage: RecordStorage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(record));
  } catch {
    // private mode: the page still reloads, it just cannot say so afterwards
  }
}
