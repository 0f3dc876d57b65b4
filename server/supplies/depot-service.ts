import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import { DepotCreateSchema, type Depot, type DepotCreate, type DepotPatch } from '../../shared/schemas/supply';
import { townshipAt } from '../../shared/townships';
import type { Database } from '../db/schema';
import { conflict } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { listDepots, loadDepot, toDepotRow } from './supply-store';

/** Supply depots in three tiers (county, township, village); admins keep them. */
export class DepotService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): Promise<Depot[]> {
    return listDepots(this.db);
  }

  async create(data: DepotCreate, actor: Actor): Promise<Depot> {
    return this.transactor.run(async (tx, record) => {
      if (await tx.selectFrom('depots').select('id').where('id', '=', data.id).executeTakeFirst()) throw conflict(`A depot with code ${data.id} exists.`);
      return this.createWithin(tx, record, data, actor);
    });
  }

  async update(id: string, patch: DepotPatch, actor: Actor): Promise<Depot> {
    return this.transactor.run((tx, record) => this.updateWithin(tx, record, id, patch, actor));
  }

  /** Creates a depot from already-validated data (CSV import runs many in one transaction). */
  async createWithin(tx: Transaction<Database>, record: RecordEvent, data: DepotCreate, actor: Actor): Promise<Depot> {
    const parsed = DepotCreateSchema.parse(data);
    const depot: Depot = { ...parsed, township: parsed.township === undefined ? townshipAt(parsed.location) : parsed.township, updatedAt: this.now() };
    await tx.insertInto('depots').values(toDepotRow(depot)).execute();
    await record({ type: 'depot.created', actor, payload: { depot } });
    return depot;
  }

  async updateWithin(tx: Transaction<Database>, record: RecordEvent, id: string, patch: Partial<Omit<Depot, 'id' | 'updatedAt'>>, actor: Actor): Promise<Depot> {
    const depot: Depot = { ...(await loadDepot(tx, id)), ...patch, updatedAt: this.now() };
    await tx.updateTable('depots').set(toDepotRow(depot)).where('id', '=', id).execute();
    await record({ type: 'depot.updated', actor, payload: { depot } });
    return depot;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
