import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskActor } from '../incidents/test-support';
import { DomainError } from '../errors';
import { openTestServices, type TestServices } from '../positions/test-support';
import { StationCsv } from './station-csv';
import { StationService } from './station-service';

const HEADER = '测站编码,测站名称,类型,纬度,经度,乡镇,监测要素,报送间隔(秒),警戒水位,保证水位,大风报警(级),SL651地址,SL651密码,工作模式';
const csvOf = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8');

let base: TestServices;
let stations: StationService;
let csv: StationCsv;

beforeEach(async () => {
  base = await openTestServices();
  stations = new StationService(base.store.db, base.transactor);
  csv = new StationCsv(stations);
});
afterEach(async () => base.close());

async function refusal(bytes: Buffer): Promise<DomainError> {
  const error = await csv.import(bytes, undefined, deskActor).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('station CSV import', () => {
  it('creates and updates by code, and a second import of the same file changes nothing', async () => {
    const file = csvOf('XS-A,丹东雨量站,雨量,29.47,121.87,丹东街道,rain rain_total,300,,,,,,', 'XS-B,一号水库,水库,29.45,121.80,,level_upstream,600,30.5,32,,0033022599,1234,M2');
    expect(await csv.import(file, undefined, deskActor)).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(await csv.import(file, undefined, deskActor)).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const reservoir = (await stations.list()).find((s) => s.code === 'XS-B')!;
    expect(reservoir.thresholds.level).toMatchObject({ warning: 30.5, guaranteed: 32 });
    expect(reservoir.sl651).toMatchObject({ address: '0033022599', workMode: 'M2' });
  });

  it('is one transaction: a row the store refuses lists its line and keeps none of the rows before it', async () => {
    await stations.create({ code: 'XS-OLD', name: '老站', kind: 'rain', location: { lat: 29.47, lon: 121.87 }, elements: [], thresholds: { level: null, rain: [], rainHysteresisShare: 0.1, windBeaufort: null }, reportIntervalSeconds: 300, sl651: { address: '0033022501', password: '1234', workMode: 'M2' } }, deskActor);
    const file = csvOf(
      'XS-NEW1,新站一,雨量,29.47,121.87,,,,,,,,,',
      'XS-OLD,老站改名,雨量,29.47,121.87,,,,,,,0033022501,1234,M2',
      // The RTU address of XS-OLD: the store refuses it.
      'XS-NEW2,新站二,雨量,29.47,121.87,,,,,,,0033022501,1234,M2',
      // In Hangzhou, outside the county, and no township named.
      'XS-NEW3,杭州站,雨量,30.27,120.15,,,,,,,,,',
    );
    const error = await refusal(file);
    expect(error.message).toContain('2 problems; nothing was imported');
    expect(error.details).toEqual([
      { line: 4, message: expect.stringContaining('0033022501') },
      { line: 5, message: expect.stringContaining('outside the county') },
    ]);
    const after = await stations.list();
    expect(after.map((s) => s.code)).toEqual(['XS-OLD']);
    expect(after[0]!.name).toBe('老站');
  });

  it('refuses rows that do not parse before touching the store, each with its line', async () => {
    const error = await refusal(csvOf('XS-A,甲,雨量,29.47,121.87,,,,,,,,,', 'XS-B,乙,火山,29.47,121.87,,,,,,,,,', 'XS-A,丙,雨量,29.47,121.87,,,,,,,,,'));
    expect((error.details as Array<{ line: number }>).map((d) => d.line)).toEqual([3, 4]);
    expect(await stations.list()).toEqual([]);
  });
});
