import type { ImportResult } from '../../../shared/schemas/typhoon';
import { looksLikeBestTrackCsv, parseBestTrackCsv, type CsvStormIdentity } from './best-track-csv';
import { parseJmaBestTrack } from './jma-best-track';
import { badInput, type ParsedStorm } from './parsed-storm';
import { DEFAULT_QUADRANT_ORDER, parseZhejiangJson, unwrapJsonp, type QuadrantOrder } from './zhejiang-json';

export interface ImportOptions {
  csvIdentity: CsvStormIdentity | null;
  quadrantOrder?: QuadrantOrder;
}

/** Reads a file as sent, whatever its format: JMA best track text, the best-track CSV, or the Zhejiang JSON. */
export function parseStormFile(text: string, options: ImportOptions): { format: ImportResult['format']; storms: ParsedStorm[] } {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') throw badInput(null, 'file', 'the file is empty');
  if (body.startsWith('66666')) return { format: 'jma_best_track', storms: parseJmaBestTrack(body) };
  if (looksLikeBestTrackCsv(body)) return { format: 'best_track_csv', storms: parseBestTrackCsv(body, options.csvIdentity) };
  const json = unwrapJsonp(body);
  if (json.startsWith('{') || json.startsWith('[')) return { format: 'zhejiang_json', storms: parseZhejiangJson(body, options.quadrantOrder ?? DEFAULT_QUADRANT_ORDER) };
  throw badInput(1, 'format', 'not a JMA best track (66666 header), a best-track CSV (time_utc,grade,… header) or the Zhejiang typhoon JSON');
}
