import type { QuadrantRadii, TrackPoint } from '../../../shared/schemas/typhoon';
import { directionOfCode, quadrantsFromLongest } from './jma-radii';
import { checkPressure, jmaTrackPoint } from './jma-track-point';
import { badInput, checkLat, checkLon, MISSING_RADIUS, orderedTrack, type ParsedStorm } from './parsed-storm';

/**
 * RSMC Tokyo (JMA) best track, the `bst_all.txt` layout: a header line per storm (`66666`, international
 * number YYNN, count of data lines, name) and its 6-hourly data lines (time YYMMDDHH UTC, grade, position in
 * tenths of a degree, pressure, 10-minute wind in knots, the 50-kt and 30-kt radii as the direction of the
 * longest, the longest and the shortest in nautical miles). Columns are fixed; see server/typhoon/README.md.
 */
export function parseJmaBestTrack(text: string): ParsedStorm[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const storms: ParsedStorm[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (!line.startsWith('66666')) throw badInput(i + 1, 'header', `expected a storm header starting with 66666, found "${line.slice(0, 20)}"`);
    const header = parseHeader(line, i + 1);
    const points: TrackPoint[] = [];
    const pointLines: number[] = [];
    for (let k = 1; k <= header.count; k++) {
      const dataLine = lines[i + k];
      if (dataLine === undefined || dataLine.trim() === '' || dataLine.startsWith('66666')) {
        throw badInput(i + 1, 'data line count', `the header announces ${header.count} data lines for ${header.number}, the file has ${k - 1}: truncated?`);
      }
      points.push(parseDataLine(dataLine, i + k + 1));
      pointLines.push(i + k + 1);
    }
    storms.push({ number: header.number, nameZh: null, nameEn: header.name, source: 'jma_best_track', track: orderedTrack(points, pointLines), forecasts: [] });
    i += header.count + 1;
  }
  if (storms.length === 0) throw badInput(null, 'file', 'no storm found: a JMA best track starts with a 66666 header line');
  return storms;
}

const col = (line: string, from: number, to: number) => line.slice(from - 1, to).trim();

function intField(line: string, from: number, to: number, lineNo: number, field: string, optional = false): number | null {
  const raw = col(line, from, to);
  if (raw === '' && optional) return null;
  if (!/^\d+$/.test(raw)) throw badInput(lineNo, field, `"${raw}" (columns ${from}-${to}) is not a number`);
  return Number(raw);
}

function parseHeader(line: string, lineNo: number) {
  const number = col(line, 7, 10);
  if (!/^\d{4}$/.test(number)) throw badInput(lineNo, 'international number', `"${number}" (columns 7-10) is not YYNN`);
  const count = intField(line, 13, 15, lineNo, 'number of data lines') as number;
  if (count === 0) throw badInput(lineNo, 'number of data lines', 'the storm has no data lines');
  const name = col(line, 31, 50);
  return { number, count, name: name === '' ? null : name };
}

function timeOf(raw: string, lineNo: number): string {
  if (!/^\d{8}$/.test(raw)) throw badInput(lineNo, 'time', `"${raw}" is not YYMMDDHH`);
  const yy = Number(raw.slice(0, 2));
  const year = yy >= 51 ? 1900 + yy : 2000 + yy;
  const date = new Date(Date.UTC(year, Number(raw.slice(2, 4)) - 1, Number(raw.slice(4, 6)), Number(raw.slice(6, 8))));
  if (date.getUTCDate() !== Number(raw.slice(4, 6)) || date.getUTCHours() !== Number(raw.slice(6, 8))) throw badInput(lineNo, 'time', `"${raw}" is not a real date and hour`);
  return date.toISOString();
}

function parseDataLine(line: string, lineNo: number): TrackPoint {
  if (col(line, 10, 12) !== '002') throw badInput(lineNo, 'indicator', `expected 002 in columns 10-12, found "${col(line, 10, 12)}"`);
  const jmaGrade = intField(line, 14, 14, lineNo, 'grade') as number;
  if (![2, 3, 4, 5, 6, 7, 9].includes(jmaGrade)) throw badInput(lineNo, 'grade', `${jmaGrade} is not a JMA grade (2-7, 9)`);
  const lat = checkLat((intField(line, 16, 18, lineNo, 'latitude') as number) / 10, lineNo);
  const lon = checkLon((intField(line, 20, 23, lineNo, 'longitude') as number) / 10, lineNo);
  const pressureHpa = checkPressure(intField(line, 25, 28, lineNo, 'pressure') as number, lineNo, 'pressure');
  const maxWindKt = intField(line, 34, 36, lineNo, 'maximum wind', true);
  return jmaTrackPoint({
    at: timeOf(col(line, 1, 8), lineNo),
    lat,
    lon,
    jmaGrade,
    pressureHpa,
    maxWindKt,
    radii30kt: radiiOf(line, 53, lineNo, '30-kt radius'),
    radii50kt: radiiOf(line, 42, lineNo, '50-kt radius'),
  });
}

/** Blank columns: no data for that level. */
function radiiOf(line: string, dirCol: number, lineNo: number, field: string): QuadrantRadii | null {
  const dir = col(line, dirCol, dirCol);
  if (dir === '' && col(line, dirCol + 1, dirCol + 4) === '' && col(line, dirCol + 6, dirCol + 9) === '') return null;
  const longest = intField(line, dirCol + 1, dirCol + 4, lineNo, `${field} (longest)`) as number;
  const shortest = intField(line, dirCol + 6, dirCol + 9, lineNo, `${field} (shortest)`) as number;
  const direction = directionOfCode(Number(dir));
  if (longest > 0 && longest !== MISSING_RADIUS && !direction) throw badInput(lineNo, `${field} (direction)`, `"${dir}" (column ${dirCol}) is not a direction code 1-9`);
  return quadrantsFromLongest(direction, longest, shortest, lineNo, field);
}
