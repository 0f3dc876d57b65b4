import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskActor } from '../incidents/test-support';
import { COUNTY_DEPOT, SHIPU_DEPOT, openSupplyTestServices, stockedDepots, type SupplyTestServices } from './test-support';
import { parseInput } from '../validation';
import { ShelterCreateSchema } from '../../shared/schemas/shelter';

const T0 = Date.UTC(2025, 8, 15, 1, 0, 0);
let now: number;
let s: SupplyTestServices;

beforeEach(async () => {
  now = T0;
  s = await openSupplyTestServices(() => now);
  await stockedDepots(s);
});
afterEach(() => s.close());

const level = async (depotId: string, itemId: string) => (await s.stock.levels()).find((l) => l.depotId === depotId && l.itemId === itemId);
const tentsInTransit = async () => (await s.runs.list({ active: 'true' })).filter((r) => r.status === 'in_transit').flatMap((r) => r.lines).filter((l) => l.itemId === 'tent').reduce((sum, l) => sum + l.quantity, 0);
const tentsEverywhere = async () => (await s.stock.levels()).filter((l) => l.itemId === 'tent').reduce((sum, l) => sum + l.onHand, 0) + (await tentsInTransit());

describe('the stock ledger', () => {
  it('projects stock from receipts and issues, each entry saying who and why', async () => {
    await s.stock.move({ kind: 'issue', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 30 }], reason: '发放丹城街道' }, deskActor);
    expect(await level(COUNTY_DEPOT.id, 'tent')).toMatchObject({ onHand: 70, reserved: 0, available: 70 });
    const entries = await s.stock.entries({ depotId: COUNTY_DEPOT.id, itemId: 'tent' });
    expect(entries.map((e) => [e.kind, e.quantity, e.reason, e.actorName])).toEqual([
      ['issue', -30, '发放丹城街道', '值班员甲'],
      ['receipt', 100, '省级调拨入库', '值班员甲'],
    ]);
  });

  it('refuses to go negative and writes nothing, not even the lines that would fit', async () => {
    const seq = await s.log.currentSeq();
    const ledgerSize = (await s.stock.entries({})).length;
    await expect(
      s.stock.move({ kind: 'issue', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'quilt', quantity: 10 }, { itemId: 'tent', quantity: 101 }], reason: '超发' }, deskActor),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { itemId: 'tent', available: 100, requested: 101 } });
    await expect(s.stock.move({ kind: 'issue', depotId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 1 }], reason: '空库' }, deskActor)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(await level(COUNTY_DEPOT.id, 'quilt')).toMatchObject({ onHand: 200 });
    expect(await level(SHIPU_DEPOT.id, 'tent')).toBeUndefined();
    expect((await s.stock.entries({})).length).toBe(ledgerSize);
    expect(await s.log.currentSeq()).toBe(seq);
  });

  it('reserves on allocation, moves stock in transit on departure and adds it at the destination on arrival; transfers balance', async () => {
    const total = await tentsEverywhere();
    const run = await s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 40 }], reason: '石浦前置' }, deskActor);
    expect(run).toMatchObject({ status: 'allocated', goalAt: new Date(T0 + 12 * 3_600_000).toISOString() });
    expect(await level(COUNTY_DEPOT.id, 'tent')).toMatchObject({ onHand: 100, reserved: 40, available: 60 });
    await expect(s.stock.move({ kind: 'issue', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 61 }], reason: '预留的不能发' }, deskActor)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(await tentsEverywhere()).toBe(total);

    now += 10 * 60_000;
    const departed = await s.runs.depart(run.id, { eta: new Date(now + 90 * 60_000).toISOString(), vehicle: '浙B·12345' }, deskActor);
    expect(departed).toMatchObject({ status: 'in_transit', vehicle: '浙B·12345', departedAt: new Date(now).toISOString() });
    expect(await level(COUNTY_DEPOT.id, 'tent')).toMatchObject({ onHand: 60, reserved: 0 });
    expect(await tentsInTransit()).toBe(40);
    expect(await tentsEverywhere()).toBe(total);

    now += 80 * 60_000;
    expect(await s.runs.arrive(run.id, {}, deskActor)).toMatchObject({ status: 'arrived', arrivedAt: new Date(now).toISOString() });
    expect(await level(SHIPU_DEPOT.id, 'tent')).toMatchObject({ onHand: 40 });
    expect(await tentsEverywhere()).toBe(total);
    expect((await s.stock.entries({ runId: run.id })).map((e) => [e.kind, e.depotId, e.quantity, e.reservedDelta])).toEqual(
      expect.arrayContaining([
        ['allocation', COUNTY_DEPOT.id, 0, 40],
        ['departure', COUNTY_DEPOT.id, -40, -40],
        ['arrival', SHIPU_DEPOT.id, 40, 0],
      ]),
    );
    await expect(s.runs.arrive(run.id, {}, deskActor)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses an allocation beyond what is available, releases a cancelled one, and delivers to shelters', async () => {
    await expect(s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 101 }], reason: '超量' }, deskActor)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(await s.runs.list()).toEqual([]);
    await expect(s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 1 }], reason: '随调度', dispatchId: 'no-such-dispatch' }, deskActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await level(COUNTY_DEPOT.id, 'tent')).toMatchObject({ onHand: 100, reserved: 0 });
    const cancelled = await s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 50 }], reason: '待定' }, deskActor);
    await s.runs.cancel(cancelled.id, { reason: '台风转向' }, deskActor);
    expect(await level(COUNTY_DEPOT.id, 'tent')).toMatchObject({ onHand: 100, reserved: 0 });

    const shelter = await s.shelters.create(parseInput(ShelterCreateSchema, { name: '石浦镇中心小学', level: 'township', location: { lat: 29.215915, lon: 121.938392 }, capacity: 300 }), deskActor);
    const run = await s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'shelter', destinationId: shelter.id, lines: [{ itemId: 'quilt', quantity: 120 }, { itemId: 'tent', quantity: 5 }], reason: '安置点保障' }, deskActor);
    await s.runs.depart(run.id, { eta: new Date(now + 3_600_000).toISOString() }, deskActor);
    await s.runs.arrive(run.id, { note: '签收：王校长' }, deskActor);
    expect((await s.shelters.get(shelter.id)).supplies).toEqual([{ itemId: 'quilt', quantity: 120 }, { itemId: 'tent', quantity: 5 }]);
    await expect(s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'shelter', destinationId: 'nope', lines: [{ itemId: 'tent', quantity: 1 }], reason: 'x' }, deskActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 1 }], reason: 'x' }, deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('marks a run asked for as a drill, and any run to a shelter a drill opened, as 演练', async () => {
    const shelter = await s.shelters.create(parseInput(ShelterCreateSchema, { name: '石浦镇中心小学', level: 'township', location: { lat: 29.215915, lon: 121.938392 }, capacity: 300 }), deskActor);
    const toShelter = { fromDepotId: COUNTY_DEPOT.id, destinationType: 'shelter' as const, destinationId: shelter.id, lines: [{ itemId: 'quilt', quantity: 10 }], reason: '安置点保障' };
    expect((await s.runs.allocate(toShelter, deskActor)).exercise).toBe(false);
    const asked = await s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 1 }], reason: '演练前置', exercise: true }, deskActor);
    expect(asked.exercise).toBe(true);
    await s.transactor.run((tx, record) => s.shelters.setStatusWithin(tx, record, shelter.id, { status: 'open', exercise: true }, deskActor));
    expect((await s.runs.allocate(toShelter, deskActor)).exercise).toBe(true);
    expect((await s.runs.list()).map((r) => r.exercise).sort()).toEqual([false, true, true]);
  });

  it('alarms stock_low below the minimum of a depot and item, and clears when restocked', async () => {
    const lowAlarms = async () => (await s.alarms.listOpen()).filter((a) => a.kind === 'stock_low').map((a) => [a.sourceId, a.params.available, a.params.minLevel]);
    await s.stock.setThreshold(COUNTY_DEPOT.id, 'tent', { minLevel: 80 }, deskActor);
    expect(await lowAlarms()).toEqual([]);
    await s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: SHIPU_DEPOT.id, lines: [{ itemId: 'tent', quantity: 30 }], reason: '前置' }, deskActor);
    expect(await lowAlarms()).toEqual([[`${COUNTY_DEPOT.id}:tent`, 70, 80]]);
    await s.stock.move({ kind: 'receipt', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 10 }], reason: '补库' }, deskActor);
    expect(await lowAlarms()).toEqual([]);
    await s.stock.setThreshold(SHIPU_DEPOT.id, 'quilt', { minLevel: 20 }, deskActor);
    expect(await lowAlarms()).toEqual([[`${SHIPU_DEPOT.id}:quilt`, 0, 20]]);
    await s.stock.stocktake({ depotId: SHIPU_DEPOT.id, itemId: 'quilt', counted: 25, reason: '盘点' }, deskActor);
    expect(await lowAlarms()).toEqual([]);
  });
});
