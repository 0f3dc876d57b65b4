import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { Shelter } from '../../shared/schemas/shelter';
import type {
  SupplyRun,
  SupplyRunArrive,
  SupplyRunCancel,
  SupplyRunCreate,
  SupplyRunDepart,
  SupplyRunQuery,
  SupplyRunStatus,
} from '../../shared/schemas/supply-run';
import type { Database } from '../db/schema';
import { DomainError, conflict } from '../errors';
import type { Transactor } from '../events/transactor';
import { loadIncident } from '../incidents/incident-store';
import { loadShelter } from '../shelters/shelter-store';
import type { StockLedger } from './stock-ledger';
import { postings } from './stock-rules';
import { listRuns, loadDepot, loadItem, loadRun } from './supply-store';

/**
 * Supply runs from a depot to another depot (a transfer), a shelter or an incident: allocation reserves
 * the stock, departure takes it out (in transit), arrival adds it at the destination. Measured against
 * the county goal of relief arriving within 12 hours of the request.
 */
export class SupplyRunService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly ledger: StockLedger,
    private readonly clock: () => number = Date.now,
  ) {}

  list(query: SupplyRunQuery = {}): Promise<SupplyRun[]> {
    return listRuns(this.db, { activeOnly: query.active === 'true' });
  }

  get(id: string): Promise<SupplyRun> {
    return loadRun(this.db, id);
  }

  async allocate(data: SupplyRunCreate, actor: Actor): Promise<SupplyRun> {
    const requestedAtMs = data.requestedAt ? Date.parse(data.requestedAt) : this.clock();
    if (requestedAtMs > this.clock() + 60_000) throw new DomainError('VALIDATION_FAILED', 'The request time is in the future.');
    return this.transactor.run(async (tx, record) => {
      await loadDepot(tx, data.fromDepotId);
      for (const line of data.lines) await loadItem(tx, line.itemId);
      await this.checkDestination(tx, data.destinationType, data.destinationId, data.fromDepotId);
      const carrier = data.dispatchId ? await tx.selectFrom('dispatches').select('exercise').where('id', '=', data.dispatchId).executeTakeFirst() : null;
      if (data.dispatchId && !carrier) throw new DomainError('NOT_FOUND', 'The dispatch carrying this run was not found.');
      const exercise = data.exercise === true || carrier?.exercise === 1 || (await this.toDrillShelter(tx, data.destinationType, data.destinationId));
      const now = this.now();
      const id = randomUUID();
      await tx
        .insertInto('supply_runs')
        .values({
          id,
          from_depot_id: data.fromDepotId,
          destination_type: data.destinationType,
          destination_id: data.destinationId,
          status: 'allocated',
          reason: data.reason,
          vehicle: data.vehicle ?? '',
          dispatch_id: data.dispatchId ?? null,
          requested_at: new Date(requestedAtMs).toISOString(),
          allocated_at: now,
          departed_at: null,
          eta: null,
          arrived_at: null,
          cancelled_at: null,
          created_by: actor.name,
          updated_at: now,
          exercise: exercise ? 1 : 0,
        })
        .execute();
      for (const line of data.lines) await tx.insertInto('supply_run_lines').values({ run_id: id, item_id: line.itemId, quantity: line.quantity }).execute();
      const list = data.lines.map((line) => postings.allocation(data.fromDepotId, line.itemId, line.quantity));
      const { levels } = await this.ledger.post(tx, record, list, { reason: data.reason, runId: id }, actor);
      const run = await loadRun(tx, id);
      await record({ type: 'supply_run.allocated', actor, payload: { run, levels } });
      return run;
    });
  }

  async depart(id: string, { eta, vehicle }: SupplyRunDepart, actor: Actor): Promise<SupplyRun> {
    return this.transactor.run(async (tx, record) => {
      const current = await this.moveStatus(tx, id, 'allocated', 'in_transit');
      const now = this.now();
      await tx.updateTable('supply_runs').set({ departed_at: now, eta: new Date(Date.parse(eta)).toISOString(), vehicle: vehicle ?? current.vehicle, updated_at: now }).where('id', '=', id).execute();
      const list = current.lines.map((line) => postings.departure(current.fromDepotId, line.itemId, line.quantity));
      const { levels } = await this.ledger.post(tx, record, list, { reason: current.reason, runId: id }, actor);
      const run = await loadRun(tx, id);
      await record({ type: 'supply_run.departed', actor, payload: { run, levels } });
      return run;
    });
  }

  async arrive(id: string, { note = '' }: SupplyRunArrive, actor: Actor): Promise<SupplyRun> {
    return this.transactor.run(async (tx, record) => {
      const current = await this.moveStatus(tx, id, 'in_transit', 'arrived');
      const now = this.now();
      await tx.updateTable('supply_runs').set({ arrived_at: now, updated_at: now }).where('id', '=', id).execute();
      const context = { reason: note || current.reason, runId: id };
      let levels: Awaited<ReturnType<StockLedger['post']>>['levels'] = [];
      let shelter: Shelter | null = null;
      if (current.destinationType === 'depot') {
        const list = current.lines.map((line) => postings.arrival(current.destinationId, line.itemId, line.quantity));
        levels = (await this.ledger.post(tx, record, list, context, actor)).levels;
      } else {
        const where = current.destinationType === 'shelter' ? { shelterId: current.destinationId, incidentId: null } : { shelterId: null, incidentId: current.destinationId };
        for (const line of current.lines) await this.ledger.deliver(tx, { ...where, ...line }, context, actor);
        if (where.shelterId) shelter = await loadShelter(tx, where.shelterId);
      }
      const run = await loadRun(tx, id);
      await record({ type: 'supply_run.arrived', actor, payload: { run, levels, shelter } });
      return run;
    });
  }

  /** Cancels a run not yet on the road; its reservation is released. */
  async cancel(id: string, { reason }: SupplyRunCancel, actor: Actor): Promise<SupplyRun> {
    return this.transactor.run(async (tx, record) => {
      const current = await this.moveStatus(tx, id, 'allocated', 'cancelled');
      const now = this.now();
      await tx.updateTable('supply_runs').set({ cancelled_at: now, updated_at: now }).where('id', '=', id).execute();
      const list = current.lines.map((line) => postings.release(current.fromDepotId, line.itemId, line.quantity));
      const { levels } = await this.ledger.post(tx, record, list, { reason, runId: id }, actor);
      const run = await loadRun(tx, id);
      await record({ type: 'supply_run.cancelled', actor, payload: { run, levels } });
      return run;
    });
  }

  private async moveStatus(tx: Transaction<Database>, id: string, from: SupplyRunStatus, to: SupplyRunStatus): Promise<SupplyRun> {
    const current = await loadRun(tx, id);
    if (current.status !== from) throw new DomainError('INVALID_TRANSITION', `A ${current.status} run cannot become ${to}.`, { from: current.status, to });
    const updated = await tx.updateTable('supply_runs').set({ status: to }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('The run changed meanwhile; try again.');
    return current;
  }

  /** A run to a shelter a drill opened is the drill's, whatever the form said. */
  private async toDrillShelter(tx: Transaction<Database>, type: SupplyRun['destinationType'], id: string): Promise<boolean> {
    if (type !== 'shelter') return false;
    const shelter = await tx.selectFrom('shelters').select('exercise').where('id', '=', id).executeTakeFirst();
    return shelter?.exercise === 1;
  }

  private async checkDestination(tx: Transaction<Database>, type: SupplyRun['destinationType'], id: string, fromDepotId: string): Promise<void> {
    if (type === 'depot') {
      if (id === fromDepotId) throw new DomainError('VALIDATION_FAILED', 'A transfer goes to another depot.');
      await loadDepot(tx, id);
    } else if (type === 'shelter') await loadShelter(tx, id);
    else if ((await loadIncident(tx, id)).status === 'closed') throw conflict('The incident is closed.');
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
