import { DEPOT_TIERS, type Depot, type LedgerEntry, type StockLevel, type SupplyItem, type SupplyLine } from '@shared/schemas/supply';
import type { SupplyRun } from '@shared/schemas/supply-run';
import { isApiError } from '../../shell/api/apiError';
import { mayHaveMoreProblems, type CsvProblem } from '../../ui/csv/csvProblems';

/** Below its minimum, counting only what is not reserved (the server's rule for stock_low). */
export const isLow = (l: Pick<StockLevel, 'available' | 'minLevel'>): boolean => l.minLevel > 0 && l.available < l.minLevel;

export const levelKey = (l: Pick<StockLevel, 'depotId' | 'itemId'>): string => `${l.depotId}|${l.itemId}`;

const collator = new Intl.Collator('zh-CN');

/** County depots first, then township, then village; by name within a tier. */
export const byTierThenName = (a: Depot, b: Depot): number => DEPOT_TIERS.indexOf(a.tier) - DEPOT_TIERS.indexOf(b.tier) || collator.compare(a.name, b.name);

export interface StockRow {
  item: SupplyItem;
  level: StockLevel;
  low: boolean;
}

/** A depot's stock in catalogue order: the items it has a stock record for (held now or before). */
export function depotStock(depotId: string, items: readonly SupplyItem[], levelsByKey: Readonly<Record<string, StockLevel>>): StockRow[] {
  const rows: StockRow[] = [];
  for (const item of items) {
    const level = levelsByKey[levelKey({ depotId, itemId: item.id })];
    if (level) rows.push({ item, level, low: isLow(level) });
  }
  return rows;
}

/** Allocated and in-transit runs first (oldest request first: closest to the goal), then finished ones newest first. */
export function runOrder(a: SupplyRun, b: SupplyRun): number {
  const active = (r: SupplyRun) => r.status === 'allocated' || r.status === 'in_transit';
  if (active(a) !== active(b)) return active(a) ? -1 : 1;
  return active(a) ? a.requestedAt.localeCompare(b.requestedAt) : b.updatedAt.localeCompare(a.updatedAt);
}

/** Newest first, without repeats; at most `limit` entries (the server sends its newest 500). */
export function mergeEntries(current: readonly LedgerEntry[], added: readonly LedgerEntry[], limit = 500): LedgerEntry[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of added) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)).slice(0, limit);
}

export interface Refusal {
  key: string;
  params: Record<string, string | number>;
}

/**
 * Why the server refused a movement or an allocation, as an i18n key and params: INSUFFICIENT_STOCK
 * names the depot, the item and what is available; null for any other error.
 */
export function stockRefusal(e: unknown, names: { depot: (id: string) => string; item: (id: string) => { name: string; unit: string } }): Refusal | null {
  if (!isApiError(e) || e.code !== 'INSUFFICIENT_STOCK') return null;
  const d = (e.details ?? {}) as { depotId?: unknown; itemId?: unknown; available?: unknown; requested?: unknown };
  if (typeof d.depotId !== 'string' || typeof d.itemId !== 'string' || typeof d.available !== 'number' || typeof d.requested !== 'number') {
    return { key: 'errors.INSUFFICIENT_STOCK', params: {} };
  }
  const item = names.item(d.itemId);
  return { key: 'supplies.refused.insufficient', params: { depot: names.depot(d.depotId), item: item.name, unit: item.unit, available: d.available, requested: d.requested } };
}

/** How the refusal is worded: a list cut at the server's limit says there may be more. */
export const csvRefusalKey = (problems: readonly CsvProblem[]): 'supplies.csv.rejected' | 'supplies.csv.rejectedMany' =>
  mayHaveMoreProblems(problems) ? 'supplies.csv.rejectedMany' : 'supplies.csv.rejected';

/** A line of a movement or run form as typed: the item may be unchosen and the quantity empty. */
export interface LineDraft {
  itemId: string;
  quantity: number | null;
}

export const emptyLine = (): LineDraft => ({ itemId: '', quantity: null });

/** The lines to send, or null while any has no item or no positive whole quantity. */
export function completeLines(drafts: readonly LineDraft[]): SupplyLine[] | null {
  const lines: SupplyLine[] = [];
  for (const d of drafts) {
    if (!d.itemId || d.quantity === null || !Number.isInteger(d.quantity) || d.quantity < 1) return null;
    lines.push({ itemId: d.itemId, quantity: d.quantity });
  }
  return lines.length > 0 ? lines : null;
}
