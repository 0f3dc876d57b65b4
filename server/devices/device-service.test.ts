import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { DEVICE_ROUTES } from '../../shared/routes/devices';
import { openTestServices, type TestServices } from '../positions/test-support';
import { sha256Hex } from './credentials';
import { DeviceService } from './device-service';

const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);

let services: TestServices;
let devices: DeviceService;

beforeEach(async () => {
  services = await openTestServices(() => NOW);
  await services.addTeam('t1');
  devices = new DeviceService(services.store.db, services.transactor, () => NOW);
});
afterEach(async () => {
  await services.close();
});

const row = (id: string) => services.store.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('DeviceService', () => {
  it('registers the identifier a tracker already uses (an IMEI) when the admin asks, once only', async () => {
    const credentials = await devices.register({ teamId: 't1', kind: 'osmand', name: '车载终端', identifier: '865432109876543' }, SYSTEM_ACTOR);
    expect(credentials.osmandId).toBe('865432109876543');
    expect(await devices.resolveOsmand('865432109876543')).toMatchObject({ deviceId: credentials.device.id });
    expect(JSON.stringify(await row(credentials.device.id))).not.toContain('865432109876543');
    await expect(devices.register({ teamId: 't1', kind: 'osmand', name: '重复', identifier: '865432109876543' }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Malformed registrations never reach the service: the route contract's body schema refuses them.
    expect(DEVICE_ROUTES.register.body.safeParse({ teamId: 't1', kind: 'owntracks', name: 'x', identifier: '865432109876543' }).success).toBe(false);
    expect(DEVICE_ROUTES.register.body.safeParse({ teamId: 't1', kind: 'osmand', name: 'x', identifier: '12 34' }).success).toBe(false);
  });

  it('registers an OsmAnd device with a long random id and stores only its hash', async () => {
    const credentials = await devices.register({ teamId: 't1', kind: 'osmand', name: 'Traccar 手机' }, SYSTEM_ACTOR);
    expect(credentials.osmandId).toMatch(/^[a-hj-km-np-z2-9]{24}$/);
    expect(credentials.owntracksUser).toBeNull();
    const stored = await row(credentials.device.id);
    expect(stored.osmand_key_hash).toBe(sha256Hex(credentials.osmandId!));
    expect(JSON.stringify(stored)).not.toContain(credentials.osmandId!);
    expect(credentials.device.id).not.toContain(credentials.osmandId!);
    const [event] = await services.log.readRange(1, 100).then((all) => all.filter((s) => s.event.type === 'device.registered'));
    expect(event?.audience).toBe('admin');
    expect(JSON.stringify(event)).not.toContain(credentials.osmandId!);
    expect(await devices.resolveOsmand(credentials.osmandId!)).toEqual({ deviceId: credentials.device.id, teamId: 't1', kind: 'osmand', name: credentials.device.name });
    expect(await devices.resolveOsmand('guessed-id-123')).toBeNull();
  });

  it('registers an OwnTracks device with a user name and a scrypt-hashed password', async () => {
    const credentials = await devices.register({ teamId: 't1', kind: 'owntracks', name: 'OwnTracks 手机' }, SYSTEM_ACTOR);
    expect(credentials.owntracksUser).toMatch(/^ot-[a-z]{8}$/);
    expect(credentials.owntracksPassword).toHaveLength(20);
    expect(credentials.osmandId).toBeNull();
    const stored = await row(credentials.device.id);
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain(credentials.owntracksPassword!);
    const identity = { deviceId: credentials.device.id, teamId: 't1', kind: 'owntracks', name: 'OwnTracks 手机' };
    expect(await devices.resolveOwntracks(credentials.owntracksUser!, credentials.owntracksPassword!)).toEqual(identity);
    // The second lookup comes from the cache, and a wrong password still fails.
    expect(await devices.resolveOwntracks(credentials.owntracksUser!, credentials.owntracksPassword!)).toEqual(identity);
    expect(await devices.resolveOwntracks(credentials.owntracksUser!, 'wrong-password')).toBeNull();
    expect(await devices.resolveOwntracks('ot-nobody', credentials.owntracksPassword!)).toBeNull();
  });

  it('refuses an unknown team; the route contract refuses an invalid kind before the service runs', async () => {
    await expect(devices.register({ teamId: 'nope', kind: 'osmand', name: 'x' }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(DEVICE_ROUTES.register.body.safeParse({ teamId: 't1', kind: 'browser', name: 'x' }).success).toBe(false);
  });

  it('forgets a revoked device at once, even when it was cached', async () => {
    const osmand = await devices.register({ teamId: 't1', kind: 'osmand', name: 'a' }, SYSTEM_ACTOR);
    const owntracks = await devices.register({ teamId: 't1', kind: 'owntracks', name: 'b' }, SYSTEM_ACTOR);
    expect(await devices.resolveOsmand(osmand.osmandId!)).not.toBeNull();
    expect(await devices.resolveOwntracks(owntracks.owntracksUser!, owntracks.owntracksPassword!)).not.toBeNull();
    const revoked = await devices.revoke(osmand.device.id, SYSTEM_ACTOR);
    await devices.revoke(owntracks.device.id, SYSTEM_ACTOR);
    expect(revoked.revoked).toBe(true);
    expect(await devices.resolveOsmand(osmand.osmandId!)).toBeNull();
    expect(await devices.resolveOwntracks(owntracks.owntracksUser!, owntracks.owntracksPassword!)).toBeNull();
    await devices.revoke(osmand.device.id, SYSTEM_ACTOR);
    const events = (await services.log.readRange(1, 100)).filter((s) => s.event.type === 'device.revoked');
    expect(events.map((s) => s.audience)).toEqual(['admin', 'admin']);
    await expect(devices.revoke('dev-missing', SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('recognises a device registered after its id was first refused', async () => {
    expect(await devices.resolveOsmand('not-yet')).toBeNull();
    const credentials = await devices.register({ teamId: 't1', kind: 'osmand', name: 'late' }, SYSTEM_ACTOR);
    expect(await devices.resolveOsmand(credentials.osmandId!)).not.toBeNull();
  });

  it('shows unflushed telemetry in list() and writes it on flush()', async () => {
    const { device } = await devices.register({ teamId: 't1', kind: 'osmand', name: 'a' }, SYSTEM_ACTOR);
    devices.noteSeen(device.id, NOW - 5_000);
    devices.noteSeen(device.id, NOW - 1_000);
    devices.noteRejected(device.id, 'future_timestamp');
    devices.noteRejected(device.id, 'out_of_range');
    const expected = { lastSeenAt: new Date(NOW - 1_000).toISOString(), rejectedFixes: 2, lastRejectReason: 'out_of_range' };
    expect((await devices.list())[0]).toMatchObject(expected);
    expect((await row(device.id)).rejected_fixes).toBe(0);
    await devices.flush();
    expect(await row(device.id)).toMatchObject({ last_seen_at: expected.lastSeenAt, rejected_fixes: 2, last_reject_reason: 'out_of_range' });
    expect((await devices.list())[0]).toMatchObject(expected);
    devices.noteRejected(device.id, 'too_old');
    await devices.flush();
    expect((await devices.list())[0]).toMatchObject({ rejectedFixes: 3, lastRejectReason: 'too_old', lastSeenAt: expected.lastSeenAt });
    await devices.flush();
    expect((await row(device.id)).rejected_fixes).toBe(3);
  });
});
