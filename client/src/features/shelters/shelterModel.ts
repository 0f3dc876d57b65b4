import type { Shelter, ShelterMovement, TownshipEvacuation } from '@shared/schemas/shelter';
import { SHELTER_NEAR_FULL_PERCENT } from '@shared/schemas/shelter';
import { isApiError } from '../../shell/api/apiError';

export type OccupancyLevel = 'ok' | 'near' | 'full';

/** The people a shelter shows as its own: a drill's shelter its drill's people, a real one real people only. */
export const ownOccupancy = (s: Pick<Shelter, 'exercise' | 'occupancy' | 'drillOccupancy'>): number => (s.exercise ? s.drillOccupancy : s.occupancy);

/** Amber from 90 % of capacity, red when full (by its own occupancy, or the server's `full` status). */
export function occupancyLevel(s: Pick<Shelter, 'exercise' | 'occupancy' | 'drillOccupancy' | 'capacity' | 'status'>): OccupancyLevel {
  const held = ownOccupancy(s);
  if (s.status === 'full' || held >= s.capacity) return 'full';
  return held * 100 >= s.capacity * SHELTER_NEAR_FULL_PERCENT ? 'near' : 'ok';
}

export interface TownshipGroup {
  township: string;
  shelters: Shelter[];
  sheltered: number;
  capacity: number;
  withRelatives: number;
  reportedAt: string | null;
}

/** Open shelters first, full next, closed last: the desk looks for somewhere people can still go. */
const STATUS_RANK: Record<Shelter['status'], number> = { open: 0, full: 1, closed: 2 };

export function byAvailability(a: Shelter, b: Shelter): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.name.localeCompare(b.name, 'zh-CN');
}

const hasOpenShelter = (g: TownshipGroup) => g.shelters.some((s) => s.status !== 'closed');

/**
 * Shelters grouped by township, with each township's own real 投亲靠友 count; `all` lists townships to show even when
 * empty. Townships with a shelter still taking people come first (zh-CN order), and within each, open shelters
 * before full and closed ones.
 */
export function groupByTownship(shelters: readonly Shelter[], reports: readonly TownshipEvacuation[], all: readonly string[] = []): TownshipGroup[] {
  const groups = new Map<string, TownshipGroup>();
  const group = (township: string) => {
    let g = groups.get(township);
    if (!g) groups.set(township, (g = { township, shelters: [], sheltered: 0, capacity: 0, withRelatives: 0, reportedAt: null }));
    return g;
  };
  for (const name of all) group(name);
  for (const s of shelters) {
    const g = group(s.township);
    g.shelters.push(s);
    // A drill's people (drillOccupancy) are shown at their shelter, never in the township's real count.
    g.sheltered += s.occupancy;
    g.capacity += s.capacity;
  }
  for (const r of reports.filter((report) => !report.exercise)) {
    const g = group(r.township);
    g.withRelatives = r.withRelatives;
    g.reportedAt = r.reportedAt;
  }
  for (const g of groups.values()) g.shelters.sort(byAvailability);
  return [...groups.values()].sort((a, b) => Number(hasOpenShelter(b)) - Number(hasOpenShelter(a)) || a.township.localeCompare(b.township, 'zh-CN'));
}

/** An i18n key and params that say why the server refused a check-in/out, or null for a generic error. */
export function movementRefusal(e: unknown, kind: 'check_in' | 'check_out', shelter: Pick<Shelter, 'status'>): { key: string; params: Record<string, number> } | null {
  if (!isApiError(e) || e.code !== 'CONFLICT') return null;
  const d = (e.details ?? {}) as { free?: unknown; occupancy?: unknown };
  if (kind === 'check_in' && typeof d.free === 'number') return { key: 'shelter.desk.refused.noRoom', params: { free: d.free } };
  if (kind === 'check_out' && typeof d.occupancy === 'number') return { key: 'shelter.desk.refused.tooFew', params: { occupancy: d.occupancy } };
  if (kind === 'check_in' && shelter.status === 'closed') return { key: 'shelter.desk.refused.closed', params: {} };
  return { key: 'shelter.desk.refused.changed', params: {} };
}

/** Newest first, without repeats; at most `limit` (the server sends a shelter's newest 200). */
export function mergeMovements(current: readonly ShelterMovement[], added: readonly ShelterMovement[], limit = 200): ShelterMovement[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of added) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)).slice(0, limit);
}

export interface SupplyOnHand {
  itemId: string;
  name: string;
  unit: string;
  quantity: number;
}

/** What the shelter holds, by item name (zh-CN order); an item missing from the catalogue shows by its code. */
export function suppliesOnHand(
  supplies: Shelter['supplies'],
  itemOf: (id: string) => { name: string; unit: string } | undefined,
): SupplyOnHand[] {
  return supplies
    .filter((s) => s.quantity > 0)
    .map((s) => {
      const item = itemOf(s.itemId);
      return { itemId: s.itemId, name: item?.name ?? s.itemId, unit: item?.unit ?? '', quantity: s.quantity };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
