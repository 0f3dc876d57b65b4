import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { historyWriter } from '../positions/position-store';
import { fix } from '../positions/test-support';
import { TeamService } from '../teams/team-service';
import { openStore, type Store } from './database';
import { parseInput } from '../validation';
import { TeamCreateSchema } from '../../shared/schemas/team';

let store: Store | null = null;
let dir: string | null = null;
afterEach(async () => {
  await store?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const teamInput = (name: string) => ({ name, kind: 'civil', leader: '甲', phone: '1', headcount: 1, capabilities: [], baseName: '基地', base: { lat: 29.44, lon: 121.87 }, township: null });

describe('SQLite background writer', () => {
  it('writes position history from its own thread while state changes commit on the main connection', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-bg-'));
    store = await openStore({ sqliteFile: path.join(dir, 'db.sqlite') });
    expect(store.background).not.toBeNull();
    const log = new EventLog(store.db);
    const transactor = new Transactor(store.db, log, new EventBus(0, (a, b) => log.readRange(a, b), (e) => { throw e; }));
    const teams = new TeamService(store.db, transactor);
    const write = historyWriter(store);

    const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 500 }, (_, i) => fix(`t${i}`, 1_000_000 + b * 1_000)));
    const [, created] = await Promise.all([
      Promise.all(batches.map((batch) => write(batch))),
      Promise.all(Array.from({ length: 30 }, (_, i) => teams.create(parseInput(TeamCreateSchema, teamInput(`队${i}`)), SYSTEM_ACTOR))),
    ]);
    await write(batches[0]!); // a resend of stored fixes is skipped, not an error

    expect(created).toHaveLength(30);
    const count = await store.db.selectFrom('positions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(20 * 500);
    expect(await log.currentSeq()).toBe(30);
  });

  it('refuses writes after close instead of losing them silently', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-bg-'));
    store = await openStore({ sqliteFile: path.join(dir, 'db.sqlite') });
    const write = historyWriter(store);
    await store.close();
    await expect(write([fix('t1', 1)])).rejects.toThrow(/closed/);
  });
});
