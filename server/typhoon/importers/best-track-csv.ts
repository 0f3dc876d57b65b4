import { parse } from 'csv-parse/sync';
import type { TrackPoint } from '../../../shared/schemas/typhoon';
import { JMA_DIRECTIONS, quadrantsFromLongest, type JmaDirection } from './jma-radii';
import { checkPressure, jmaTrackPoint } from './jma-track-point';
import { badInput, checkLat, checkLon, orderedTrack, type ParsedStorm } from './parsed-storm';

export const BEST_TRACK_CSV_COLUMNS = [
  'time_utc',
  'grade',
  'grade_name',
  'lat',
  'lon',
  'pressure_hpa',
  'max_wind_kt',
  'r50kt_longest_dir',
  'r50kt_longest_nm',
  'r50kt_shortest_nm',
  'r30kt_longest_dir',
  'r30kt_longest_nm',
  'r30kt_shortest_nm',
  'landfall_or_passage_japan',
] as const;

type Column = (typeof BEST_TRACK_CSV_COLUMNS)[number];

export const looksLikeBestTrackCsv = (text: string): boolean => /^\uFEFF?time_utc,grade,/.test(text);

/** The storm the CSV is about: the file itself has only the track, so the importer is told its number and name. */
export interface CsvStormIdentity {
  number: string;
  nameEn: string | null;
  nameZh: string | null;
}

/**
 * The best-track CSV of the reference data (one storm per file; columns in BEST_TRACK_CSV_COLUMNS): JMA's
 * values with the radii's direction written out (NE, E, …, `circular`). Same conversions as the JMA text.
 */
export function parseBestTrackCsv(text: string, identity: CsvStormIdentity | null): ParsedStorm[] {
  if (!identity) throw badInput(null, 'number', 'a best-track CSV does not name its storm: send ?number=YYNN (and nameEn, nameZh) with it');
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw badInput(null, 'file', `not readable as CSV (${(err as Error).message})`);
  }
  const header = rows[0] ?? [];
  const missing = BEST_TRACK_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw badInput(1, 'header', `missing column(s) ${missing.join(', ')}`);
  const index = Object.fromEntries(BEST_TRACK_CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;
  const points: TrackPoint[] = [];
  const lines: number[] = [];
  rows.slice(1).forEach((row, k) => {
    const line = k + 2;
    points.push(parseRow((c) => (row[index[c]] ?? '').trim(), line, row.length, header.length));
    lines.push(line);
  });
  if (points.length === 0) throw badInput(null, 'file', 'the CSV has a header and no track points');
  return [{ number: identity.number, nameEn: identity.nameEn, nameZh: identity.nameZh, source: 'best_track_csv', track: orderedTrack(points, lines), forecasts: [] }];
}

function num(value: string, line: number, field: Column, optional = false): number | null {
  if (value === '' && optional) return null;
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) throw badInput(line, field, `"${value}" is not a number`);
  return n;
}

function direction(value: string, line: number, field: Column): JmaDirection | null {
  if (value === '') return null;
  if (!(JMA_DIRECTIONS as readonly string[]).includes(value)) throw badInput(line, field, `"${value}" is not one of ${JMA_DIRECTIONS.join(', ')}`);
  return value as JmaDirection;
}

function parseRow(cell: (c: Column) => string, line: number, width: number, expected: number): TrackPoint {
  if (width < expected - 1) throw badInput(line, 'row', `${width} cells where the header has ${expected}: truncated?`);
  const time = cell('time_utc');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(time) || Number.isNaN(Date.parse(time))) throw badInput(line, 'time_utc', `"${time}" is not a UTC time like 2019-08-09T18:00:00Z`);
  const jmaGrade = num(cell('grade'), line, 'grade') as number;
  const pressureHpa = checkPressure(num(cell('pressure_hpa'), line, 'pressure_hpa') as number, line, 'pressure_hpa');
  const maxWindKt = num(cell('max_wind_kt'), line, 'max_wind_kt', true);
  const radii = (dir: Column, long: Column, short: Column, label: string) => {
    if (cell(dir) === '' && cell(long) === '' && cell(short) === '') return null;
    return quadrantsFromLongest(direction(cell(dir), line, dir), num(cell(long), line, long) as number, num(cell(short), line, short) as number, line, label);
  };
  return jmaTrackPoint({
    at: new Date(time).toISOString(),
    jmaGrade,
    pressureHpa,
    maxWindKt,
    lat: checkLat(num(cell('lat'), line, 'lat') as number, line, 'lat'),
    lon: checkLon(num(cell('lon'), line, 'lon') as number, line, 'lon'),
    radii30kt: radii('r30kt_longest_dir', 'r30kt_longest_nm', 'r30kt_shortest_nm', '30-kt radius'),
    radii50kt: radii('r50kt_longest_dir', 'r50kt_longest_nm', 'r50kt_shortest_nm', '50-kt radius'),
  });
}
