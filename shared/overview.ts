import type { SituationOverview } from './schemas/overview';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES, severityRank, type Incident } from './schemas/incident';
import type { Shelter, TownshipEvacuation } from './schemas/shelter';
import type { Depot, StockLevel, SupplyItem } from './schemas/supply';
import type { SupplyRun } from './schemas/supply-run';
import { TOWNSHIP_NAMES } from './townships';

export interface OverviewLists {
  incidents: readonly Incident[];
  shelters: readonly Shelter[];
  townshipEvacuations: readonly TownshipEvacuation[];
  depots: readonly Depot[];
  supplyItems: readonly SupplyItem[];
  stockLevels: readonly StockLevel[];
  supplyRuns: readonly SupplyRun[];
}

const countBy = <K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<K, number>;

/**
 * The wall's panels from the situation lists: the server answers GET /api/board/summary with it, and a
 * client holding the same lists (from its snapshot and events) can compute it live.
 */
export function summarizeSituation(lists: OverviewLists, nowMs: number): SituationOverview {
  const open = lists.incidents.filter((i) => i.status !== 'closed');
  // A drill's incidents are listed (marked) but never counted in the real figures.
  const real = open.filter((i) => !i.exercise);
  // A shelter a drill opened is shown (marked) but its people and places count in no real figure.
  const realOpen = lists.shelters.filter((s) => s.status !== 'closed' && !s.exercise);
  const openSummaries = open
    .map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      type: i.type,
      severity: i.severity,
      status: i.status,
      township: i.township,
      location: i.location,
      reportedAt: i.reportedAt,
      trapped: i.trapped,
      injured: i.injured,
      dead: i.dead,
      exercise: i.exercise,
      deadlines: i.deadlines
        .filter((d) => d.state === 'open')
        .map((d) => ({ kind: d.kind, dueAt: d.dueAt, overdue: Date.parse(d.dueAt) <= nowMs }))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    }))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.reportedAt.localeCompare(a.reportedAt));

  const itemById = new Map(lists.supplyItems.map((i) => [i.id, i]));
  const depotById = new Map(lists.depots.map((d) => [d.id, d]));
  const isLow = (l: StockLevel) => l.minLevel > 0 && l.available < l.minLevel;
  const keyItems = lists.supplyItems
    .filter((i) => i.keyItem)
    .map((item) => {
      const levels = lists.stockLevels.filter((l) => l.itemId === item.id);
      const sum = (key: 'onHand' | 'reserved' | 'available' | 'minLevel') => levels.reduce((total, l) => total + l[key], 0);
      return { itemId: item.id, name: item.name, unit: item.unit, onHand: sum('onHand'), reserved: sum('reserved'), available: sum('available'), minLevel: sum('minLevel'), depotsLow: levels.filter(isLow).length };
    });
  const low = lists.stockLevels.filter(isLow).map((l) => ({
    depotId: l.depotId,
    depotName: depotById.get(l.depotId)?.name ?? l.depotId,
    itemId: l.itemId,
    itemName: itemById.get(l.itemId)?.name ?? l.itemId,
    unit: itemById.get(l.itemId)?.unit ?? '',
    available: l.available,
    minLevel: l.minLevel,
  }));

  const active = lists.supplyRuns.filter((r) => (r.status === 'allocated' || r.status === 'in_transit') && !r.exercise);
  return {
    at: new Date(nowMs).toISOString(),
    incidents: {
      open: openSummaries,
      bySeverity: countBy(INCIDENT_SEVERITIES, real.map((i) => i.severity)),
      byType: countBy(INCIDENT_TYPES, real.map((i) => i.type)),
      overdueReports: openSummaries.filter((i) => !i.exercise).reduce((n, i) => n + i.deadlines.filter((d) => d.overdue).length, 0),
    },
    evacuation: evacuationTotals(lists.shelters, lists.townshipEvacuations),
    shelters: {
      total: lists.shelters.length,
      open: realOpen.length,
      full: realOpen.filter((s) => s.status === 'full').length,
      capacity: realOpen.reduce((n, s) => n + s.capacity, 0),
      occupancy: realOpen.reduce((n, s) => n + s.occupancy, 0),
      list: lists.shelters.map((s) => ({ id: s.id, name: s.name, township: s.township, level: s.level, status: s.status, location: s.location, capacity: s.capacity, occupancy: s.occupancy, exercise: s.exercise })),
    },
    stock: { keyItems, low },
    supplyRuns: {
      allocated: active.filter((r) => r.status === 'allocated').length,
      inTransit: active.filter((r) => r.status === 'in_transit').length,
      pastGoal: active.filter((r) => Date.parse(r.goalAt) <= nowMs).length,
    },
  };
}

/** Per township (the reporting unit): people in its shelters plus those it reports staying with relatives (投亲靠友). */
export function evacuationTotals(shelters: readonly Shelter[], reports: readonly TownshipEvacuation[]): SituationOverview['evacuation'] {
  // A drill's 投亲靠友 count is its own figure, never the township's real one.
  const reportOf = new Map(reports.filter((r) => !r.exercise).map((r) => [r.township, r]));
  const townships = TOWNSHIP_NAMES.map((township) => {
    const here = shelters.filter((s) => s.township === township);
    // A drill's shelter is still one of the township's places, but its opening is the drill's; a drill's people
    // are never in `occupancy` (they are `drillOccupancy`).
    const open = here.filter((s) => s.status !== 'closed' && !s.exercise);
    const sheltered = open.reduce((sum, s) => sum + s.occupancy, 0);
    const withRelatives = reportOf.get(township)?.withRelatives ?? 0;
    return {
      township,
      sheltered,
      withRelatives,
      evacuated: sheltered + withRelatives,
      shelters: here.length,
      sheltersOpen: open.length,
      capacity: here.reduce((sum, s) => sum + s.capacity, 0),
      reportedAt: reportOf.get(township)?.reportedAt ?? null,
    };
  });
  const sum = (key: 'sheltered' | 'withRelatives' | 'evacuated' | 'shelters' | 'sheltersOpen' | 'capacity') => townships.reduce((total, t) => total + t[key], 0);
  return {
    townships,
    county: { sheltered: sum('sheltered'), withRelatives: sum('withRelatives'), evacuated: sum('evacuated'), shelters: sum('shelters'), sheltersOpen: sum('sheltersOpen'), capacity: sum('capacity') },
  };
}
