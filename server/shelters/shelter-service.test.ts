import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskActor } from '../incidents/test-support';
import { openTestServices, type TestServices } from '../positions/test-support';
import { EvacuationService } from './evacuation-service';
import { ShelterService } from './shelter-service';
import { parseInput } from '../validation';
import { ShelterCreateSchema, ShelterMovementCreateSchema, TownshipEvacuationReportSchema } from '../../shared/schemas/shelter';

let s: TestServices;
let shelters: ShelterService;
let evacuation: EvacuationService;

const school = { name: '石浦镇中心小学', level: 'township', location: { lat: 29.215915, lon: 121.938392 }, capacity: 100, facilities: ['饮用水', '卫生间'] };

beforeEach(async () => {
  let now = Date.UTC(2025, 8, 15, 1, 0, 0);
  const ticking = () => (now += 1_000);
  s = await openTestServices(ticking);
  shelters = new ShelterService(s.store.db, s.transactor, s.alarms, ticking);
  evacuation = new EvacuationService(s.store.db, s.transactor);
});
afterEach(() => s.close());

const shelterAlarms = async () => (await s.alarms.listOpen()).filter((a) => a.sourceType === 'shelter').map((a) => [a.kind, a.severity, a.params.occupancy]);
const eventCount = async () => (await s.log.currentSeq());

describe('ShelterService', () => {
  it('registers a closed shelter in the township of its location', async () => {
    const shelter = await shelters.create(parseInput(ShelterCreateSchema, school), deskActor);
    expect(shelter).toMatchObject({ township: '石浦镇', status: 'closed', occupancy: 0, contactName: '' });
    await expect(async () => shelters.create(parseInput(ShelterCreateSchema, { ...school, location: { lat: 30.5, lon: 122.9 } }), deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('alarms near full at 90 %, full at 100 %, and clears as people leave', async () => {
    const { id } = await shelters.create(parseInput(ShelterCreateSchema, school), deskActor);
    await expect(async () => shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 10 }), deskActor)).rejects.toMatchObject({ code: 'CONFLICT' });
    await shelters.setStatus(id, { status: 'open' }, deskActor);
    await shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 89 }), deskActor);
    expect(await shelterAlarms()).toEqual([]);
    await shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 1 }), deskActor);
    expect(await shelterAlarms()).toEqual([['shelter_near_full', 'warning', 90]]);
    const full = await shelters.recordMovement(id, { kind: 'check_in', people: 10, note: '渔民转移' }, deskActor);
    expect(full).toMatchObject({ occupancy: 100, status: 'full' });
    expect(await shelterAlarms()).toEqual([['shelter_full', 'critical', 100]]);

    const seq = await eventCount();
    await expect(async () => shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 1 }), deskActor)).rejects.toMatchObject({ code: 'CONFLICT', details: { free: 0 } });
    expect(await eventCount()).toBe(seq);
    expect((await shelters.get(id)).occupancy).toBe(100);

    expect(await shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_out', people: 5 }), deskActor)).toMatchObject({ occupancy: 95, status: 'open' });
    expect(await shelterAlarms()).toEqual([['shelter_near_full', 'warning', 95]]);
    await expect(shelters.setStatus(id, { status: 'closed' }, deskActor)).rejects.toMatchObject({ code: 'CONFLICT' });
    await shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_out', people: 95 }), deskActor);
    expect(await shelterAlarms()).toEqual([]);
    await expect(async () => shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_out', people: 1 }), deskActor)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await shelters.movements(id)).map((m) => [m.kind, m.people])).toEqual([['check_out', 95], ['check_out', 5], ['check_in', 10], ['check_in', 1], ['check_in', 89]]);
  });

  it('re-checks the thresholds when the capacity changes, and refuses a capacity below occupancy', async () => {
    const { id } = await shelters.create(parseInput(ShelterCreateSchema, school), deskActor);
    await shelters.setStatus(id, { status: 'open' }, deskActor);
    await shelters.recordMovement(id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 80 }), deskActor);
    await expect(shelters.update(id, { capacity: 79 }, deskActor)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await shelters.update(id, { capacity: 80 }, deskActor)).toMatchObject({ status: 'full' });
    expect((await shelterAlarms()).map(([kind]) => kind)).toEqual(['shelter_full']);
    await shelters.update(id, { capacity: 200 }, deskActor);
    expect(await shelterAlarms()).toEqual([]);
  });

  it('sums sheltered and with-relatives counts per township and for the county', async () => {
    const a = await shelters.create(parseInput(ShelterCreateSchema, school), deskActor);
    const b = await shelters.create(parseInput(ShelterCreateSchema, { ...school, name: '金星学校', location: { lat: 29.177109, lon: 121.8468 }, capacity: 300 }), deskActor);
    await shelters.create(parseInput(ShelterCreateSchema, { ...school, name: '丹城中学', location: { lat: 29.470146, lon: 121.895292 }, capacity: 500 }), deskActor);
    for (const { id } of [a, b]) await shelters.setStatus(id, { status: 'open' }, deskActor);
    await shelters.recordMovement(a.id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 40 }), deskActor);
    await shelters.recordMovement(b.id, parseInput(ShelterMovementCreateSchema, { kind: 'check_in', people: 60 }), deskActor);
    await evacuation.report({ township: '石浦镇', withRelatives: 1200 }, deskActor);
    await evacuation.report({ township: '石浦镇', withRelatives: 1350 }, deskActor);
    await evacuation.report({ township: '鹤浦镇', withRelatives: 300 }, deskActor);
    await expect(async () => evacuation.report(parseInput(TownshipEvacuationReportSchema, { township: '上海', withRelatives: 1 }), deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const totals = await evacuation.totals();
    expect(totals.townships).toHaveLength(18);
    expect(totals.townships.find((t) => t.township === '石浦镇')).toMatchObject({ sheltered: 100, withRelatives: 1350, evacuated: 1450, shelters: 2, sheltersOpen: 2, capacity: 400 });
    expect(totals.townships.find((t) => t.township === '丹东街道')).toMatchObject({ sheltered: 0, evacuated: 0, shelters: 1, sheltersOpen: 0, reportedAt: null });
    expect(totals.county).toEqual({ sheltered: 100, withRelatives: 1650, evacuated: 1750, shelters: 3, sheltersOpen: 2, capacity: 900 });
  });
});
