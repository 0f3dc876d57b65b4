import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { TeamCreateSchema } from '../../shared/schemas/team';
import { AlarmService } from '../alarms/alarm-service';
import { openStore, type Store } from '../db/database';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { TEAM_INPUT } from '../testing/int-support';
import { TeamService } from '../teams/team-service';
import { parseInput } from '../validation';
import { WallLayoutService } from '../wall/wall-layout-service';
import { SnapshotService } from './snapshot-service';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidewatch-snapshot-'));
  store = await openStore({ sqliteFile: path.join(dir, 'tidewatch.sqlite') });
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('snapshots on a SQLite file', () => {
  it('are read on their own connection: a board resyncs while a long write holds the writer', async () => {
    const log = new EventLog(store.db);
    const transactor = new Transactor(store.db, log, new EventBus(await log.currentSeq(), (from, to) => log.readRange(from, to), () => {}));
    const team = await new TeamService(store.db, transactor).create(parseInput(TeamCreateSchema, TEAM_INPUT), SYSTEM_ACTOR);
    const snapshots = new SnapshotService(store.readDb, store.dialect, log, new AlarmService(store.db, transactor), new WallLayoutService(store.db, transactor), { readDevices: async () => [] });

    let releaseWrite!: () => void;
    const writeHeld = new Promise<void>((resolve) => (releaseWrite = resolve));
    let writing!: () => void;
    const writeStarted = new Promise<void>((resolve) => (writing = resolve));
    const write = store.db.transaction().execute(async (tx) => {
      await tx.updateTable('teams').set({ name: '改名中' }).where('id', '=', team.id).execute();
      writing();
      await writeHeld;
    });
    await writeStarted;
    // On the writer's connection this would wait for the write, which waits for this: the test would hang.
    const snapshot = await snapshots.build({ userId: 'w', username: 'wall-1', displayName: '大屏', role: 'wall', teamId: null, sessionId: 's', expiresAt: '2099-01-01T00:00:00Z' });
    expect(snapshot.teams.find((t) => t.id === team.id)?.name).toBe(TEAM_INPUT.name); // the committed state only
    expect(snapshot.seq).toBe(await log.currentSeq(store.readDb));
    releaseWrite();
    await write;
  });
});
