import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { openTestServices, type TestServices } from '../positions/test-support';
import { DeviceService } from './device-service';

let services: TestServices;
afterEach(async () => services?.close());

describe.each([
  ['in memory, on the main connection', ':memory:'],
  ['in a file, through the background connection', 'file'],
] as const)('device telemetry %s', (_name, where) => {
  it('writes last-seen times and rejected counts of many devices in one flush, and adds up across flushes', async () => {
    services = await openTestServices(Date.now, where === 'file' ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tw-tele-')), 'db.sqlite') : ':memory:');
    await services.addTeam('t1');
    const devices = new DeviceService(services.store.db, services.transactor, Date.now, services.store.background);
    const registered = [];
    for (let i = 0; i < 450; i++) registered.push((await devices.register({ teamId: 't1', kind: 'osmand', name: `终端${i}` }, SYSTEM_ACTOR)).device);
    const seenAt = Date.UTC(2026, 7, 10, 2, 0, 0);
    registered.forEach((d, i) => devices.noteSeen(d.id, seenAt + i));
    devices.noteRejected(registered[0]!.id, 'future_timestamp');
    devices.noteRejected(registered[449]!.id, 'out_of_range');
    await devices.flush();
    devices.noteRejected(registered[0]!.id, 'too_old');
    await devices.flush();

    const rows = await services.store.db.selectFrom('devices').select(['id', 'last_seen_at', 'rejected_fixes', 'last_reject_reason']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(registered[0]!.id)).toMatchObject({ last_seen_at: new Date(seenAt).toISOString(), rejected_fixes: 2, last_reject_reason: 'too_old' });
    expect(byId.get(registered[449]!.id)).toMatchObject({ last_seen_at: new Date(seenAt + 449).toISOString(), rejected_fixes: 1, last_reject_reason: 'out_of_range' });
    expect(byId.get(registered[200]!.id)).toMatchObject({ last_seen_at: new Date(seenAt + 200).toISOString(), rejected_fixes: 0, last_reject_reason: null });
  });

  it('keeps the battery a device reported without a fix, its clock skew and its thinned fixes', async () => {
    services = await openTestServices(Date.now, where === 'file' ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tw-tele-')), 'db.sqlite') : ':memory:');
    await services.addTeam('t1');
    const devices = new DeviceService(services.store.db, services.transactor, Date.now, services.store.background);
    const [a, b] = [(await devices.register({ teamId: 't1', kind: 'osmand', name: 'A' }, SYSTEM_ACTOR)).device, (await devices.register({ teamId: 't1', kind: 'osmand', name: 'B' }, SYSTEM_ACTOR)).device];
    devices.noteSeen(a.id, Date.now(), 57);
    devices.noteClockSkew(a.id, 290_000);
    devices.noteThinned(a.id);
    devices.noteThinned(a.id);
    expect((await devices.list()).find((d) => d.id === a.id)).toMatchObject({ battery: 57, clockSkewMs: 290_000, thinnedFixes: 2 });
    await devices.flush();
    devices.noteThinned(a.id);
    devices.noteSeen(b.id, Date.now(), null);
    await devices.flush();
    const listed = await devices.list();
    expect(listed.find((d) => d.id === a.id)).toMatchObject({ battery: 57, clockSkewMs: 290_000, thinnedFixes: 3 });
    expect(listed.find((d) => d.id === b.id)).toMatchObject({ battery: null, clockSkewMs: null, thinnedFixes: 0 });
  });
});
