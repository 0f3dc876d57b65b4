import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PositionHub } from '../positions/position-hub';
import { fix, openTestServices, silentLogger, type TestServices } from '../positions/test-support';
import type { AlarmService } from './alarm-service';
import { UnitSilenceWatcher } from './unit-silence-watcher';

const START = Date.UTC(2025, 8, 15, 6, 0, 0);
const STALE = 120_000;

let now: number;
let services: TestServices;
let hub: PositionHub;
let watcher: UnitSilenceWatcher;
const names: Record<string, string> = { t1: '丹东消防救援站', t2: '石浦森林消防队', t3: '西周水域救援队' };

const build = (alarms: Pick<AlarmService, 'raise' | 'clear' | 'listOpen'> = services.alarms) =>
  new UnitSilenceWatcher({ hub, alarms, teamName: (id) => names[id], staleAfterMs: STALE, clock: () => now, logger: silentLogger });
const raisedEvents = async () => (await services.log.readRange(1, 1_000)).filter((s) => s.event.type === 'alarm.raised');

beforeEach(async () => {
  now = START;
  services = await openTestServices(() => now);
  hub = new PositionHub({ db: services.store.db, clock: () => now, publish: () => {}, logger: silentLogger });
  watcher = build();
});
afterEach(async () => {
  await watcher.close();
  await hub.close();
  await services.close();
});

describe('UnitSilenceWatcher', () => {
  it('raises unit_silent once when a reporting team falls silent, and clears it on a fresh fix', async () => {
    hub.accept(fix('t1', now));
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toEqual([]);

    now += STALE + 1_000;
    await watcher.checkNow();
    now += 30_000;
    await watcher.checkNow();
    const open = await services.alarms.listOpen();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'unit_silent', severity: 'warning', sound: 'once', sourceType: 'team', sourceId: 't1', params: { teamName: names.t1, lastSeenAt: new Date(START).toISOString() } });
    expect(await raisedEvents()).toHaveLength(1);

    watcher.start();
    hub.accept(fix('t1', now));
    await watcher.close();
    expect(await services.alarms.listOpen()).toEqual([]);
  });

  it('does not alarm for teams that never reported or went quiet more than six hours ago', async () => {
    hub.accept({ ...fix('t3', now - 7 * 3_600_000), receivedAt: now - 7 * 3_600_000 });
    now += 10 * STALE;
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toEqual([]);
  });

  it('clears when the phone uploads its backlog: an old position, but the unit is heard', async () => {
    hub.accept(fix('t1', now));
    now += 10 * 60_000;
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toHaveLength(1);
    watcher.start();
    hub.accept({ ...fix('t1', now - 5 * 60_000), receivedAt: now });
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toEqual([]);
  });

  it('does not call a unit silent while its device is heard without a fix (位置未更新, not 失联)', async () => {
    hub.accept(fix('t1', now));
    for (let i = 0; i < 5; i += 1) {
      now += STALE / 2;
      hub.heard('t1', now);
      await watcher.checkNow();
    }
    expect(await services.alarms.listOpen()).toEqual([]);
    expect(hub.latestFor('t1')).toMatchObject({ t: START, heardAt: now });
    now += STALE + 1_000;
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toMatchObject([{ kind: 'unit_silent', params: { lastSeenAt: new Date(now - STALE - 1_000).toISOString() } }]);
  });

  it('picks up alarms left open by a previous run and clears them when the team is back', async () => {
    hub.accept(fix('t2', now));
    await services.alarms.raise({ kind: 'unit_silent', severity: 'warning', sound: 'once', sourceType: 'team', sourceId: 't2', params: { teamName: names.t2!, lastSeenAt: null } });
    watcher.start();
    await watcher.checkNow();
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toEqual([]);
  });

  it('logs a failing alarm write and retries on the next check', async () => {
    let failures = 1;
    const flaky: Pick<AlarmService, 'raise' | 'clear' | 'listOpen'> = {
      raise: async (spec) => {
        if (failures-- > 0) throw new Error('database is locked');
        return services.alarms.raise(spec);
      },
      clear: (kind, sourceId) => services.alarms.clear(kind, sourceId),
      listOpen: () => services.alarms.listOpen(),
    };
    await watcher.close();
    watcher = build(flaky);
    hub.accept(fix('t1', now));
    now += STALE + 1;
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toEqual([]);
    await watcher.checkNow();
    expect(await services.alarms.listOpen()).toHaveLength(1);
  });
});
