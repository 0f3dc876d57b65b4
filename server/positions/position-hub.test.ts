import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fix } from '../../shared/schemas/position';
import { PositionHub } from './position-hub';
import { fix, openTestServices, silentLogger, type TestServices } from './test-support';

const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);

let services: TestServices;
let published: Fix[][];
let hub: PositionHub;

const countRows = async () => Number((await services.store.db.selectFrom('positions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeEach(async () => {
  services = await openTestServices(() => NOW);
  for (const id of ['t1', 't2', 't3']) await services.addTeam(id);
  published = [];
  hub = new PositionHub({ db: services.store.db, clock: () => NOW, publish: (fixes) => published.push(fixes), logger: silentLogger });
});
afterEach(async () => {
  await hub.close();
  await services.close();
});

describe('PositionHub', () => {
  it('keeps the fixes another instance took as its latest, without storing or publishing them again', async () => {
    const heard: string[] = [];
    hub.onFix((f) => heard.push(f.teamId));
    hub.accept(fix('t1', NOW - 5_000));
    hub.pushNow();
    published = [];
    hub.mergeRemote([{ ...fix('t2', NOW - 2_000), heardAt: NOW - 1_000 }, fix('t1', NOW - 60_000)]);
    expect(hub.latestFor('t2')).toMatchObject({ t: NOW - 2_000, heardAt: NOW - 1_000 });
    // An older fix from elsewhere does not move a team back.
    expect(hub.latestFor('t1')?.t).toBe(NOW - 5_000);
    expect(heard).toEqual(['t1', 't2']);
    hub.pushNow();
    await hub.flush();
    expect(published).toEqual([]);
    expect(await countRows()).toBe(1);
  });

  it('coalesces many fixes into one publish per tick with the latest fix per team', () => {
    for (let i = 0; i < 50; i += 1) {
      hub.accept(fix('t1', NOW - 50_000 + i * 1000, { lat: 29 + i / 1000 }));
      hub.accept(fix('t2', NOW - 50_000 + i * 1000));
    }
    hub.pushNow();
    expect(published).toHaveLength(1);
    expect(published[0]?.map((f) => [f.teamId, f.t]).sort()).toEqual([
      ['t1', NOW - 1000],
      ['t2', NOW - 1000],
    ]);
    expect(published[0]?.find((f) => f.teamId === 't1')?.lat).toBeCloseTo(29.049, 6);
    hub.pushNow();
    expect(published).toHaveLength(1);
    hub.accept(fix('t3', NOW));
    hub.pushNow();
    expect(published[1]?.map((f) => f.teamId)).toEqual(['t3']);
  });

  it('stores late fixes without publishing them or moving the latest', async () => {
    expect(hub.accept(fix('t1', NOW))).toBe('live');
    hub.pushNow();
    expect(hub.accept(fix('t1', NOW - 5_000, { lat: 28 }))).toBe('late');
    expect(hub.accept(fix('t1', NOW, { lat: 28 }))).toBe('late');
    hub.pushNow();
    expect(published).toHaveLength(1);
    expect(hub.latestFor('t1')).toMatchObject({ t: NOW, lat: 29.47 });
    expect(hub.accept(fix('t1', NOW - 1_001, { deviceId: 'second-phone' }))).toBe('late');
    // A whole-second stamp from another device is not ordered against a millisecond one.
    expect(hub.accept(fix('t1', NOW - 500, { deviceId: 'second-phone', lat: 29.5 }))).toBe('live');
    expect(hub.latestFor('t1')?.lat).toBe(29.5);
    await hub.flush();
    expect(await countRows()).toBe(4);
  });

  it('tells live-fix listeners, not late ones', () => {
    const heard: number[] = [];
    const stop = hub.onFix((f) => heard.push(f.t));
    hub.accept(fix('t1', NOW - 2_000));
    hub.accept(fix('t1', NOW - 3_000));
    hub.accept(fix('t1', NOW));
    stop();
    hub.accept(fix('t1', NOW + 1_000));
    expect(heard).toEqual([NOW - 2_000, NOW]);
  });

  it('writes buffered history in chunks and stores a resent fix once', async () => {
    for (let i = 0; i < 1_234; i += 1) hub.accept(fix('t1', NOW - 2_000_000 + i * 1000));
    hub.accept(fix('t1', NOW - 2_000_000));
    expect(hub.bufferedRows).toBe(1_235);
    await hub.flush();
    expect(hub.bufferedRows).toBe(0);
    expect(await countRows()).toBe(1_234);
    hub.accept(fix('t1', NOW - 2_000_000));
    await hub.flush();
    expect(await countRows()).toBe(1_234);
  });

  it('keeps rows when a flush fails and writes them on the next one', async () => {
    hub.accept(fix('t1', NOW - 1_000));
    await sql`alter table positions rename to positions_away`.execute(services.store.db);
    await hub.flush();
    expect(hub.bufferedRows).toBe(1);
    hub.accept(fix('t1', NOW));
    await sql`alter table positions_away rename to positions`.execute(services.store.db);
    await hub.flush();
    expect(hub.bufferedRows).toBe(0);
    expect(await countRows()).toBe(2);
  });

  it('flushes on close, once, and ignores fixes after it', async () => {
    hub.accept(fix('t1', NOW));
    await Promise.all([hub.close(), hub.close()]);
    expect(await countRows()).toBe(1);
    expect(hub.accept(fix('t1', NOW + 1))).toBe('late');
  });

  it('loads the latest stored fix of every team at boot', async () => {
    hub.accept(fix('t1', NOW - 60_000));
    hub.accept(fix('t1', NOW - 30_000, { lat: 29.5 }));
    hub.accept(fix('t1', NOW - 90_000));
    hub.accept(fix('t2', NOW - 10_000, { deviceId: 'other' }));
    hub.accept(fix('gone', NOW - 10_000));
    await hub.flush();
    const fresh = new PositionHub({ db: services.store.db, clock: () => NOW, publish: () => {}, logger: silentLogger });
    await fresh.loadLatest();
    expect(fresh.latest().map((f) => [f.teamId, f.t, f.lat]).sort()).toEqual([
      ['t1', NOW - 30_000, 29.5],
      ['t2', NOW - 10_000, 29.47],
    ]);
    await fresh.close();
  });

  it('serves trails and tracks from the table and the unwritten buffer, ascending and without repeats', async () => {
    hub.accept(fix('t1', NOW - 40 * 60_000));
    hub.accept(fix('t1', NOW - 20 * 60_000, { lon: 121.1 }));
    hub.accept(fix('t2', NOW - 10 * 60_000, { lon: 121.2 }));
    await hub.flush();
    hub.accept(fix('t1', NOW - 5 * 60_000, { lon: 121.3 }));
    hub.accept(fix('t1', NOW - 25 * 60_000, { lon: 121.4 }));
    hub.accept(fix('t1', NOW - 20 * 60_000, { lon: 121.1 }));
    const trails = await hub.trails(NOW - 30 * 60_000);
    expect(trails).toEqual({
      t1: [
        [121.4, 29.47, NOW - 25 * 60_000],
        [121.1, 29.47, NOW - 20 * 60_000],
        [121.3, 29.47, NOW - 5 * 60_000],
      ],
      t2: [[121.2, 29.47, NOW - 10 * 60_000]],
    });
    const track = await hub.track('t1', NOW - 60 * 60_000, NOW, 3);
    expect(track.map((f) => f.t)).toEqual([NOW - 25 * 60_000, NOW - 20 * 60_000, NOW - 5 * 60_000]);
    expect((await hub.track('t1', NOW - 60 * 60_000, NOW - 30 * 60_000, 100)).map((f) => f.t)).toEqual([NOW - 40 * 60_000]);
  });

  it('publishes on its own timer once started', async () => {
    hub.start();
    hub.accept(fix('t1', NOW));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(published).toHaveLength(1);
  });
});
