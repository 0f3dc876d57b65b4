import type { Kysely } from 'kysely';
import { SensorElementSchema } from '../../shared/schemas/sensor-element';
import { MASKED_SL651_PASSWORD, STATION_KINDS, SL651_WORK_MODES, StationThresholdsSchema, type Station } from '../../shared/schemas/station';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import type { StationRow } from './schema';

const parseElements = (json: string) => SensorElementSchema.array().catch([]).parse(JSON.parse(json));

export function toStation(row: StationRow): Station {
  const kind = STATION_KINDS.find((k) => k === row.kind) ?? 'rain';
  const workMode = SL651_WORK_MODES.find((m) => m === row.sl651_work_mode);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind,
    location: { lat: row.lat, lon: row.lon },
    township: row.township,
    elements: parseElements(row.elements),
    thresholds: StationThresholdsSchema.parse(JSON.parse(row.thresholds)),
    reportIntervalSeconds: row.report_interval_seconds,
    sl651: row.sl651_address && row.sl651_password && workMode ? { address: row.sl651_address, password: row.sl651_password, workMode } : null,
    maintenance: row.maintenance === 1,
    maintenanceNote: row.maintenance_note,
    updatedAt: row.updated_at,
  };
}

export function toStationRow(station: Station): StationRow {
  return {
    id: station.id,
    code: station.code,
    name: station.name,
    kind: station.kind,
    lat: station.location.lat,
    lon: station.location.lon,
    township: station.township,
    elements: JSON.stringify(station.elements),
    thresholds: JSON.stringify(station.thresholds),
    report_interval_seconds: station.reportIntervalSeconds,
    sl651_address: station.sl651?.address ?? null,
    sl651_password: station.sl651?.password ?? null,
    sl651_work_mode: station.sl651?.workMode ?? null,
    maintenance: station.maintenance ? 1 : 0,
    maintenance_note: station.maintenanceNote,
    updated_at: station.updatedAt,
  };
}

export async function listStations(db: Kysely<Database>): Promise<Station[]> {
  const rows = await db.selectFrom('stations').selectAll().orderBy('code').execute();
  return rows.map(toStation);
}

export async function loadStation(db: Kysely<Database>, id: string): Promise<Station> {
  const row = await db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Station');
  return toStation(row);
}

/** The SL 651 password is a credential of the RTU: only admins see it. */
export function maskStation(station: Station): Station {
  return station.sl651 ? { ...station, sl651: { ...station.sl651, password: MASKED_SL651_PASSWORD } } : station;
}
