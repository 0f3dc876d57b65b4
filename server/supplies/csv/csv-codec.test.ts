import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_CSV_PROBLEMS, MAX_CSV_ROWS, decodeCsv, parseCsv, writeCsv } from './csv-codec';

const COLUMNS = [
  { key: 'id', header: '编码', required: true },
  { key: 'name', header: '名称', aliases: ['物资名称'], required: true },
  { key: 'unit', header: '单位' },
] as const;

describe('CSV codec', () => {
  it('reads UTF-8 with or without a BOM, and GB18030 as Chinese Excel saves it', () => {
    const text = '编码,名称\ntent,帐篷\n';
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
    const gb = iconv.encode(text, 'gb18030');
    expect(gb.equals(Buffer.from(text, 'utf8'))).toBe(false);
    expect(decodeCsv(gb)).toBe(text);
    expect(decodeCsv(gb, 'gb18030')).toBe(text);
  });

  it('maps columns by header, alias or key, ignores unknown ones, and gives each row its first line', () => {
    const { rows } = parseCsv('物资名称,编码,备注\n帐篷,tent,x\n\n"棉被\n（加厚）",quilt,y\nsandbag-name,sandbag,\n', COLUMNS);
    expect(rows).toEqual([
      { line: 2, values: { id: 'tent', name: '帐篷', unit: '' } },
      { line: 4, values: { id: 'quilt', name: '棉被\n（加厚）', unit: '' } },
      { line: 6, values: { id: 'sandbag', name: 'sandbag-name', unit: '' } },
    ]);
  });

  it('rejects a file with missing columns, too many fields or a broken quote, naming the lines', () => {
    expect(() => parseCsv('编码,单位\ntent,顶\n', COLUMNS)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [{ line: 1, message: 'Missing column: 名称' }] }));
    expect(parseCsv('编码,名称\ntent,帐篷\nquilt,棉被,床,多余\nx,y,z\n', COLUMNS).errors.map((e) => e.line)).toEqual([3, 4]);
    expect(() => parseCsv('编码,名称\ntent,"帐篷\n', COLUMNS)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ message: expect.stringMatching(/not valid CSV/) })] }));
  });

  it('writes UTF-8 with a BOM and quotes what needs quoting', () => {
    const bytes = writeCsv(COLUMNS, [{ id: 'tent', name: '帐篷, 大号', unit: '顶' }]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('编码,名称,单位\r\ntent,"帐篷, 大号",顶\r\n');
  });

  it('writes cells that start like a formula as text, and reads them back as they were', () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1)', '\tlead', '\rlead', '＝1+1', '-', '-7', '3.5'];
    const text = writeCsv(COLUMNS, hostile.map((name, i) => ({ id: `r${i}`, name, unit: '' }))).subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    for (const line of lines.slice(1, 8)) expect(line).toMatch(/^r\d,"?'[=+\-@\t\r＝]/);
    expect(lines[6]).toBe(`r5,"'\rlead",`);
    expect(lines.slice(8, 11)).toEqual(["r7,'-,", 'r8,-7,', 'r9,3.5,']);
    expect(parseCsv(text, COLUMNS).rows.map((r) => r.values.name)).toEqual(hostile);
  });

  it('refuses a file with too many rows at the first row past the limit', () => {
    const text = `编码,名称\n${'x,y\n'.repeat(MAX_CSV_ROWS + 5)}`;
    expect(() => parseCsv(text, COLUMNS)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [{ line: MAX_CSV_ROWS + 2, message: `More than ${MAX_CSV_ROWS} rows; split the file.` }] }));
  });

  it('lists at most the first MAX_CSV_PROBLEMS bad lines', () => {
    const { errors } = parseCsv(`编码,名称\n${'a,b,c\n'.repeat(5_000)}`, COLUMNS);
    expect(errors.length).toBeLessThanOrEqual(MAX_CSV_PROBLEMS + 1);
  });
});
