import { describe, expect, it } from 'vitest';
import { summarizeSituation, type OverviewLists } from './overview';
import type { Incident } from './schemas/incident';
import type { Shelter } from './schemas/shelter';
import type { StockLevel } from './schemas/supply';
import type { SupplyRun } from './schemas/supply-run';

const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);
const iso = (offsetMin: number) => new Date(NOW + offsetMin * 60_000).toISOString();

const incident = (id: string, over: Partial<Incident>): Incident => ({
  id, code: id, title: id, type: 'waterlogging', severity: 'general', source: 'phone', status: 'reported', location: null, township: '丹东街道', place: '',
  affected: 0, trapped: 0, injured: 0, dead: 0, account: '', caller: '', teamId: null, reportedAt: iso(-60), updatedAt: iso(-60), closedAt: null, exercise: false, deadlines: [], ...over,
});
const deadline = (kind: 'phone' | 'written', dueMin: number, state: 'open' | 'done' = 'open') => ({ id: `${kind}${dueMin}`, kind, severity: 'major' as const, startedAt: iso(-60), dueAt: iso(dueMin), state, doneAt: null, doneBy: null, recipient: null, recordedBy: null });
const shelter = (id: string, township: string, status: Shelter['status'], capacity: number, occupancy: number): Shelter => ({
  id, name: id, level: 'township', township, location: { lat: 29.2, lon: 121.9 }, address: '', capacity, facilities: [], contactName: '', contactPhone: '', status, occupancy, drillOccupancy: 0, supplies: [], updatedAt: iso(0), exercise: false,
});
const level = (depotId: string, itemId: string, onHand: number, reserved: number, minLevel: number): StockLevel => ({ depotId, itemId, onHand, reserved, available: onHand - reserved, minLevel, updatedAt: iso(0) });
const run = (id: string, status: SupplyRun['status'], goalMin: number): SupplyRun => ({
  id, fromDepotId: 'a', destinationType: 'shelter', destinationId: 's1', lines: [], status, reason: '', vehicle: '', dispatchId: null, requestedAt: iso(goalMin - 720), goalAt: iso(goalMin),
  allocatedAt: iso(-10), departedAt: null, eta: null, arrivedAt: null, cancelledAt: null, createdBy: 'x', updatedAt: iso(0), exercise: false,
});

const lists: OverviewLists = {
  incidents: [
    incident('a', { severity: 'major', type: 'landslide', deadlines: [deadline('written', 10), deadline('phone', -5)] }),
    incident('b', { severity: 'serious', deadlines: [deadline('phone', -1, 'done')] }),
    incident('c', {}),
    incident('d', { status: 'closed', severity: 'extraordinary' }),
  ],
  shelters: [shelter('s1', '石浦镇', 'open', 100, 95), shelter('s2', '石浦镇', 'full', 50, 50), shelter('s3', '鹤浦镇', 'closed', 200, 0)],
  townshipEvacuations: [{ township: '石浦镇', withRelatives: 300, reportedAt: iso(-30), reportedBy: '值班员', exercise: false }],
  depots: [{ id: 'a', name: '县库', tier: 'county', township: null, location: { lat: 29.4, lon: 121.8 }, address: '', manager: '', phone: '', updatedAt: iso(0) }],
  supplyItems: [
    { id: 'tent', name: '帐篷', category: '', unit: '顶', keyItem: true, updatedAt: iso(0) },
    { id: 'rope', name: '绳索', category: '', unit: '根', keyItem: false, updatedAt: iso(0) },
  ],
  stockLevels: [level('a', 'tent', 100, 30, 80), level('b', 'tent', 20, 0, 10), level('a', 'rope', 5, 0, 10)],
  supplyRuns: [run('r1', 'allocated', 60), run('r2', 'in_transit', -5), run('r3', 'arrived', -100)],
};

describe('summarizeSituation', () => {
  const summary = summarizeSituation(lists, NOW);

  it('lists open incidents most severe first with their outstanding deadlines soonest first', () => {
    expect(summary.incidents.open.map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(summary.incidents.open[1]!.deadlines).toEqual([{ kind: 'phone', dueAt: iso(-5), overdue: true }, { kind: 'written', dueAt: iso(10), overdue: false }]);
    expect(summary.incidents.bySeverity).toEqual({ general: 1, major: 1, serious: 1, extraordinary: 0 });
    expect(summary.incidents.byType.waterlogging).toBe(2);
    expect(summary.incidents.byType.landslide).toBe(1);
    expect(summary.incidents.overdueReports).toBe(1);
  });

  it('lists a drill incident marked but counts it in no figure', () => {
    const drill = incident('x', { severity: 'extraordinary', type: 'landslide', exercise: true, deadlines: [deadline('phone', -5)] });
    const withDrill = summarizeSituation({ ...lists, incidents: [...lists.incidents, drill] }, NOW);
    expect(withDrill.incidents.open.find((i) => i.id === 'x')?.exercise).toBe(true);
    expect(withDrill.incidents.bySeverity).toEqual(summary.incidents.bySeverity);
    expect(withDrill.incidents.byType).toEqual(summary.incidents.byType);
    expect(withDrill.incidents.overdueReports).toBe(summary.incidents.overdueReports);
  });

  it('totals shelters and evacuees per township and for the county', () => {
    expect(summary.shelters).toMatchObject({ total: 3, open: 2, full: 1, capacity: 150, occupancy: 145 });
    expect(summary.evacuation.townships.find((t) => t.township === '石浦镇')).toMatchObject({ sheltered: 145, withRelatives: 300, evacuated: 445 });
    expect(summary.evacuation.county).toMatchObject({ sheltered: 145, withRelatives: 300, evacuated: 445, shelters: 3, sheltersOpen: 2 });
  });

  it('lists a shelter a drill opened, marked, but counts neither it nor its people, nor a drill supply run', () => {
    const drillShelter = { ...shelter('sx', '石浦镇', 'open', 300, 280), exercise: true };
    const drillRun = { ...run('rx', 'allocated', -5), exercise: true };
    const withDrill = summarizeSituation({ ...lists, shelters: [...lists.shelters, drillShelter], supplyRuns: [...lists.supplyRuns, drillRun] }, NOW);
    expect(withDrill.shelters.list.find((s) => s.id === 'sx')?.exercise).toBe(true);
    expect(withDrill.shelters).toMatchObject({ total: 4, open: 2, full: 1, capacity: 150, occupancy: 145 });
    expect(withDrill.evacuation.county).toMatchObject({ sheltered: 145, evacuated: 445, shelters: 4, sheltersOpen: 2 });
    expect(withDrill.supplyRuns).toEqual(summary.supplyRuns);
  });

  it('sums key items over depots against their thresholds and lists every low depot', () => {
    expect(summary.stock.keyItems).toEqual([{ itemId: 'tent', name: '帐篷', unit: '顶', onHand: 120, reserved: 30, available: 90, minLevel: 90, depotsLow: 1 }]);
    expect(summary.stock.low.map((l) => [l.depotId, l.itemId, l.available, l.minLevel])).toEqual([
      ['a', 'tent', 70, 80],
      ['a', 'rope', 5, 10],
    ]);
  });

  it('counts active supply runs and those past the 12-hour goal', () => {
    expect(summary.supplyRuns).toEqual({ allocated: 1, inTransit: 1, pastGoal: 1 });
  });
});
