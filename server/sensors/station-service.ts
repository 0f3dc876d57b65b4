import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { DEFAULT_ELEMENTS, type Station, StationCreateSchema, StationMaintenanceSchema, StationUpdateSchema } from '../../shared/schemas/station';
import { townshipAt } from '../../shared/townships';
import type { Database } from '../db/schema';
import { conflict, DomainError } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { listStations, loadStation, maskStation, toStationRow } from './station-store';

/** Writes inside one transaction (see StationService.inOneTransaction). */
export interface StationWrites {
  list(): Promise<Station[]>;
  create(data: z.output<typeof StationCreateSchema>, actor: Actor, id?: string): Promise<Station>;
  update(id: string, patch: z.output<typeof StationUpdateSchema>, actor: Actor): Promise<Station>;
}

const newStationId = () => `station-${randomUUID().slice(0, 8)}`;

/** Told after every committed change, so the live states follow the registry. */
export type StationListener = (change: { station: Station } | { removedId: string }) => void;

/** The station registry (admins) and maintenance (staff). Events carry the station with its password masked. */
export class StationService {
  private readonly listeners: StationListener[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  onChange(listener: StationListener): void {
    this.listeners.push(listener);
  }

  list(): Promise<Station[]> {
    return listStations(this.db);
  }

  get(id: string): Promise<Station> {
    return loadStation(this.db, id);
  }

  async create(data: z.output<typeof StationCreateSchema>, actor: Actor, id = newStationId()): Promise<Station> {
    return this.inOneTransaction((writes) => writes.create(data, actor, id));
  }

  async update(id: string, patch: z.output<typeof StationUpdateSchema>, actor: Actor): Promise<Station> {
    return this.inOneTransaction((writes) => writes.update(id, patch, actor));
  }

  /**
   * Several creates and updates in one transaction (the CSV import): all of them or none. Listeners hear of the
   * changes only once it has committed.
   */
  async inOneTransaction<R>(work: (writes: StationWrites) => Promise<R>): Promise<R> {
    const changed: Station[] = [];
    const result = await this.transactor.run((tx, record) =>
      work({
        list: () => listStations(tx),
        create: async (data, actor, id = newStationId()) => {
          const station = await this.insertWithin(tx, record, data, actor, id);
          changed.push(station);
          return station;
        },
        update: async (id, patch, actor) => {
          const station = await this.updateWithin(tx, record, id, patch, actor);
          changed.push(station);
          return station;
        },
      }),
    );
    for (const station of changed) this.notify({ station });
    return result;
  }

  private async insertWithin(tx: Kysely<Database>, record: RecordEvent, data: z.output<typeof StationCreateSchema>, actor: Actor, id: string): Promise<Station> {
    const township = data.township ?? townshipAt(data.location);
    if (!township) throw new DomainError('VALIDATION_FAILED', 'The location is outside the county; name the township.');
    const station: Station = {
      ...data,
      id,
      township,
      elements: data.elements.length ? data.elements : [...DEFAULT_ELEMENTS[data.kind]],
      maintenance: false,
      maintenanceNote: '',
      updatedAt: this.now(),
    };
    await this.assertUnique(tx, station);
    await tx.insertInto('stations').values(toStationRow(station)).execute();
    await record({ type: 'station.created', actor, payload: { station: maskStation(station) } });
    return station;
  }

  private async updateWithin(tx: Kysely<Database>, record: RecordEvent, id: string, patch: z.output<typeof StationUpdateSchema>, actor: Actor): Promise<Station> {
    const current = await loadStation(tx, id);
    const township = patch.township ?? (patch.location ? townshipAt(patch.location) : current.township);
    if (!township) throw new DomainError('VALIDATION_FAILED', 'The location is outside the county; name the township.');
    const next: Station = { ...current, ...patch, township, updatedAt: this.now() };
    await this.assertUnique(tx, next);
    await tx.updateTable('stations').set(toStationRow(next)).where('id', '=', id).execute();
    await record({ type: 'station.updated', actor, payload: { station: maskStation(next) } });
    return next;
  }

  async setMaintenance(id: string, input: z.output<typeof StationMaintenanceSchema>, actor: Actor): Promise<Station> {
    const station = await this.transactor.run(async (tx, record) => {
      const current = await loadStation(tx, id);
      const next: Station = { ...current, maintenance: input.maintenance, maintenanceNote: input.maintenance ? input.note : '', updatedAt: this.now() };
      await tx.updateTable('stations').set({ maintenance: next.maintenance ? 1 : 0, maintenance_note: next.maintenanceNote, updated_at: next.updatedAt }).where('id', '=', id).execute();
      await record({ type: 'station.updated', actor, payload: { station: maskStation(next) } });
      return next;
    });
    this.notify({ station });
    return station;
  }

  /** Removes the station; its readings stay until retention (a re-registered code starts fresh under a new id). */
  async remove(id: string, actor: Actor): Promise<{ id: string }> {
    await this.transactor.run(async (tx, record) => {
      await loadStation(tx, id);
      await tx.deleteFrom('stations').where('id', '=', id).execute();
      await record({ type: 'station.deleted', actor, payload: { stationId: id } });
    });
    this.notify({ removedId: id });
    return { id };
  }

  private async assertUnique(tx: Kysely<Database>, station: Station): Promise<void> {
    const code = await tx.selectFrom('stations').select('id').where('code', '=', station.code).where('id', '!=', station.id).executeTakeFirst();
    if (code) throw conflict(`Station code ${station.code} is taken.`, { code: station.code });
    if (!station.sl651) return;
    const address = await tx.selectFrom('stations').select('id').where('sl651_address', '=', station.sl651.address).where('id', '!=', station.id).executeTakeFirst();
    if (address) throw conflict(`SL 651 address ${station.sl651.address} belongs to another station.`, { address: station.sl651.address });
  }

  private notify(change: Parameters<StationListener>[0]): void {
    for (const listener of this.listeners) listener(change);
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
