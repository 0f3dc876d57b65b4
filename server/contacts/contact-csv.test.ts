import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../positions/test-support';
import { dutyOfficer } from '../warnings/test-support';
import { importContactsCsv } from './contact-csv';
import { ContactService } from './contact-service';

let s: TestServices;
let contacts: ContactService;
const NOW = '2025-09-15T01:00:00.000Z';

beforeEach(async () => {
  s = await openTestServices(() => Date.parse(NOW));
  contacts = new ContactService(s.store.db, s.transactor, () => Date.parse(NOW));
});
afterEach(() => s.close());

const FILE = ['姓名,职务,乡镇,单位,电话,渠道,AB角', '张伟,乡镇主要负责人,石浦镇,,13900000001;0574-65700001,短信/钉钉,李娜', '李娜,分管负责人,石浦镇,,13900000002,短信,', '王芳,村干部,鹤浦镇,小百丈村,13900000003,人工,'].join('\r\n');
const run = (bytes: Buffer) => importContactsCsv(s.store.db, s.transactor, contacts, bytes, dutyOfficer, NOW);

describe('contacts CSV', () => {
  it('imports a GB18030 Excel export with duties, channels and the backup named in the file', async () => {
    expect(await run(iconv.encode(FILE, 'gb18030'))).toEqual({ rows: 3, created: 3, updated: 0 });
    const all = await contacts.list();
    const zhang = all.find((c) => c.name === '张伟')!;
    const li = all.find((c) => c.name === '李娜')!;
    expect(zhang).toMatchObject({ duty: 'township_head', township: '石浦镇', phones: ['13900000001', '0574-65700001'], channels: ['sms', 'dingtalk'], backupId: li.id });
    expect(all.find((c) => c.name === '王芳')).toMatchObject({ duty: 'village_cadre', unit: '小百丈村', channels: ['outbox'] });
    // The same file again, in UTF-8 with a BOM: matched by phone, nothing doubled.
    expect(await run(Buffer.from(`\uFEFF${FILE}`, 'utf8'))).toEqual({ rows: 3, created: 0, updated: 3 });
    expect(await contacts.list()).toHaveLength(3);
  });

  it('refuses the whole file, listing its bad lines, and imports nothing', async () => {
    const bad = [FILE.split('\r\n')[0], '赵六,队长,石浦镇,,13900000009,短信,', '钱七,网格员,火星镇,,13900000008,短信,', '孙八,网格员,石浦镇,,13900000007,短信,周九'].join('\n');
    const error = await run(Buffer.from(bad, 'utf8')).catch((e: { code: string; details: Array<{ line: number; message: string }> }) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as { details: Array<{ line: number }> }).details.map((d) => d.line)).toEqual([2, 3, 4]);
    expect(await contacts.list()).toEqual([]);
  });
});
