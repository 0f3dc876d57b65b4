import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { MAX_CSV_PROBLEMS, MAX_CSV_ROWS, type CsvEncoding } from '../../../shared/schemas/supply';
import { DomainError } from '../../errors';

export { MAX_CSV_PROBLEMS, MAX_CSV_ROWS, type CsvEncoding };

const UTF8_BOM = '\uFEFF';

/**
 * The text of an uploaded CSV. Chinese Excel saves GB18030 (its "CSV" is in the ANSI code page), newer
 * Excel and other tools UTF-8: without an explicit encoding, valid UTF-8 is read as UTF-8, anything else
 * as GB18030 (which cannot fail: every byte sequence decodes).
 */
export function decodeCsv(bytes: Buffer, encoding?: CsvEncoding): string {
  const chosen = encoding ?? (isValidUtf8(bytes) ? 'utf-8' : 'gb18030');
  const text = chosen === 'utf-8' ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : iconv.decode(bytes, 'gb18030');
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface CsvColumn<K extends string = string> {
  key: K;
  /** The header written on export; also accepted on import, like the key and the aliases. */
  header: string;
  aliases?: readonly string[];
  /** Import refuses a file without this column. */
  required?: boolean;
}

export interface CsvLineError {
  line: number;
  message: string;
}

export interface CsvRow<K extends string> {
  line: number;
  values: Record<K, string>;
}


/** Refuses the whole file: nothing from it is imported. Details list the bad lines, at most MAX_CSV_PROBLEMS. */
export function csvRejected(errors: CsvLineError[]): DomainError {
  const listed = [...errors].sort((a, b) => a.line - b.line).slice(0, MAX_CSV_PROBLEMS);
  const count = errors.length > MAX_CSV_PROBLEMS ? `more than ${MAX_CSV_PROBLEMS} problems (the first ${MAX_CSV_PROBLEMS} are listed)` : `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  return new DomainError('VALIDATION_FAILED', `The file has ${count}; nothing was imported.`, listed);
}

/** Stops the parser at the first record past the row limit. */
class TooManyRows extends Error {
  constructor(readonly line: number) {
    super('too many rows');
  }
}

/** Cells starting like a formula are written with a leading `'` so spreadsheets show them as text. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
export const escapeFormula = (cell: string): string => (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell);
/** An exported cell read back: the `'` added by escapeFormula comes off again. */
const unescapeFormula = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/**
 * Rows keyed by column, with the line each starts on, and the lines that are not rows of this table.
 * The first non-empty line is the header; columns are matched by key, export header or alias; unknown
 * columns are ignored. Throws csvRejected when the file cannot be read as a table at all.
 */
export function parseCsv<K extends string>(text: string, columns: readonly CsvColumn<K>[]): { rows: CsvRow<K>[]; errors: CsvLineError[] } {
  const records: Array<{ record: string[]; line: number }> = [];
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      // context.lines is where a record ends; a quoted field may span lines, so count back to where it starts.
      on_record: (record: string[], context) => {
        if (records.length > MAX_CSV_ROWS) throw new TooManyRows(context.lines);
        records.push({ record, line: context.lines - record.reduce((n, field) => n + (field.split('\n').length - 1), 0) });
        return record;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows) throw csvRejected([{ line: error.line, message: `More than ${MAX_CSV_ROWS} rows; split the file.` }]);
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    throw csvRejected([{ line, message: `The file is not valid CSV: ${(error as Error).message}` }]);
  }
  const [header, ...body] = records;
  if (!header) throw csvRejected([{ line: 1, message: 'The file is empty.' }]);
  const index = new Map<K, number>();
  header.record.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    const column = columns.find((c) => [c.key, c.header, ...(c.aliases ?? [])].some((n) => n.toLowerCase() === name));
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  if (missing.length > 0) throw csvRejected([{ line: header.line, message: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.map((c) => c.header).join(', ')}` }]);
  const errors: CsvLineError[] = [];
  const rows: CsvRow<K>[] = [];
  for (const { record, line } of body) {
    if (errors.length > MAX_CSV_PROBLEMS) break;
    if (record.length > header.record.length) {
      errors.push({ line, message: `${record.length} fields, but the header has ${header.record.length}.` });
      continue;
    }
    const values = Object.fromEntries(columns.map((c) => [c.key, index.has(c.key) ? unescapeFormula(record[index.get(c.key)!] ?? '') : ''])) as Record<K, string>;
    rows.push({ line, values });
  }
  return { rows, errors };
}

/**
 * CSV text as Excel opens it correctly: UTF-8 with a byte-order mark, CRLF line ends, the export headers, and no
 * cell a spreadsheet would run as a formula (csv-stringify's `escape_formulas`, except that plain negative
 * numbers stay numbers).
 */
export function writeCsv<K extends string>(columns: readonly CsvColumn<K>[], rows: ReadonlyArray<Record<K, string | number>>): Buffer {
  const body = stringify(
    rows.map((row) => columns.map((c) => row[c.key])),
    { header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows', quoted_match: /\r/, cast: { string: escapeFormula } },
  );
  return Buffer.from(UTF8_BOM + body, 'utf8');
}
