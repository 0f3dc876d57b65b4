import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskActor } from '../../incidents/test-support';
import { COUNTY_DEPOT, openSupplyTestServices, stockedDepots, type SupplyTestServices } from '../test-support';
import { SupplyCsvService } from './supply-csv-service';

let s: SupplyTestServices;
let csv: SupplyCsvService;

beforeEach(async () => {
  s = await openSupplyTestServices();
  csv = new SupplyCsvService(s.store.db, s.transactor, s.depots, s.items, s.stock);
});
afterEach(() => s.close());

const DEPOTS = ['编码,名称,级别,乡镇,纬度,经度,地址,负责人,电话', 'XS-county,象山县救灾物资储备库,县级,,29.4431,121.8712,丹西街道,孙仓库,0574-65000001', 'XS-hepu,鹤浦镇物资储备点,乡镇,鹤浦镇,29.1234,121.9324,,蒋海波,'].join('\r\n');

describe('supply CSV import and export', () => {
  it('imports depots from GB18030 and from UTF-8, matching by code', async () => {
    expect(await csv.import('depots', iconv.encode(DEPOTS, 'gb18030'), undefined, deskActor)).toEqual({ kind: 'depots', rows: 2, created: 2, updated: 0, unchanged: 0 });
    const depots = await s.depots.list();
    expect(depots.map((d) => [d.id, d.name, d.tier, d.township])).toEqual([
      ['XS-county', '象山县救灾物资储备库', 'county', '丹西街道'],
      ['XS-hepu', '鹤浦镇物资储备点', 'township', '鹤浦镇'],
    ]);
    const changed = DEPOTS.replace('孙仓库', '孙新');
    expect(await csv.import('depots', Buffer.from(changed, 'utf8'), undefined, deskActor)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('imports nothing from a file with bad rows and reports every one by line', async () => {
    const bad = [
      '编码,名称,单位,重点物资',
      'tent,帐篷,顶,是',
      'quilt,,床,否',
      'boat,冲锋舟,艘,也许',
      'tent,帐篷二,顶,是',
      'bad code!,水泵,台,否',
    ].join('\n');
    const error = await csv.import('items', Buffer.from(bad, 'utf8'), undefined, deskActor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const lines = (error as { details: Array<{ line: number; message: string }> }).details;
    expect(lines.map((l) => l.line)).toEqual([3, 4, 5, 6]);
    expect(lines[0]!.message).toMatch(/名称/);
    expect(lines[2]!.message).toMatch(/Repeats line 2/);
    expect(await s.items.list()).toEqual([]);
    expect(await s.log.currentSeq()).toBe(0);
  });

  it('imports stock as stocktakes with minimum levels, refusing unknown codes and counts below reservations', async () => {
    await stockedDepots(s);
    await s.runs.allocate({ fromDepotId: COUNTY_DEPOT.id, destinationType: 'depot', destinationId: 'XS-shipu', lines: [{ itemId: 'tent', quantity: 30 }], reason: '前置' }, deskActor);
    const seq = await s.log.currentSeq();
    const bad = ['仓库编码,物资编码,库存数量,预警下限', 'XS-county,tent,20,10', 'XS-nowhere,quilt,5,', 'XS-shipu,quilt,-1,'].join('\n');
    const error = await csv.import('stock', Buffer.from(bad), undefined, deskActor).catch((e: unknown) => e);
    expect((error as { details: Array<{ line: number }> }).details.map((d) => d.line)).toEqual([2, 3, 4]);
    expect(await s.log.currentSeq()).toBe(seq);

    const good = ['仓库编码,物资编码,库存数量,预警下限', 'XS-county,tent,95,50', 'XS-shipu,quilt,40,'].join('\n');
    expect(await csv.import('stock', Buffer.from(good), 'utf-8', deskActor)).toEqual({ kind: 'stock', rows: 2, created: 1, updated: 1, unchanged: 0 });
    const levels = await s.stock.levels();
    expect(levels.find((l) => l.depotId === COUNTY_DEPOT.id && l.itemId === 'tent')).toMatchObject({ onHand: 95, reserved: 30, minLevel: 50 });
    expect(levels.find((l) => l.depotId === 'XS-shipu' && l.itemId === 'quilt')).toMatchObject({ onHand: 40, minLevel: 0 });
    expect((await s.stock.entries({ depotId: COUNTY_DEPOT.id, itemId: 'tent' }))[0]).toMatchObject({ kind: 'stocktake', quantity: -5, reason: 'CSV 导入盘点（第 2 行）' });
  });

  it('exports what it imports: UTF-8 with a BOM that reads back unchanged', async () => {
    await stockedDepots(s);
    for (const kind of ['depots', 'items', 'stock'] as const) {
      const file = await csv.export(kind);
      expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const again = await csv.import(kind, file, undefined, deskActor);
      expect({ kind, created: again.created, updated: again.updated }).toEqual({ kind, created: 0, updated: 0 });
    }
    expect((await csv.export('stock')).toString('utf8')).toContain('XS-county,象山县救灾物资储备库,tent,帐篷,顶,100,0,100,0');
  });
});
