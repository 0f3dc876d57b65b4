import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnitSilenceWatcher } from '../alarms/unit-silence-watcher';
import { PositionHub } from '../positions/position-hub';
import { fix, openTestServices, silentLogger, type TestServices } from '../positions/test-support';
import { IntervalJob, type JobLock } from './interval-job';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

/** A lock one holder at a time may take, as a PostgreSQL advisory lock would behave across instances. */
function sharedLock(): { lockFor(owner: string): JobLock; holder: () => string | null } {
  let holder: string | null = null;
  return {
    holder: () => holder,
    lockFor: (owner) => ({
      acquire: async () => {
        holder ??= owner;
        return holder === owner;
      },
      release: async () => {
        if (holder === owner) holder = null;
      },
    }),
  };
}

describe('IntervalJob', () => {
  afterEach(() => vi.useRealTimers());

  it('starts once however often started, runs every interval, and stops for good on close (twice is fine)', async () => {
    vi.useFakeTimers();
    let passes = 0;
    const job = new IntervalJob({ name: 'count', everyMs: 1_000, pass: async () => void passes++, whileRunning: 'join', logger: silentLogger });
    job.start();
    job.start();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(passes).toBe(4); // once at start, then three ticks
    await job.close();
    await job.close();
    job.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(passes).toBe(4);
    expect(await job.runNow()).toBeNull();
  });

  it('close waits for the running pass', async () => {
    const gate = deferred();
    const started = deferred();
    let finished = false;
    const job = new IntervalJob({ name: 'slow', everyMs: 60_000, pass: async () => { started.resolve(); await gate.promise; finished = true; }, whileRunning: 'join', logger: silentLogger });
    job.start();
    await started.promise;
    const closed = job.close();
    gate.resolve();
    await closed;
    expect(finished).toBe(true);
  });

  it('joins a running pass or queues one after it, as asked', async () => {
    for (const whileRunning of ['join', 'queue'] as const) {
      const gate = deferred();
      let passes = 0;
      const job = new IntervalJob({ name: whileRunning, everyMs: 60_000, pass: async () => { passes++; await gate.promise; return passes; }, whileRunning, logger: silentLogger });
      const first = job.runNow();
      const second = job.runNow();
      gate.resolve();
      expect([await first, await second]).toEqual(whileRunning === 'join' ? [1, 1] : [1, 2]);
      await job.close();
    }
  });

  it('logs a failed pass and runs the next one', async () => {
    const error = vi.spyOn(silentLogger, 'error');
    let calls = 0;
    const job = new IntervalJob({ name: 'flaky', everyMs: 60_000, pass: async () => { if (++calls === 1) throw new Error('boom'); return calls; }, whileRunning: 'queue', logger: silentLogger });
    expect(await job.runNow()).toBeNull();
    expect(await job.runNow()).toBe(2);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
    await job.close();
  });

  it('runs only on the instance holding the lock, and hands the lock over on close', async () => {
    const lock = sharedLock();
    const ran: string[] = [];
    const jobOf = (owner: string) => new IntervalJob({ name: 'owned', everyMs: 60_000, pass: async () => void ran.push(owner), whileRunning: 'queue', lock: lock.lockFor(owner), logger: silentLogger });
    const a = jobOf('a');
    const b = jobOf('b');
    await a.runNow();
    await b.runNow();
    expect(ran).toEqual(['a']);
    await a.close();
    expect(lock.holder()).toBeNull();
    await b.runNow();
    expect(ran).toEqual(['a', 'b']);
    await b.close();
  });
});

describe('two owners of a watcher in sequence', () => {
  const START = Date.UTC(2025, 8, 15, 6, 0, 0);
  let now: number;
  let services: TestServices;
  let hub: PositionHub;
  beforeEach(async () => {
    now = START;
    services = await openTestServices(() => now);
    hub = new PositionHub({ db: services.store.db, clock: () => now, publish: () => {}, logger: silentLogger });
  });
  afterEach(async () => {
    await hub.close();
    await services.close();
  });

  it('raise a silent unit alarm once: the second owner picks up what the first fired', async () => {
    const lock = sharedLock();
    const watcherOf = (owner: string) =>
      new UnitSilenceWatcher({ hub, alarms: services.alarms, teamName: () => '丹东消防救援站', staleAfterMs: 120_000, clock: () => now, lock: lock.lockFor(owner), logger: silentLogger });
    hub.accept(fix('t1', now));
    now += 200_000;
    const first = watcherOf('first');
    const second = watcherOf('second');
    first.start();
    second.start();
    await first.checkNow();
    await second.checkNow();
    await first.close();
    now += 30_000;
    await second.checkNow();
    await second.checkNow();
    await second.close();
    const raised = (await services.log.readRange(1, 1_000)).filter((s) => s.event.type === 'alarm.raised');
    expect(raised).toHaveLength(1);
    expect(await services.alarms.listOpen()).toMatchObject([{ kind: 'unit_silent', sourceId: 't1' }]);
  });
});
