import { z } from 'zod';
import { ForecastSchema, StormSchema, TrackPointSchema, type Storm } from '../../shared/schemas/typhoon';
import type { Db } from '../db/db-handle';
import type { TyphoonStormRow } from './schema';

const toStorm = (row: TyphoonStormRow): Storm =>
  StormSchema.parse({
    id: row.id,
    number: row.number,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    source: row.source,
    historical: row.historical === 1,
    archived: row.archived === 1,
    updatedAt: row.updated_at,
    track: z.array(TrackPointSchema).parse(JSON.parse(row.track)),
    forecasts: z.array(ForecastSchema).parse(JSON.parse(row.forecasts)),
  });

const toRow = (storm: Storm): TyphoonStormRow => ({
  id: storm.id,
  number: storm.number,
  name_zh: storm.nameZh,
  name_en: storm.nameEn,
  source: storm.source,
  historical: storm.historical ? 1 : 0,
  archived: storm.archived ? 1 : 0,
  updated_at: storm.updatedAt,
  track: JSON.stringify(storm.track),
  forecasts: JSON.stringify(storm.forecasts),
});

export async function listStorms(db: Db, options: { archived?: boolean } = {}): Promise<Storm[]> {
  let query = db.selectFrom('typhoon_storms').selectAll();
  if (options.archived !== undefined) query = query.where('archived', '=', options.archived ? 1 : 0);
  const rows = await query.orderBy('number', 'desc').execute();
  return rows.map(toStorm);
}

export async function findStorm(db: Db, id: string): Promise<Storm | null> {
  const row = await db.selectFrom('typhoon_storms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStorm(row) : null;
}

export async function findStormByNumber(db: Db, number: string): Promise<Storm | null> {
  const row = await db.selectFrom('typhoon_storms').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? toStorm(row) : null;
}

export async function saveStorm(db: Db, storm: Storm, exists: boolean): Promise<void> {
  const row = toRow(storm);
  if (exists) await db.updateTable('typhoon_storms').set(row).where('id', '=', storm.id).execute();
  else await db.insertInto('typhoon_storms').values(row).execute();
}
