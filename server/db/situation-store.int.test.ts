import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlarmService } from '../alarms/alarm-service';
import { UserService } from '../auth/user-service';
import { DutyLogService } from '../duty/duty-log-service';
import { HandoverService } from '../duty/handover-service';
import { RosterService } from '../duty/roster-service';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { AttachmentFiles } from '../incidents/attachment-files';
import { AttachmentService } from '../incidents/attachment-service';
import { IncidentService } from '../incidents/incident-service';
import { ReportDeadlineWatcher } from '../incidents/report-deadline-watcher';
import { ReportingRulesService } from '../incidents/reporting-rules-service';
import { PNG_1PX, deskActor, majorIncidentInput } from '../incidents/test-support';
import { silentLogger } from '../positions/test-support';
import { EvacuationService } from '../shelters/evacuation-service';
import { ShelterService } from '../shelters/shelter-service';
import { SupplyCsvService } from '../supplies/csv/supply-csv-service';
import { DepotService } from '../supplies/depot-service';
import { StockLedger } from '../supplies/stock-ledger';
import { StockService } from '../supplies/stock-service';
import { SupplyItemService } from '../supplies/supply-item-service';
import { SupplyRunService } from '../supplies/supply-run-service';
import { COUNTY_DEPOT, QUILT, SHIPU_DEPOT, TENT } from '../supplies/test-support';
import { dropPostgresSchema, openStore, type Store } from './database';
import { parseInput } from '../validation';
import { IncidentCreateSchema, ReportDoneSchema } from '../../shared/schemas/incident';
import { DutyLogCreateSchema, DutyShiftCreateSchema } from '../../shared/schemas/duty';
import { ShelterCreateSchema, ShelterMovementCreateSchema } from '../../shared/schemas/shelter';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const T0 = Date.UTC(2025, 8, 15, 1, 0, 0);

/** The hand-written SQL of incidents, shelters, supplies and the duty watch (upserted counters, joins, aggregates) on both dialects. */
describe.each(['sqlite', 'postgres'] as const)('situation store on %s', (dialect) => {
  const schema = `tw_situation_${randomBytes(5).toString('hex')}`;
  let now = T0;
  const clock = () => now;
  let store: Store;
  let bus: EventBus;
  let transactor: Transactor;
  let alarms: AlarmService;
  let attachmentDir: string;

  beforeAll(async () => {
    store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    const log = new EventLog(store.db, clock);
    bus = new EventBus(0, (a, b) => log.readRange(a, b), (e) => {
      throw e;
    });
    transactor = new Transactor(store.db, log, bus);
    alarms = new AlarmService(store.db, transactor, clock);
    attachmentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tw-store-attachments-'));
  });
  afterAll(async () => {
    bus.close();
    await store.close();
    await fs.rm(attachmentDir, { recursive: true, force: true });
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  it('numbers concurrent intakes of a day without collisions and alarms overdue reports', async () => {
    const rules = new ReportingRulesService(store.db, transactor);
    const incidents = new IncidentService(store.db, transactor, rules, alarms, clock);
    const created = await Promise.all(Array.from({ length: 12 }, () => incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor)));
    expect(created.map((i) => i.code).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `20250915-${String(i + 1).padStart(3, '0')}`));
    now += 31 * 60_000;
    const watcher = new ReportDeadlineWatcher({ db: store.db, alarms, clock, logger: silentLogger });
    await watcher.checkNow();
    expect((await alarms.listOpen()).filter((a) => a.kind === 'report_overdue')).toHaveLength(12);
    await incidents.markReportDone(created[0]!.id, parseInput(ReportDoneSchema, { kind: 'phone' }), deskActor);
    await incidents.changeSeverity(created[1]!.id, { severity: 'extraordinary' }, deskActor);
    await watcher.checkNow();
    expect((await alarms.listOpen()).filter((a) => a.kind === 'report_overdue')).toHaveLength(10);
    const attachments = new AttachmentService(store.db, transactor, new AttachmentFiles(attachmentDir), clock);
    await attachments.addPhoto(created[2]!.id, { mime: 'image/png', dataBase64: PNG_1PX }, deskActor);
    await incidents.addNote(created[2]!.id, { text: '备注' }, deskActor);
    const detail = await incidents.detail(created[2]!.id);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['reported', 'attachment', 'note']);
    expect(detail.attachments).toHaveLength(1);
    expect((await incidents.list(true)).length).toBe(12);
    await watcher.close();
  });

  it('keeps shelter occupancy within capacity under concurrent check-ins and sums evacuation', async () => {
    const shelters = new ShelterService(store.db, transactor, alarms, clock);
    const evacuation = new EvacuationService(store.db, transactor, clock);
    const shelter = await shelters.create(parseInput(ShelterCreateSchema, { name: '丹城中学', level: 'county', location: { lat: 29.470146, lon: 121.895292 }, capacity: 50 }), deskActor);
    await shelters.setStatus(shelter.id, { status: 'open' }, deskActor);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => shelters.recordMovement(shelter.id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 10 }), deskActor)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await shelters.get(shelter.id)).toMatchObject({ occupancy: 50, status: 'full' });
    expect((await alarms.listOpen()).filter((a) => a.sourceId === shelter.id).map((a) => a.kind)).toEqual(['shelter_full']);
    await evacuation.report({ township: '丹东街道', withRelatives: 120 }, deskActor);
    await evacuation.report({ township: '丹东街道', withRelatives: 150 }, deskActor);
    expect((await evacuation.totals()).townships.find((t) => t.township === '丹东街道')).toMatchObject({ sheltered: 50, withRelatives: 150, evacuated: 200 });
  });

  it('never takes stock negative under concurrent issues, and moves it through a run and a CSV import', async () => {
    const ledger = new StockLedger(alarms, clock);
    const depots = new DepotService(store.db, transactor, clock);
    const items = new SupplyItemService(store.db, transactor, clock);
    const stock = new StockService(store.db, transactor, ledger);
    const runs = new SupplyRunService(store.db, transactor, ledger, clock);
    await depots.create(COUNTY_DEPOT, deskActor);
    await depots.create(SHIPU_DEPOT, deskActor);
    await items.create(TENT, deskActor);
    await items.create(QUILT, deskActor);
    await stock.move({ kind: 'receipt', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 100 }], reason: '入库' }, deskActor);
    const issues = await Promise.allSettled(Array.from({ length: 14 }, () => stock.move({ kind: 'issue', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 10 }], reason: '发放' }, deskActor)));
    expect(issues.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(issues.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['INSUFFICIENT_STOCK', 'INSUFFICIENT_STOCK', 'INSUFFICIENT_STOCK', 'INSUFFICIENT_STOCK']);
    const tent = async (depotId: string) => (await stock.levels()).find((l) => l.depotId === depotId && l.itemId === 'tent');
    expect(await tent(COUNTY_DEPOT.id)).toMatchObject({ onHand: 0, reserved: 0 });
    const entries = await stock.entries({ depotId: COUNTY_DEPOT.id, itemId: 'tent' });
    expect(entries.reduce((sum, e) => sum + e.quantity, 0)).toBe(0);

    await stock.move({ kind: 'receipt', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 40 }], reason: '补库' }, deskActor);
    const run = await runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 25 }], reason: '调拨' }, deskActor);
    await runs.depart(run.id, { eta: new Date(now + 3_600_000).toISOString() }, deskActor);
    await runs.arrive(run.id, {}, deskActor);
    expect([await tent(COUNTY_DEPOT.id), await tent(SHIPU_DEPOT.id)].map((l) => l?.onHand)).toEqual([15, 25]);
    const shelter = await new ShelterService(store.db, transactor, alarms, clock).create(parseInput(ShelterCreateSchema, { name: '石浦镇中心小学', level: 'township', location: { lat: 29.215915, lon: 121.938392 }, capacity: 300 }), deskActor);
    for (let i = 0; i < 2; i++) {
      const delivery = await runs.allocate({ fromDepotId: SHIPU_DEPOT.id, destinationType: 'shelter', destinationId: shelter.id, lines: [{ itemId: 'tent', quantity: 5 }], reason: '安置点' }, deskActor);
      await runs.depart(delivery.id, { eta: new Date(now + 3_600_000).toISOString() }, deskActor);
      await runs.arrive(delivery.id, {}, deskActor);
    }
    expect((await new ShelterService(store.db, transactor, alarms, clock).get(shelter.id)).supplies).toEqual([{ itemId: 'tent', quantity: 10 }]);

    const csv = new SupplyCsvService(store.db, transactor, depots, items, stock);
    const result = await csv.import('stock', Buffer.from(`仓库编码,物资编码,库存数量,预警下限\n${SHIPU_DEPOT.id},tent,12,20\n`), undefined, deskActor);
    expect(result).toMatchObject({ rows: 1, updated: 1 });
    expect((await alarms.listOpen()).filter((a) => a.kind === 'stock_low').map((a) => a.sourceId)).toEqual([`${SHIPU_DEPOT.id}:tent`]);
    expect((await csv.export('stock')).toString('utf8')).toContain(`${SHIPU_DEPOT.id},石浦镇物资储备点,tent,帐篷,顶,12,0,12,20`);
  });

  it('keeps the roster, hands over and files the duty log', async () => {
    const users = new UserService(store.db, transactor);
    const day = await users.create({ username: `day-${dialect}`, displayName: '白班', role: 'duty_officer', password: 'long-enough-password' }, deskActor);
    const night = await users.create({ username: `night-${dialect}`, displayName: '夜班', role: 'commander', password: 'long-enough-password' }, deskActor);
    const roster = new RosterService(store.db, transactor, clock);
    const base = now - 3_600_000;
    const first = await roster.create(parseInput(DutyShiftCreateSchema, { startsAt: new Date(base).toISOString(), endsAt: new Date(base + 2 * 3_600_000).toISOString(), leaderUserId: day.id, officerUserIds: [night.id] }), deskActor);
    const second = await roster.create(parseInput(DutyShiftCreateSchema, { startsAt: new Date(base + 2 * 3_600_000).toISOString(), endsAt: new Date(base + 14 * 3_600_000).toISOString(), leaderUserId: night.id }), deskActor);
    await expect(async () => roster.create(parseInput(DutyShiftCreateSchema, { startsAt: new Date(base + 3_600_000).toISOString(), endsAt: new Date(base + 5 * 3_600_000).toISOString(), leaderUserId: day.id }), deskActor)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await roster.onWatch()).toMatchObject({ shift: { id: first.id, officers: [{ name: '夜班' }] }, next: { id: second.id } });
    const principal = (user: typeof day) => ({ userId: user.id, username: user.username, displayName: user.displayName, role: user.role, teamId: null, sessionId: 's', expiresAt: '' });
    const handovers = new HandoverService(store.db, transactor, clock);
    const handover = await handovers.write({ note: '交班' }, principal(day), { type: 'user', id: day.id, name: '白班' });
    expect(handover.openIncidents.length).toBeGreaterThan(0);
    expect(await handovers.acknowledge(handover.id, principal(night), { type: 'user', id: night.id, name: '夜班' })).toMatchObject({ acknowledgedBy: '夜班' });
    const log = new DutyLogService(store.db, transactor, clock);
    expect(await log.add(parseInput(DutyLogCreateSchema, { kind: 'call_in', summary: '来电' }), deskActor)).toMatchObject({ shiftId: first.id });
    expect((await log.list()).length).toBe(1);
  });
});
