import type { StockLevel, SupplyItem } from '@shared/schemas/supply';
import { isApiError } from '../../shell/api/apiError';
import type { Refusal } from './supplyModel';

/** `not_whole`: not a whole number of at least 0; `below_reserved`: less than runs have reserved (the server refuses it). */
export type CountProblem = 'not_whole' | 'below_reserved';

/** One item on a depot's count sheet. */
export interface CountLine {
  item: SupplyItem;
  /** The depot has a stock record of it (holds it now or did before). */
  held: boolean;
  /** The book: on hand by the ledger (0 without a stock record). */
  book: number;
  reserved: number;
  /** null: not counted, left out of the stocktake. */
  counted: number | null;
  /** counted − book; 0 while not counted. */
  difference: number;
  problem: CountProblem | null;
}

/** What an input holds: a number input bound with v-model.number gives '' when emptied. */
export type TypedCount = number | string | null | undefined;

/**
 * A depot's count sheet: items it holds first, then the rest of the catalogue, each with its book
 * quantity and the difference to what was counted.
 */
export function countSheet(items: readonly SupplyItem[], levelOf: (itemId: string) => Pick<StockLevel, 'onHand' | 'reserved'> | undefined, typed: Readonly<Record<string, TypedCount>>): CountLine[] {
  const lines = items.map((item): CountLine => {
    const level = levelOf(item.id);
    const book = level?.onHand ?? 0;
    const reserved = level?.reserved ?? 0;
    const raw = typed[item.id];
    const counted = raw === '' || raw === null || raw === undefined ? null : Number(raw);
    let problem: CountProblem | null = null;
    if (counted !== null && (!Number.isInteger(counted) || counted < 0)) problem = 'not_whole';
    else if (counted !== null && counted < reserved) problem = 'below_reserved';
    const difference = counted === null || problem === 'not_whole' ? 0 : counted - book;
    return { item, held: level !== undefined, book, reserved, counted, difference, problem };
  });
  return [...lines.filter((l) => l.held), ...lines.filter((l) => !l.held)];
}

export interface StocktakeSummary {
  /** Items with a count typed in. */
  counted: number;
  /** More found than the book says (盘盈) / fewer (盘亏) / as the book says. */
  surplus: number;
  shortage: number;
  matching: number;
  problems: number;
  /** What will be posted: counted lines that differ from the book and have no problem. */
  changes: CountLine[];
}

export function summarize(lines: readonly CountLine[]): StocktakeSummary {
  const counted = lines.filter((l) => l.counted !== null);
  const valid = counted.filter((l) => l.problem === null);
  return {
    counted: counted.length,
    surplus: valid.filter((l) => l.difference > 0).length,
    shortage: valid.filter((l) => l.difference < 0).length,
    matching: valid.filter((l) => l.difference === 0).length,
    problems: counted.length - valid.length,
    changes: valid.filter((l) => l.difference !== 0),
  };
}

/** A difference with its sign: +3, −2 (a true minus sign, easier to read than a hyphen), 0. */
export const signedDifference = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/**
 * Why the server refused a count: below what is reserved for runs (INSUFFICIENT_STOCK names what is
 * reserved); null for any other error.
 */
export function stocktakeRefusal(e: unknown, counted: number, names: { depot: string; item: string; unit: string }): Refusal | null {
  if (!isApiError(e) || e.code !== 'INSUFFICIENT_STOCK') return null;
  const reserved = (e.details as { reserved?: unknown } | undefined)?.reserved;
  if (typeof reserved !== 'number') return { key: 'errors.INSUFFICIENT_STOCK', params: {} };
  return { key: 'supplies.stocktake.refusedReserved', params: { ...names, counted, reserved } };
}
