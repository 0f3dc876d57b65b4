import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { LedgerEntry, LedgerQuery, StockLevel, StockMovement, StockThreshold, StocktakeInput } from '../../shared/schemas/supply';
import type { Database } from '../db/schema';
import type { RecordEvent, Transactor } from '../events/transactor';
import type { StockLedger } from './stock-ledger';
import { postings } from './stock-rules';
import { listStockLevels, loadDepot, loadItem, toLedgerEntry, toStockLevel } from './supply-store';

/** Receipts, issues and stocktakes at depots, minimum-stock thresholds, and reading stock and ledger. */
export class StockService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly ledger: StockLedger,
  ) {}

  levels(): Promise<StockLevel[]> {
    return listStockLevels(this.db);
  }

  async entries({ depotId, itemId, runId }: LedgerQuery): Promise<LedgerEntry[]> {
    let select = this.db.selectFrom('supply_ledger').selectAll();
    if (depotId) select = select.where('depot_id', '=', depotId);
    if (itemId) select = select.where('item_id', '=', itemId);
    if (runId) select = select.where('run_id', '=', runId);
    return (await select.orderBy('at', 'desc').limit(500).execute()).map(toLedgerEntry);
  }

  /** A receipt or an issue of one or more items at a depot. */
  async move({ kind, depotId, lines, reason }: StockMovement, actor: Actor): Promise<StockLevel[]> {
    return this.transactor.run(async (tx, record) => {
      await loadDepot(tx, depotId);
      for (const line of lines) await loadItem(tx, line.itemId);
      const list = lines.map((line) => postings[kind](depotId, line.itemId, line.quantity));
      const { entries, levels } = await this.ledger.post(tx, record, list, { reason }, actor);
      await record({ type: 'stock.changed', actor, payload: { entries, levels } });
      return levels;
    });
  }

  async stocktake(data: StocktakeInput, actor: Actor): Promise<StockLevel> {
    return this.transactor.run(async (tx, record) => {
      await loadDepot(tx, data.depotId);
      await loadItem(tx, data.itemId);
      return this.stocktakeWithin(tx, record, data, actor);
    });
  }

  /** Sets the counted quantity; refused below what is reserved for runs. */
  async stocktakeWithin(tx: Transaction<Database>, record: RecordEvent, data: { depotId: string; itemId: string; counted: number; reason: string }, actor: Actor): Promise<StockLevel> {
    const current = await this.ledger.holdingRow(tx, data.depotId, data.itemId);
    const posting = postings.stocktake(data.depotId, data.itemId, { onHand: current.on_hand, reserved: current.reserved }, data.counted);
    if (posting.onHandDelta === 0) return toStockLevel(current);
    const { entries, levels } = await this.ledger.post(tx, record, [posting], { reason: data.reason }, actor);
    await record({ type: 'stock.changed', actor, payload: { entries, levels } });
    return levels[0]!;
  }

  async setThreshold(depotId: string, itemId: string, { minLevel }: StockThreshold, actor: Actor): Promise<StockLevel> {
    return this.transactor.run(async (tx, record) => {
      await loadDepot(tx, depotId);
      await loadItem(tx, itemId);
      return this.setThresholdWithin(tx, record, depotId, itemId, minLevel, actor);
    });
  }

  async setThresholdWithin(tx: Transaction<Database>, record: RecordEvent, depotId: string, itemId: string, minLevel: number, actor: Actor): Promise<StockLevel> {
    const current = await this.ledger.holdingRow(tx, depotId, itemId);
    if (current.min_level === minLevel) return toStockLevel(current);
    await tx.updateTable('stock_levels').set({ min_level: minLevel }).where('depot_id', '=', depotId).where('item_id', '=', itemId).execute();
    const level = toStockLevel({ ...current, min_level: minLevel });
    await record({ type: 'stock.threshold_set', actor, payload: { level } });
    await this.ledger.syncLowAlarm(tx, record, level, actor);
    return level;
  }
}
