import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/enums';
import { DispatchCreateSchema } from '../../shared/schemas/dispatch';
import { EVENT_TYPES, SYSTEM_ACTOR, type Audience, type EventType } from '../../shared/schemas/event';
import type { Snapshot, SyncResult } from '../../shared/schemas/sync';
import { LoginThrottle } from '../auth/login-throttle';
import { ContactService } from '../contacts/contact-service';
import { listContacts } from '../contacts/contact-store';
import { SessionService } from '../auth/session-service';
import { UserService } from '../auth/user-service';
import { DeviceService } from '../devices/device-service';
import { createRequest, openDispatchTestBed, principal, type DispatchTestBed } from '../dispatch/test-support';
import { createDutyModule } from '../duty/duty-module';
import { createIncidentsModule } from '../incidents/incidents-module';
import { createSheltersModule } from '../shelters/shelters-module';
import { createSuppliesModule } from '../supplies/supplies-module';
import { TestClient } from '../testing/int-support';
import { silentLogger } from '../positions/test-support';
import { RealtimeServer } from '../realtime/realtime-server';
import { COUNTY_DEPOT } from '../supplies/test-support';
import { SnapshotCoalescer } from '../sync/snapshot-coalescer';
import { SnapshotService } from '../sync/snapshot-service';
import { parseInput } from '../validation';
import { WallLayoutService } from '../wall/wall-layout-service';
import { alarmAudience, audienceOf, canSee, teamAudience, type Viewer } from './policy';
import { samplePayload, type SampleVariant } from './sample-events';

const PASSWORD = 'visibility-password-1';
const LIFETIMES: Record<Role, number> = { admin: 1, commander: 1, duty_officer: 1, field: 1, wall: 1 };
const TEAM = 'team-here';
const OTHER_TEAM = 'team-other';

/** Every role, and a field tablet of the team an event concerns as well as one of another team. */
const VIEWERS: Array<{ name: string } & Viewer> = [
  { name: 'admin', role: 'admin', teamId: null },
  { name: 'commander', role: 'commander', teamId: null },
  { name: 'duty_officer', role: 'duty_officer', teamId: null },
  { name: 'wall', role: 'wall', teamId: null },
  { name: 'field_here', role: 'field', teamId: TEAM },
  { name: 'field_other', role: 'field', teamId: OTHER_TEAM },
];

/** Each event type in three shapes: about this team (first and last enum options, e.g. not SOS / SOS) and about the other team. */
const VARIANTS: SampleVariant[] = [
  { text: TEAM, pick: 'first' },
  { text: TEAM, pick: 'last' },
  { text: OTHER_TEAM, pick: 'last' },
];

/** The audiences a snapshot shows something of: each list item read back to the audience the policy gives it. */
function audiencesIn(snapshot: Snapshot): Set<Audience> {
  const seen = new Set<Audience>();
  for (const team of snapshot.teams) seen.add(teamAudience(team.id));
  for (const alarm of snapshot.alarms) seen.add(alarmAudience(alarm));
  for (const dispatch of snapshot.dispatches) for (const a of dispatch.assignments) seen.add(teamAudience(a.teamId));
  if (snapshot.users.length > 0 || snapshot.devices.length > 0) seen.add('admin');
  if (snapshot.contacts.length > 0) seen.add('staff');
  const boardLists = [snapshot.incidents, snapshot.shelters, snapshot.depots, snapshot.supplyItems, snapshot.stockLevels, snapshot.supplyRuns, snapshot.dutyShifts, snapshot.handovers];
  if (boardLists.some((list) => list.length > 0)) seen.add('board');
  return seen;
}

interface Sample {
  seq: number;
  type: EventType;
  audience: Audience;
}

describe('one visibility policy for live routing, resync and snapshot', () => {
  let bed: DispatchTestBed;
  let realtime: RealtimeServer;
  let httpServer: http.Server;
  let dataDir: string;
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    bed = await openDispatchTestBed();
    const { db } = bed.store;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tw-visibility-'));
    const users = new UserService(db, bed.transactor);
    const sessions = new SessionService(db, bed.transactor, new LoginThrottle(), LIFETIMES);
    const devices = new DeviceService(db, bed.transactor);
    const layouts = new WallLayoutService(db, bed.transactor);
    const domain = { db, transactor: bed.transactor, sessions, alarms: bed.alarms, clock: Date.now };
    const incidents = createIncidentsModule({ ...domain, dataDir, fieldReportsPerMinute: 10, logger: silentLogger });
    const supplies = createSuppliesModule(domain);
    const situationParts = [incidents.readSnapshot, createSheltersModule(domain).readSnapshot, supplies.readSnapshot, createDutyModule(domain).readSnapshot];
    const contacts = new ContactService(db, bed.transactor);
    const snapshots = new SnapshotService(db, bed.store.dialect, bed.log, bed.alarms, layouts, {
      readDevices: (tx) => devices.list(tx),
      readContacts: (tx) => listContacts(tx),
      readSituationParts: situationParts,
      readDispatches: (tx, viewer) => bed.reader.forSnapshot(tx, viewer),
    });
    httpServer = http.createServer();
    realtime = new RealtimeServer({ httpServer, minClientProtocol: 1, sessions, log: bed.log, bus: bed.bus, snapshots: new SnapshotCoalescer((viewer) => snapshots.build(viewer)), positions: { latest: () => [] }, alarms: bed.alarms, acceptFieldFix: async () => false, logger: silentLogger });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

    // Something of every audience in the store, so each snapshot can show (or withhold) each one.
    await bed.addTeam(TEAM);
    await bed.addTeam(OTHER_TEAM);
    await devices.register({ teamId: TEAM, kind: 'osmand', name: '车载定位' }, SYSTEM_ACTOR);
    await supplies.services.depots.create(COUNTY_DEPOT, SYSTEM_ACTOR);
    await contacts.create({ name: '石浦镇长', duty: 'township_head', township: '石浦镇', unit: '', phones: ['13900000001'], channels: ['sms'], backupId: null }, SYSTEM_ACTOR);
    await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest([TEAM, OTHER_TEAM])), principal('duty_officer'));
    for (const teamId of [TEAM, OTHER_TEAM]) {
      await bed.alarms.raise({ kind: 'sos', severity: 'critical', sound: 'repeat', sourceType: 'team', sourceId: teamId, params: { teamName: teamId } });
    }
    await bed.alarms.raise({ kind: 'unit_silent', severity: 'warning', sound: 'once', sourceType: 'team', sourceId: TEAM, params: { teamName: TEAM } });

    for (const viewer of VIEWERS) {
      await users.create({ username: viewer.name, displayName: viewer.name, role: viewer.role, teamId: viewer.teamId, password: PASSWORD }, SYSTEM_ACTOR);
      const { token } = await sessions.login({ username: viewer.name, password: PASSWORD }, { ip: null, userAgent: null });
      const client = new TestClient(baseUrl, token);
      await client.connected();
      clients.set(viewer.name, client);
    }
  });

  afterAll(async () => {
    for (const client of clients.values()) client.close();
    await realtime?.close();
    httpServer?.close();
    await bed?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('gives every role the same answer on all three paths, for every event type', async () => {
    const hello = async (name: string, lastSeq: number | null): Promise<SyncResult> => {
      const ack = await clients.get(name)!.request('sync:hello', { lastSeq });
      if (!ack.ok) throw new Error(`sync:hello failed for ${name}: ${ack.error.code}`);
      return ack.data;
    };
    // Live events flow only once a socket has said hello (it joins its rooms then).
    for (const { name } of VIEWERS) await hello(name, null);
    const start = await bed.log.currentSeq();

    const samples: Sample[] = [];
    for (const type of EVENT_TYPES) {
      for (const variant of VARIANTS) {
        const payload = samplePayload(type, variant);
        const event = await bed.transactor.run((_tx, record) => record({ type, actor: SYSTEM_ACTOR, payload }));
        samples.push({ seq: event.seq, type, audience: audienceOf(type, payload) });
      }
    }
    // One closing event per team: every socket sees at least one, and a socket gets its events in order.
    const last = samples.at(-1)!.seq;
    for (const teamId of [TEAM, OTHER_TEAM]) {
      await bed.transactor.run((_tx, record) => record({ type: 'team.updated', actor: SYSTEM_ACTOR, payload: samplePayload('team.updated', { text: teamId, pick: 'first' }) }));
    }
    const deadline = Date.now() + 15_000;
    for (const [name, client] of clients) {
      while (!client.events.some((e) => e.seq > last)) {
        if (Date.now() > deadline) throw new Error(`${name} never received a live event after the samples`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    const adminSnapshot = await hello('admin', null);
    if (adminSnapshot.mode !== 'snapshot') throw new Error('expected a snapshot');
    // The seeded store holds something of every audience the samples use, else the snapshot path would prove nothing.
    expect([...audiencesIn(adminSnapshot.snapshot)].sort()).toEqual(['admin', 'board', 'staff', teamAudience(OTHER_TEAM), teamAudience(TEAM)].sort());

    const disagreements: string[] = [];
    for (const viewer of VIEWERS) {
      const live = new Set(clients.get(viewer.name)!.events.map((e) => e.seq));
      const resynced = await hello(viewer.name, start);
      if (resynced.mode !== 'events') throw new Error(`expected events on resync for ${viewer.name}`);
      const resync = new Set(resynced.events.map((e) => e.seq));
      const snapshotted = await hello(viewer.name, null);
      if (snapshotted.mode !== 'snapshot') throw new Error(`expected a snapshot for ${viewer.name}`);
      const inSnapshot = audiencesIn(snapshotted.snapshot);
      for (const sample of samples) {
        const answers = { policy: canSee(viewer, sample.audience), live: live.has(sample.seq), resync: resync.has(sample.seq), snapshot: inSnapshot.has(sample.audience) };
        if (new Set(Object.values(answers)).size > 1) disagreements.push(`${viewer.name} × ${sample.type} (${sample.audience}): ${JSON.stringify(answers)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // Sanity: the matrix is not all one answer.
    expect(samples.some((s) => canSee(VIEWERS[4]!, s.audience)) && samples.some((s) => !canSee(VIEWERS[4]!, s.audience))).toBe(true);
  });
});

describe('the people who must answer a warning are staff business', () => {
  it('keeps contacts and recipients (names, phones, personal links) from the wall kiosk and tablets, and gives every board screen the coverage', () => {
    const staff = (type: EventType) => VIEWERS.filter((v) => canSee(v, audienceOf(type, samplePayload(type, VARIANTS[0]!)))).map((v) => v.name);
    for (const type of ['warning.recipients_queued', 'warning.recipients_sent', 'warning.recipient_changed', 'warning.delivery_failed', 'contact.saved', 'contact.removed'] as const) {
      expect(staff(type), type).toEqual(['admin', 'commander', 'duty_officer']);
    }
    expect(staff('warning.coverage_changed')).toEqual(['admin', 'commander', 'duty_officer', 'wall']);
  });
});
