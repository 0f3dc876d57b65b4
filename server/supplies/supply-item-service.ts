import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import { SupplyItemCreateSchema, type SupplyItem, type SupplyItemCreate, type SupplyItemPatch } from '../../shared/schemas/supply';
import type { Database } from '../db/schema';
import { conflict } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { listItems, loadItem, toItemRow } from './supply-store';

/** The item catalogue (帐篷, 棉被, 救生衣, 沙袋 …) with units; admins keep it. */
export class SupplyItemService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): Promise<SupplyItem[]> {
    return listItems(this.db);
  }

  async create(data: SupplyItemCreate, actor: Actor): Promise<SupplyItem> {
    return this.transactor.run(async (tx, record) => {
      if (await tx.selectFrom('supply_items').select('id').where('id', '=', data.id).executeTakeFirst()) throw conflict(`An item with code ${data.id} exists.`);
      return this.createWithin(tx, record, data, actor);
    });
  }

  async update(id: string, patch: SupplyItemPatch, actor: Actor): Promise<SupplyItem> {
    return this.transactor.run((tx, record) => this.updateWithin(tx, record, id, patch, actor));
  }

  async createWithin(tx: Transaction<Database>, record: RecordEvent, data: SupplyItemCreate, actor: Actor): Promise<SupplyItem> {
    const item: SupplyItem = { ...SupplyItemCreateSchema.parse(data), updatedAt: this.now() };
    await tx.insertInto('supply_items').values(toItemRow(item)).execute();
    await record({ type: 'supply_item.created', actor, payload: { item } });
    return item;
  }

  async updateWithin(tx: Transaction<Database>, record: RecordEvent, id: string, patch: Partial<Omit<SupplyItem, 'id' | 'updatedAt'>>, actor: Actor): Promise<SupplyItem> {
    const item: SupplyItem = { ...(await loadItem(tx, id)), ...patch, updatedAt: this.now() };
    await tx.updateTable('supply_items').set(toItemRow(item)).where('id', '=', id).execute();
    await record({ type: 'supply_item.updated', actor, payload: { item } });
    return item;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
