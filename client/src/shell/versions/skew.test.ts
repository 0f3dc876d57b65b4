import { describe, expect, it } from 'vitest';
import { nextReloadRecord, readReloadRecord, writeReloadRecord, type ReloadRecord } from './reloadRecord';
import { outboxHoldsUnsent, type OutboxView } from './reloadSafety';
import { DESK_IDLE_MS, RELOAD_COOLDOWN_MS, TOUCH_IDLE_MS, decide, isBehind, isCoolingDown, screenKindOf, standingOf, type Build, type DecideInput } from './skew';

const input = (over: Partial<DecideInput>): DecideInput => ({ kind: 'tablet', behind: true, safe: true, idleMs: TOUCH_IDLE_MS, coolingDown: false, ...over });
const OLD: Build = { id: '0.1.0-old', builtAt: '2026-12-07T10:00:00.000Z' };
const NEW: Build = { id: '0.1.0-new', builtAt: '2026-12-07T12:00:00.000Z' };
const untimed = (b: Build): Build => ({ ...b, builtAt: null });

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe('version skew', () => {
  it('moves only to a newer build: an older one (an instance not yet upgraded) or one this tab left is never reloaded to', () => {
    expect(standingOf(OLD, NEW, [])).toBe('newer');
    expect(standingOf(NEW, OLD, [])).toBe('older');
    expect(standingOf(NEW, NEW, [])).toBe('same');
    expect(standingOf(NEW, null, [])).toBe('same');
    // Without build times (a server from before them) any other build is newer, unless this tab left it.
    expect(standingOf(untimed(NEW), untimed(OLD), [])).toBe('newer');
    expect(standingOf(untimed(NEW), untimed(OLD), [OLD.id])).toBe('older');
    expect(standingOf(NEW, untimed(OLD), [OLD.id])).toBe('older');
  });

  it('is behind when the server serves a newer build or refused this client as too old; unknown is not behind', () => {
    expect(isBehind({ own: OLD, server: NEW, left: [], refused: false })).toBe(true);
    expect(isBehind({ own: NEW, server: OLD, left: [], refused: false })).toBe(false);
    expect(isBehind({ own: OLD, server: OLD, left: [], refused: false })).toBe(false);
    expect(isBehind({ own: OLD, server: null, left: [], refused: false })).toBe(false);
    expect(isBehind({ own: OLD, server: OLD, left: [], refused: true })).toBe(true);
  });

  it('a kiosk or tablet reloads by itself only when nothing is unsent, no form is open and no finger is on it', () => {
    for (const kind of ['kiosk', 'tablet'] as const) {
      expect(decide(input({ kind }))).toBe('reload');
      expect(decide(input({ kind, safe: false }))).toBe('wait');
      expect(decide(input({ kind, idleMs: 2_000 }))).toBe('wait');
      expect(decide(input({ kind, behind: false }))).toBe('none');
    }
  });

  it('a desk offers the reload while in use and reloads by itself once idle and safe', () => {
    expect(decide(input({ kind: 'desk', idleMs: 1_000 }))).toBe('offer');
    expect(decide(input({ kind: 'desk', idleMs: DESK_IDLE_MS }))).toBe('reload');
    expect(decide(input({ kind: 'desk', idleMs: DESK_IDLE_MS, safe: false }))).toBe('offer');
  });

  it('within ten minutes of a reload it does not reload by itself again, but still offers the button', () => {
    for (const kind of ['kiosk', 'tablet', 'desk'] as const) expect(decide(input({ kind, idleMs: DESK_IDLE_MS, coolingDown: true }))).toBe('offer');
    const at = Date.parse('2026-12-07T12:00:00Z');
    expect(isCoolingDown(at, at + 1_000)).toBe(true);
    expect(isCoolingDown(at, at + RELOAD_COOLDOWN_MS - 1)).toBe(true);
    expect(isCoolingDown(at, at + RELOAD_COOLDOWN_MS)).toBe(false);
    expect(isCoolingDown(null, at)).toBe(false);
    // A clock set back does not hold the screen off for good.
    expect(isCoolingDown(at, at - 60_000)).toBe(false);
    expect(RELOAD_COOLDOWN_MS).toBe(10 * 60_000);
  });

  it('knows each screen by its route', () => {
    expect(['wall', 'field', 'desk', 'admin', 'login'].map(screenKindOf)).toEqual(['kiosk', 'tablet', 'desk', 'desk', 'desk']);
  });
});

describe('a wall through a rolling upgrade (two builds behind the proxy)', () => {
  /** One tab: what it runs, what its reconnects hear, what it does (the watch's decision, step by step). */
  function wall(start: Build, storage = new MemoryStorage()) {
    let own = start;
    let reloads = 0;
    return {
      get own() {
        return own;
      },
      get reloads() {
        return reloads;
      },
      /** The screen hears `server` at `now`; a reload lands on `lands` (whichever instance answers the page). */
      hear(server: Build, now: number, lands: Build): void {
        const record = readReloadRecord(storage);
        const behind = isBehind({ own, server, left: record?.left ?? [], refused: false });
        const action = decide({ kind: 'kiosk', behind, safe: true, idleMs: TOUCH_IDLE_MS, coolingDown: isCoolingDown(record?.at ?? null, now) });
        if (action !== 'reload') return;
        writeReloadRecord(nextReloadRecord(record, { from: own.id, to: server.id, now }), storage);
        reloads += 1;
        own = lands;
      },
    };
  }

  it('reloads once to the new build and does not bounce back whichever instance it reaches', () => {
    for (const timed of [true, false]) {
      const [old, next] = timed ? [OLD, NEW] : [untimed(OLD), untimed(NEW)];
      const screen = wall(old);
      const t0 = Date.parse('2026-12-07T12:00:00Z');
      screen.hear(next, t0, next);
      expect(screen.own).toBe(next);
      // Reconnects alternate between an old and an upgraded instance for half an hour.
      for (let k = 1; k <= 60; k++) screen.hear(k % 2 ? old : next, t0 + k * 30_000, k % 2 ? old : next);
      expect(screen.reloads, timed ? 'with build times' : 'without build times').toBe(1);
      expect(screen.own).toBe(next);
    }
  });

  it('a reload that landed on an old instance is not repeated for ten minutes, then it tries once more', () => {
    const screen = wall(OLD);
    const t0 = Date.parse('2026-12-07T12:00:00Z');
    screen.hear(NEW, t0, OLD);
    expect(screen.reloads).toBe(1);
    for (let k = 1; k < 20; k++) screen.hear(NEW, t0 + k * 30_000, OLD);
    expect(screen.reloads).toBe(1);
    screen.hear(NEW, t0 + RELOAD_COOLDOWN_MS, NEW);
    expect(screen.reloads).toBe(2);
    expect(screen.own).toBe(NEW);
    screen.hear(OLD, t0 + 2 * RELOAD_COOLDOWN_MS, OLD);
    expect(screen.reloads).toBe(2);
  });

  it('the record keeps the builds left (a record from an older client names the one it left), but not the one reloaded to', () => {
    const storage = new MemoryStorage();
    storage.setItem('tidewatch:version-reload', JSON.stringify({ from: 'a', to: 'b', announced: true }));
    const legacy = readReloadRecord(storage);
    expect(legacy).toEqual<ReloadRecord>({ from: 'a', to: 'b', announced: true, left: ['a'], at: null });
    const back = nextReloadRecord(nextReloadRecord(legacy, { from: 'b', to: 'c', now: 1 }), { from: 'c', to: 'a', now: 2 });
    expect(back).toMatchObject({ from: 'c', to: 'a', announced: false, left: ['b', 'c'], at: 2 });
  });
});

describe('an outbox that holds unsent items', () => {
  const view = (over: Partial<OutboxView>): OutboxView => ({ pending: [], failed: [], durable: true, ready: true, ...over });

  it('holds a tablet back from reloading by itself while anything waits, or its queue is not read yet', () => {
    expect(outboxHoldsUnsent(view({}), true)).toBe(false);
    expect(outboxHoldsUnsent(view({ pending: [{}] }), true)).toBe(true);
    expect(outboxHoldsUnsent(view({ pending: [{}] }), false)).toBe(true);
    expect(outboxHoldsUnsent(view({ ready: false }), true)).toBe(true);
    expect(outboxHoldsUnsent(view({ ready: false }), false)).toBe(false);
    // Refused items stay in IndexedDB through a reload; in a page-only queue they would vanish unseen.
    expect(outboxHoldsUnsent(view({ failed: [{}] }), true)).toBe(false);
    expect(outboxHoldsUnsent(view({ failed: [{}], durable: false }), true)).toBe(true);
  });
});
