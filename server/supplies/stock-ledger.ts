import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { LedgerEntry, StockLevel } from '../../shared/schemas/supply';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import type { StockLevelRow, SupplyLedgerRow } from './schema';
import { conflict } from '../errors';
import type { RecordEvent } from '../events/transactor';
import { isLow, nextHolding, type Posting } from './stock-rules';
import { toLedgerEntry, toStockLevel } from './supply-store';

export interface EntryContext {
  reason: string;
  runId?: string | null;
}

/** A delivery at a destination that is not a depot: into a shelter's supplies, or handed over at an incident. */
export interface Delivery {
  shelterId: string | null;
  incidentId: string | null;
  itemId: string;
  quantity: number;
}

/**
 * The one writer of stock. Every change is a ledger entry (who, why, how much) and the stock level is
 * its projection, updated in the same transaction. A posting that would take stock negative (or below
 * what is reserved) throws INSUFFICIENT_STOCK and the caller's transaction rolls back: nothing is written.
 */
export class StockLedger {
  constructor(
    private readonly alarms: Pick<AlarmService, 'raiseWithin' | 'clearWithin'>,
    private readonly clock: () => number = Date.now,
  ) {}

  async post(tx: Transaction<Database>, record: RecordEvent, list: readonly Posting[], context: EntryContext, actor: Actor): Promise<{ entries: LedgerEntry[]; levels: StockLevel[] }> {
    const now = this.now();
    const entries: LedgerEntry[] = [];
    const touched = new Map<string, StockLevelRow>();
    for (const posting of list) {
      await this.holdingRow(tx, posting.depotId, posting.itemId);
      const { onHandDelta: d, reservedDelta: r } = posting;
      // Relative and guarded: concurrent postings (PostgreSQL) apply one after the other instead of
      // overwriting each other, and a posting that would break 0 ≤ reserved ≤ onHand matches no row.
      const updated = await tx
        .updateTable('stock_levels')
        .set((eb) => ({ on_hand: eb('on_hand', '+', d), reserved: eb('reserved', '+', r), updated_at: now }))
        .where('depot_id', '=', posting.depotId)
        .where('item_id', '=', posting.itemId)
        .where(sql<boolean>`on_hand + ${d} >= 0 and reserved + ${r} >= 0 and reserved + ${r} <= on_hand + ${d}`)
        .returningAll()
        .executeTakeFirst();
      if (!updated) {
        const current = await this.holdingRow(tx, posting.depotId, posting.itemId);
        nextHolding({ onHand: current.on_hand, reserved: current.reserved }, posting);
        throw conflict('The stock changed meanwhile; try again.');
      }
      const row = this.entryRow(now, posting.kind, { depotId: posting.depotId, shelterId: null, incidentId: null, itemId: posting.itemId, quantity: d }, r, context, actor);
      await tx.insertInto('supply_ledger').values(row).execute();
      entries.push(toLedgerEntry(row));
      touched.set(`${posting.depotId}\u0000${posting.itemId}`, updated);
    }
    const levels = [...touched.values()].map(toStockLevel);
    for (const level of levels) await this.syncLowAlarm(tx, record, level, actor);
    return { entries, levels };
  }

  /** Records supplies arriving at a shelter (added to its supplies) or an incident (handed over there). */
  async deliver(tx: Transaction<Database>, delivery: Delivery, context: EntryContext, actor: Actor): Promise<LedgerEntry> {
    if (delivery.shelterId) {
      await tx
        .insertInto('shelter_supplies')
        .values({ shelter_id: delivery.shelterId, item_id: delivery.itemId, quantity: delivery.quantity })
        .onConflict((oc) => oc.columns(['shelter_id', 'item_id']).doUpdateSet((eb) => ({ quantity: eb('shelter_supplies.quantity', '+', delivery.quantity) })))
        .execute();
    }
    const row = this.entryRow(this.now(), 'arrival', { depotId: null, ...delivery }, 0, context, actor);
    await tx.insertInto('supply_ledger').values(row).execute();
    return toLedgerEntry(row);
  }

  /** The stock row of a depot and item, created at zero the first time. */
  async holdingRow(tx: Transaction<Database>, depotId: string, itemId: string): Promise<StockLevelRow> {
    await tx
      .insertInto('stock_levels')
      .values({ depot_id: depotId, item_id: itemId, on_hand: 0, reserved: 0, min_level: 0, updated_at: this.now() })
      .onConflict((oc) => oc.columns(['depot_id', 'item_id']).doNothing())
      .execute();
    return tx.selectFrom('stock_levels').selectAll().where('depot_id', '=', depotId).where('item_id', '=', itemId).executeTakeFirstOrThrow();
  }

  /** Raises stock_low while the available quantity is below the minimum, and clears it otherwise. */
  async syncLowAlarm(tx: Transaction<Database>, record: RecordEvent, level: StockLevel, actor: Actor): Promise<void> {
    const sourceId = `${level.depotId}:${level.itemId}`;
    if (!isLow(level, level.minLevel)) {
      await this.alarms.clearWithin(tx, record, 'stock_low', sourceId, actor);
      return;
    }
    const depot = await tx.selectFrom('depots').select('name').where('id', '=', level.depotId).executeTakeFirst();
    const item = await tx.selectFrom('supply_items').select(['name', 'unit']).where('id', '=', level.itemId).executeTakeFirst();
    await this.alarms.raiseWithin(
      tx,
      record,
      {
        kind: 'stock_low',
        severity: 'warning',
        sound: 'once',
        sourceType: 'stock',
        sourceId,
        params: { depotId: level.depotId, depotName: depot?.name ?? level.depotId, itemId: level.itemId, itemName: item?.name ?? level.itemId, unit: item?.unit ?? '', available: level.available, minLevel: level.minLevel },
      },
      actor,
    );
  }

  private entryRow(at: string, kind: LedgerEntry['kind'], where: Omit<Delivery, 'shelterId' | 'incidentId'> & Pick<LedgerEntry, 'depotId' | 'shelterId' | 'incidentId'>, reservedDelta: number, context: EntryContext, actor: Actor): SupplyLedgerRow {
    return {
      id: randomUUID(),
      at,
      kind,
      depot_id: where.depotId,
      shelter_id: where.shelterId,
      incident_id: where.incidentId,
      item_id: where.itemId,
      quantity: where.quantity,
      reserved_delta: reservedDelta,
      run_id: context.runId ?? null,
      reason: context.reason,
      actor_id: actor.id,
      actor_name: actor.name,
    };
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
