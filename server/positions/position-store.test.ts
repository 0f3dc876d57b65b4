import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db/database';
import { historyWriter, insertFixes, selectTrack } from './position-store';
import { fix } from './test-support';

let store: Store | null = null;
let dir: string | null = null;
afterEach(async () => {
  await store?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('insertFixes durability', () => {
  it('relaxes the disk sync only for the history write: state changes after it are fully synced again', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-store-'));
    store = await openStore({ sqliteFile: path.join(dir, 'db.sqlite') });
    const synchronous = async () => (await sql<{ synchronous: number }>`pragma synchronous`.execute(store!.db)).rows[0]?.synchronous;
    expect(await synchronous()).toBe(2); // FULL
    await insertFixes(store.db, [fix('t1', 1_000), fix('t1', 2_000), fix('t1', 2_000)]);
    expect(await synchronous()).toBe(2);
    expect(await store.db.selectFrom('positions').select('t').orderBy('t').execute()).toEqual([{ t: 1_000 }, { t: 2_000 }]);
  });
});

describe('historyWriter on a SQLite file', () => {
  it('stores every value of a fix where the track reads it back, through the background connection', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-store-'));
    store = await openStore({ sqliteFile: path.join(dir, 'db.sqlite') });
    expect(store.background).not.toBeNull();
    const written = [
      fix('t1', 1_000, { lat: 29.41, lon: 121.81, speed: 3.5, heading: 270, accuracy: 7, altitude: 12.5, battery: 64 }),
      fix('t1', 2_000, { lat: 29.42, lon: 121.82, speed: null, heading: null, accuracy: null, altitude: null, battery: null }),
    ];
    await historyWriter(store)(written);
    expect(await selectTrack(store.db, 't1', 0, 10_000, 10)).toEqual(written);
  });
});
