import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../shared/schemas/event';
import type { SupplyCsvImportResult, SupplyCsvKind } from '../../../shared/schemas/supply';
import type { Database } from '../../db/schema';
import type { RecordEvent, Transactor } from '../../events/transactor';
import type { DepotService } from '../depot-service';
import type { StockService } from '../stock-service';
import type { SupplyItemService } from '../supply-item-service';
import { listDepots, listItems, listStockLevels, toDepot, toItem } from '../supply-store';
import { MAX_CSV_PROBLEMS, csvRejected, decodeCsv, parseCsv, writeCsv, type CsvColumn, type CsvEncoding, type CsvLineError } from './csv-codec';
import { DEPOT_COLUMNS, ITEM_COLUMNS, STOCK_COLUMNS, depotFromRow, depotToRow, itemFromRow, itemToRow, stockFromRow, type DepotRow, type ItemRow, type RowResult, type StockRow } from './supply-csv-columns';

type Counts = Omit<SupplyCsvImportResult, 'kind' | 'rows'>;

/**
 * CSV import and export of depots, the catalogue and stock, for county offices that keep them in Excel.
 * An import is all or nothing: every row is checked first, every problem reported with its line, and
 * the rows are written in one transaction. Depots and items are matched by code (created or updated);
 * stock rows are stocktakes (counted quantity) plus the minimum level.
 */
export class SupplyCsvService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly depots: DepotService,
    private readonly items: SupplyItemService,
    private readonly stock: StockService,
  ) {}

  async import(kind: SupplyCsvKind, bytes: Buffer, encoding: CsvEncoding | undefined, actor: Actor): Promise<SupplyCsvImportResult> {
    const text = decodeCsv(bytes, encoding);
    if (kind === 'depots') return this.importRows(kind, text, DEPOT_COLUMNS, depotFromRow, (d) => d.id, (tx, record, rows) => this.writeDepots(tx, record, rows, actor));
    if (kind === 'items') return this.importRows(kind, text, ITEM_COLUMNS, itemFromRow, (i) => i.id, (tx, record, rows) => this.writeItems(tx, record, rows, actor));
    return this.importRows(kind, text, STOCK_COLUMNS, stockFromRow, (l) => `${l.depotId}:${l.itemId}`, (tx, record, rows) => this.writeStock(tx, record, rows, actor), (tx, rows) => this.checkStock(tx, rows));
  }

  async export(kind: SupplyCsvKind): Promise<Buffer> {
    if (kind === 'depots') return writeCsv(DEPOT_COLUMNS, (await listDepots(this.db)).map(depotToRow));
    if (kind === 'items') return writeCsv(ITEM_COLUMNS, (await listItems(this.db)).map(itemToRow));
    const depots = new Map((await listDepots(this.db)).map((d) => [d.id, d]));
    const items = new Map((await listItems(this.db)).map((i) => [i.id, i]));
    const rows = (await listStockLevels(this.db)).map((l) => ({
      depotId: l.depotId,
      depotName: depots.get(l.depotId)?.name ?? '',
      itemId: l.itemId,
      itemName: items.get(l.itemId)?.name ?? '',
      unit: items.get(l.itemId)?.unit ?? '',
      onHand: String(l.onHand),
      reserved: String(l.reserved),
      available: String(l.available),
      minLevel: String(l.minLevel),
    }));
    return writeCsv(STOCK_COLUMNS, rows);
  }

  private async importRows<K extends string, T extends object>(
    kind: SupplyCsvKind,
    text: string,
    columns: readonly CsvColumn<K>[],
    fromRow: (values: Record<K, string>) => RowResult<T>,
    keyOf: (value: T) => string,
    write: (tx: Transaction<Database>, record: RecordEvent, rows: Array<{ line: number; value: T }>) => Promise<Counts>,
    check: (tx: Transaction<Database>, rows: Array<{ line: number; value: T }>) => Promise<CsvLineError[]> = async () => [],
  ): Promise<SupplyCsvImportResult> {
    const parsed = parseCsv(text, columns);
    const errors: CsvLineError[] = [...parsed.errors];
    const rows: Array<{ line: number; value: T }> = [];
    const seen = new Map<string, number>();
    for (const row of parsed.rows) {
      if (errors.length > MAX_CSV_PROBLEMS) throw csvRejected(errors);
      const result = fromRow(row.values);
      if (!result.ok) {
        errors.push({ line: row.line, message: result.message });
        continue;
      }
      const key = keyOf(result.value);
      if (seen.has(key)) errors.push({ line: row.line, message: `Repeats line ${seen.get(key)}.` });
      else seen.set(key, row.line);
      rows.push({ line: row.line, value: result.value });
    }
    const counts = await this.transactor.run(async (tx, record) => {
      errors.push(...(await check(tx, rows)));
      if (errors.length > 0) throw csvRejected(errors);
      return write(tx, record, rows);
    });
    return { kind, rows: rows.length, ...counts };
  }

  private async writeDepots(tx: Transaction<Database>, record: RecordEvent, rows: Array<{ line: number; value: DepotRow }>, actor: Actor): Promise<Counts> {
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    for (const { value } of rows) {
      const existing = await tx.selectFrom('depots').selectAll().where('id', '=', value.id).executeTakeFirst();
      if (!existing) {
        await this.depots.createWithin(tx, record, value, actor);
        counts.created++;
        continue;
      }
      const { id, ...fields } = value;
      const current = toDepot(existing);
      const next = { ...fields, township: fields.township === undefined ? current.township : fields.township };
      if (sameFields(current, next)) counts.unchanged++;
      else {
        await this.depots.updateWithin(tx, record, id, next, actor);
        counts.updated++;
      }
    }
    return counts;
  }

  private async writeItems(tx: Transaction<Database>, record: RecordEvent, rows: Array<{ line: number; value: ItemRow }>, actor: Actor): Promise<Counts> {
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    for (const { value } of rows) {
      const existing = await tx.selectFrom('supply_items').selectAll().where('id', '=', value.id).executeTakeFirst();
      const { id, ...fields } = value;
      if (!existing) {
        await this.items.createWithin(tx, record, value, actor);
        counts.created++;
      } else if (sameFields(toItem(existing), fields)) counts.unchanged++;
      else {
        await this.items.updateWithin(tx, record, id, fields, actor);
        counts.updated++;
      }
    }
    return counts;
  }

  /** Checks every row against the store before any is written, so a bad reference refuses the whole file. */
  private async checkStock(tx: Transaction<Database>, rows: Array<{ line: number; value: StockRow }>): Promise<CsvLineError[]> {
    const depots = new Set((await tx.selectFrom('depots').select('id').execute()).map((d) => d.id));
    const items = new Set((await tx.selectFrom('supply_items').select('id').execute()).map((i) => i.id));
    const reserved = new Map((await tx.selectFrom('stock_levels').select(['depot_id', 'item_id', 'reserved']).execute()).map((l) => [`${l.depot_id}:${l.item_id}`, l.reserved]));
    const errors: CsvLineError[] = [];
    for (const { line, value } of rows) {
      const problems = [!depots.has(value.depotId) && `仓库编码: no depot ${value.depotId}`, !items.has(value.itemId) && `物资编码: no item ${value.itemId}`].filter((p) => typeof p === 'string');
      const promised = reserved.get(`${value.depotId}:${value.itemId}`) ?? 0;
      if (value.onHand < promised) problems.push(`库存数量: ${promised} are reserved for supply runs; the count cannot be lower.`);
      if (problems.length > 0) errors.push({ line, message: problems.join('; ') });
    }
    return errors;
  }

  private async writeStock(tx: Transaction<Database>, record: RecordEvent, rows: Array<{ line: number; value: StockRow }>, actor: Actor): Promise<Counts> {
    const levels = new Map((await tx.selectFrom('stock_levels').selectAll().execute()).map((l) => [`${l.depot_id}:${l.item_id}`, l]));
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    for (const { line, value } of rows) {
      const before = levels.get(`${value.depotId}:${value.itemId}`);
      const unchanged = before && before.on_hand === value.onHand && (value.minLevel === null || before.min_level === value.minLevel);
      await this.stock.stocktakeWithin(tx, record, { depotId: value.depotId, itemId: value.itemId, counted: value.onHand, reason: `CSV 导入盘点（第 ${line} 行）` }, actor);
      if (value.minLevel !== null) await this.stock.setThresholdWithin(tx, record, value.depotId, value.itemId, value.minLevel, actor);
      counts[before ? (unchanged ? 'unchanged' : 'updated') : 'created']++;
    }
    return counts;
  }
}

function sameFields(current: object, next: object): boolean {
  return Object.entries(next).every(([key, value]) => JSON.stringify((current as Record<string, unknown>)[key]) === JSON.stringify(value));
}
