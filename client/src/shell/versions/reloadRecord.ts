/**
 * What the last self-reload of this tab was for, in sessionStorage: after it, the page says it was updated,
 * and a page that was reloaded towards a build and still runs another never reloads again (no loop).
 */
const KEY = 'tidewatch:version-reload';

export interface ReloadRecord {
  from: string;
  to: string;
  /** The page after the reload has said "updated". */
  announced: boolean;
}

export function readReloadRecord(storage: Storage | undefined = globalThis.sessionStorage): ReloadRecord | null {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<ReloadRecord> | null;
    return value && typeof value.from === 'string' && typeof value.to === 'string' ? { from: value.from, to: value.to, announced: value.announced === true } : null;
  } catch {
    return null;
  }
}

export function writeReloadRecord(record: ReloadRecord, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(record));
  } catch {
    // private mode: the page still reloads, it just cannot say so afterwards
  }
}
