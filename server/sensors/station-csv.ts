import { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { STATION_KINDS, StationCreateSchema, type Station } from '../../shared/schemas/station';
import { csvRejected, decodeCsv, parseCsv, writeCsv, type CsvColumn, type CsvEncoding, type CsvLineError } from '../supplies/csv/csv-codec';
import { DomainError } from '../errors';
import type { StationService } from './station-service';
import { maskStation } from './station-store';

export const STATION_COLUMNS = [
  { key: 'code', header: '测站编码', aliases: ['code', '站码'], required: true },
  { key: 'name', header: '测站名称', aliases: ['name', '站名'], required: true },
  { key: 'kind', header: '类型', aliases: ['kind'], required: true },
  { key: 'lat', header: '纬度', aliases: ['lat', 'latitude'], required: true },
  { key: 'lon', header: '经度', aliases: ['lon', 'lng', 'longitude'], required: true },
  { key: 'township', header: '乡镇', aliases: ['township'] },
  { key: 'elements', header: '监测要素', aliases: ['elements'] },
  { key: 'interval', header: '报送间隔(秒)', aliases: ['interval', 'reportIntervalSeconds'] },
  { key: 'warning', header: '警戒水位', aliases: ['warning'] },
  { key: 'guaranteed', header: '保证水位', aliases: ['guaranteed'] },
  { key: 'wind', header: '大风报警(级)', aliases: ['windBeaufort'] },
  { key: 'address', header: 'SL651地址', aliases: ['sl651Address'] },
  { key: 'password', header: 'SL651密码', aliases: ['sl651Password'] },
  { key: 'workMode', header: '工作模式', aliases: ['workMode'] },
] as const satisfies readonly CsvColumn[];

type Key = (typeof STATION_COLUMNS)[number]['key'];

/** 雨量站 河道 水库 潮位 风 — Chinese names are accepted beside the codes. */
const KIND_NAMES: Record<string, (typeof STATION_KINDS)[number]> = { 雨量: 'rain', 河道: 'river', 水库: 'reservoir', 潮位: 'tide', 风: 'wind' };

const optionalNumber = (cell: string) => (cell.trim() === '' ? null : Number(cell));

function fromRow(values: Record<Key, string>): { ok: true; value: z.output<typeof StationCreateSchema> } | { ok: false; message: string } {
  const kind = KIND_NAMES[values.kind.trim()] ?? values.kind.trim();
  const warning = optionalNumber(values.warning);
  const guaranteed = optionalNumber(values.guaranteed);
  const elements = values.elements.split(/[\s,;|]+/).filter(Boolean);
  const candidate = {
    code: values.code.trim(),
    name: values.name,
    kind,
    location: { lat: Number(values.lat), lon: Number(values.lon) },
    ...(values.township.trim() ? { township: values.township.trim() } : {}),
    elements,
    thresholds: { level: warning === null && guaranteed === null ? null : { warning, guaranteed }, windBeaufort: optionalNumber(values.wind) },
    ...(values.interval.trim() ? { reportIntervalSeconds: Number(values.interval) } : {}),
    sl651: values.address.trim() ? { address: values.address.trim(), password: values.password.trim(), workMode: values.workMode.trim() || 'M2' } : null,
  };
  const parsed = StationCreateSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

function toRow(station: Station): Record<Key, string> {
  return {
    code: station.code,
    name: station.name,
    kind: station.kind,
    lat: String(station.location.lat),
    lon: String(station.location.lon),
    township: station.township,
    elements: station.elements.join(' '),
    interval: String(station.reportIntervalSeconds),
    warning: station.thresholds.level?.warning?.toString() ?? '',
    guaranteed: station.thresholds.level?.guaranteed?.toString() ?? '',
    wind: station.thresholds.windBeaufort?.toString() ?? '',
    address: station.sl651?.address ?? '',
    password: station.sl651?.password ?? '',
    workMode: station.sl651?.workMode ?? '',
  };
}

/**
 * Stations as CSV (the supplies CSV helpers: UTF-8 or GB18030 in, UTF-8 with BOM out, formula cells escaped).
 * Matched by station code: new codes are created, known ones updated (rain thresholds are kept: the file carries
 * level and wind thresholds only). Every row is checked before any is written; one bad row refuses the file.
 */
export class StationCsv {
  constructor(private readonly stations: StationService) {}

  /** `withPasswords`: admins get the SL 651 passwords; everyone else `****`. */
  async export(withPasswords: boolean): Promise<Buffer> {
    return writeCsv(STATION_COLUMNS, (await this.stations.list()).map((s) => toRow(withPasswords ? s : maskStation(s))));
  }

  async import(bytes: Buffer, encoding: CsvEncoding | undefined, actor: Actor) {
    const parsed = parseCsv(decodeCsv(bytes, encoding), STATION_COLUMNS);
    const errors: CsvLineError[] = [...parsed.errors];
    const rows: Array<{ line: number; value: z.output<typeof StationCreateSchema> }> = [];
    const seen = new Map<string, number>();
    for (const row of parsed.rows) {
      const result = fromRow(row.values);
      if (!result.ok) {
        errors.push({ line: row.line, message: result.message });
        continue;
      }
      if (seen.has(result.value.code)) errors.push({ line: row.line, message: `Repeats line ${seen.get(result.value.code)}.` });
      seen.set(result.value.code, row.line);
      rows.push({ line: row.line, value: result.value });
    }
    if (errors.length) throw csvRejected(errors);
    // One transaction: a row the store refuses (a code or SL 651 address taken, a place outside the county)
    // is listed with its line and nothing of the file is kept.
    return this.stations.inOneTransaction(async (writes) => {
      const existing = new Map((await writes.list()).map((s) => [s.code, s]));
      const counts = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
      for (const { line, value: row } of rows) {
        try {
          const current = existing.get(row.code);
          if (!current) {
            await writes.create(row, actor);
            counts.created += 1;
            continue;
          }
          const thresholds = { ...current.thresholds, level: row.thresholds.level, windBeaufort: row.thresholds.windBeaufort };
          const patch = { name: row.name, kind: row.kind, location: row.location, elements: row.elements, reportIntervalSeconds: row.reportIntervalSeconds, sl651: row.sl651, thresholds, ...(row.township ? { township: row.township } : {}) };
          const same = JSON.stringify(toRow({ ...current, ...patch, township: row.township ?? current.township })) === JSON.stringify(toRow(current));
          if (same) counts.unchanged += 1;
          else {
            await writes.update(current.id, patch, actor);
            counts.updated += 1;
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          errors.push({ line, message: error.message });
        }
      }
      if (errors.length) throw csvRejected(errors);
      return counts;
    });
  }
}
