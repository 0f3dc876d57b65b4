import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import {
  ShelterCreateSchema,
  ShelterMovementCreateSchema,
  ShelterStatusChangeSchema,
  ShelterUpdateSchema,
  type Shelter,
  type ShelterStatusChange,
  type ShelterMovement,
} from '../../shared/schemas/shelter';
import { townshipAt } from '../../shared/townships';
import type { Database } from '../db/schema';
import { DomainError, conflict } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { occupancyAfter, ownOccupancy, statusFor } from './occupancy';
import { syncShelterAlarms, type ShelterAlarms } from './shelter-alarms';
import { listShelters, loadShelter, toMovement, toShelterRow } from './shelter-store';

/** 避灾安置场所: the registry (admins), opening and closing, and check-ins and check-outs (the duty desk). */
export class ShelterService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly alarms: ShelterAlarms,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): Promise<Shelter[]> {
    return listShelters(this.db);
  }

  get(id: string): Promise<Shelter> {
    return loadShelter(this.db, id);
  }

  async movements(id: string, limit = 200): Promise<ShelterMovement[]> {
    await loadShelter(this.db, id);
    const rows = await this.db.selectFrom('shelter_movements').selectAll().where('shelter_id', '=', id).orderBy('at', 'desc').limit(limit).execute();
    return rows.map(toMovement);
  }

  async create(data: z.output<typeof ShelterCreateSchema>, actor: Actor, id: string = `shelter-${randomUUID().slice(0, 8)}`): Promise<Shelter> {
    const township = data.township ?? townshipAt(data.location);
    if (!township) throw new DomainError('VALIDATION_FAILED', 'The location is outside the county; name the township.');
    const shelter: Shelter = { ...data, id, township, status: 'closed', occupancy: 0, drillOccupancy: 0, supplies: [], updatedAt: this.now(), exercise: false };
    await this.transactor.run(async (tx, record) => {
      await tx.insertInto('shelters').values(toShelterRow(shelter)).execute();
      await record({ type: 'shelter.created', actor, payload: { shelter } });
    });
    return shelter;
  }

  async update(id: string, patch: z.output<typeof ShelterUpdateSchema>, actor: Actor): Promise<Shelter> {
    return this.transactor.run(async (tx, record) => {
      const current = await loadShelter(tx, id);
      const capacity = patch.capacity ?? current.capacity;
      // A drill's people take room too: the capacity holds everyone checked in.
      const present = current.occupancy + current.drillOccupancy;
      if (capacity < present) throw conflict(`${present} people are checked in; the capacity cannot be lower.`, { occupancy: present });
      const shelter: Shelter = { ...current, ...patch, status: statusFor(current.status, ownOccupancy(current), capacity), updatedAt: this.now() };
      await tx.updateTable('shelters').set(toShelterRow(shelter)).where('id', '=', id).execute();
      await record({ type: 'shelter.updated', actor, payload: { shelter } });
      await syncShelterAlarms(this.alarms, tx, record, shelter, actor);
      return shelter;
    });
  }

  async setStatus(id: string, input: z.output<typeof ShelterStatusChangeSchema>, actor: Actor): Promise<Shelter> {
    return this.transactor.run((tx, record) => this.setStatusWithin(tx, record, id, input, actor));
  }

  /**
   * The status change inside a caller's transaction (a response plan opening shelters). A drill opens only a
   * closed shelter, as the drill's (演练); opening it for real makes it real, and closing it ends the drill's hold.
   */
  async setStatusWithin(tx: Transaction<Database>, record: RecordEvent, id: string, input: ShelterStatusChange, actor: Actor): Promise<Shelter> {
    const { status: wanted } = input;
    const current = await loadShelter(tx, id);
    const present = current.occupancy + current.drillOccupancy;
    if (wanted === 'closed' && present > 0) throw conflict(`${present} people are still checked in.`, { occupancy: present });
    const exercise = wanted === 'open' && (current.status === 'closed' ? input.exercise === true : current.exercise && input.exercise === true);
    const status = wanted === 'closed' ? 'closed' : statusFor('open', ownOccupancy({ ...current, exercise }), current.capacity);
    if (status === current.status && exercise === current.exercise) return current;
    const shelter: Shelter = { ...current, status, exercise, updatedAt: this.now() };
    await tx.updateTable('shelters').set({ status, exercise: exercise ? 1 : 0, updated_at: shelter.updatedAt }).where('id', '=', id).execute();
    await record({ type: 'shelter.status_changed', actor, payload: { shelter, from: current.status } });
    await syncShelterAlarms(this.alarms, tx, record, shelter, actor);
    return shelter;
  }

  /**
   * A check-in or check-out of evacuated people; refused, with nothing written, beyond capacity or below zero.
   * A drill's people (at a drill's shelter, or checked in as a drill's) move `drillOccupancy` only: the real
   * occupancy, the shelter's status and its real alarms count real people alone.
   */
  async recordMovement(id: string, data: z.output<typeof ShelterMovementCreateSchema>, actor: Actor): Promise<Shelter> {
    return this.transactor.run(async (tx, record) => {
      const current = await loadShelter(tx, id);
      const drill = current.exercise || data.exercise === true;
      occupancyAfter(current, data.kind, data.people, drill);
      const delta = data.kind === 'check_in' ? data.people : -data.people;
      const column = drill ? 'drill_occupancy' : 'occupancy';
      const now = this.now();
      // Relative and guarded, so two desks checking people in at once (PostgreSQL) cannot overfill it.
      let update = tx
        .updateTable('shelters')
        .set((eb) => ({ [column]: eb(column, '+', delta), updated_at: now }))
        .where('id', '=', id)
        .where(sql<boolean>`${sql.ref(column)} + ${delta} >= 0`);
      if (data.kind === 'check_in') {
        const taken = drill ? sql`occupancy + drill_occupancy` : sql`occupancy`;
        update = update.where('status', '!=', 'closed').where(sql<boolean>`${taken} + ${delta} <= capacity`);
      }
      const updated = await update.returning(['occupancy', 'drill_occupancy', 'status', 'capacity', 'exercise']).executeTakeFirst();
      if (!updated) {
        occupancyAfter(await loadShelter(tx, id), data.kind, data.people, drill);
        throw conflict('The shelter changed meanwhile; try again.');
      }
      const counts = { occupancy: updated.occupancy, drillOccupancy: updated.drill_occupancy, exercise: updated.exercise === 1 };
      const status = statusFor(updated.status as Shelter['status'], ownOccupancy(counts), updated.capacity);
      await tx.updateTable('shelters').set({ status }).where('id', '=', id).execute();
      const shelter: Shelter = { ...current, ...counts, status, updatedAt: now };
      const movement: ShelterMovement = { id: randomUUID(), shelterId: id, kind: data.kind, people: data.people, at: now, note: data.note, actorName: actor.name, exercise: drill };
      await tx.insertInto('shelter_movements').values({ id: movement.id, shelter_id: id, kind: movement.kind, people: movement.people, at: now, note: movement.note, actor_name: actor.name, exercise: drill ? 1 : 0 }).execute();
      await record({ type: 'shelter.occupancy_changed', actor, payload: { shelter, movement } });
      await syncShelterAlarms(this.alarms, tx, record, shelter, actor);
      return shelter;
    });
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
