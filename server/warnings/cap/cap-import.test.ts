import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../shared/schemas/event';
import { openTestServices, type TestServices } from '../../positions/test-support';
import { CapImportService } from './cap-import-service';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const bytes = (text: string) => new TextEncoder().encode(text);

let s: TestServices;
let caps: CapImportService;

beforeEach(async () => {
  s = await openTestServices(() => Date.UTC(2024, 6, 12, 14, 0, 0));
  caps = new CapImportService(s.store.db, s.transactor, () => Date.UTC(2024, 6, 12, 14, 0, 0));
});
afterEach(() => s.close());

/** The Baoding update's predecessor, as the bureau would have sent it that morning (derived from the fixture). */
const baodingMorning = () =>
  fixture('example_china_baoding_cma_lightning_yellow.cap.xml')
    .toString('utf8')
    .replace('13060041600000_20240712213138', '13060041600000_20240712073642')
    .replace('<msgType>Update</msgType>', '<msgType>Alert</msgType>')
    .replace(/<references>[^<]*<\/references>/, '');

async function refused(body: Uint8Array | string): Promise<{ message: string; details: Array<{ path: string; message: string }> }> {
  const seq = await s.log.currentSeq();
  const error = await caps.import(typeof body === 'string' ? bytes(body) : body, 'upload', SYSTEM_ACTOR).then(
    () => null,
    (e: { code: string; message: string; details: Array<{ path: string; message: string }> }) => e,
  );
  expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
  expect(await caps.list()).toHaveLength(0);
  expect(await s.log.currentSeq()).toBe(seq);
  return error!;
}

describe('CAP import', () => {
  it('keeps both languages of the real Chinese alert, its area drawn from the county outline by its code', async () => {
    const { alert } = await caps.import(fixture('example_china_baoding_cma_lightning_yellow.cap.xml'), 'upload', SYSTEM_ACTOR);
    expect(alert).toMatchObject({ capVersion: '1.2', sender: 'Baoding_Meteorological_Observatory', msgType: 'Update', sent: '2024-07-12T13:31:38.000Z' });
    expect(alert.infos.map((i) => [i.language, i.event, i.severity])).toEqual([
      ['en-US', 'thunder', 'Moderate'],
      ['zh-CN', '雷电', 'Moderate'],
    ]);
    expect(alert.infos[1]!.headline).toBe('保定市气象台更新雷电黄色预警[Ⅲ级/较重]');
    expect(alert.infos[1]!.areas[0]).toMatchObject({ description: '新市区', polygons: [], drawnFrom: 'county', outlineOf: null, geocodes: [{ valueName: 'CPEAS Geographic Code', value: '130602000000' }] });
  });

  it('matches the Chinese update to its original by sender and identifier although its references carry the new time', async () => {
    const morning = await caps.import(bytes(baodingMorning()), 'upload', SYSTEM_ACTOR);
    expect(morning.alert.state).toBe('active');
    const evening = await caps.import(fixture('example_china_baoding_cma_lightning_yellow.cap.xml'), 'upload', SYSTEM_ACTOR);
    expect(evening.replaced).toEqual([morning.alert.id]);
    expect(await caps.get(morning.alert.id)).toMatchObject({ state: 'updated', replacedById: evening.alert.id });
    const again = await caps.import(fixture('example_china_baoding_cma_lightning_yellow.cap.xml'), 'feed', SYSTEM_ACTOR);
    expect(again).toMatchObject({ duplicate: true, alert: { id: evening.alert.id } });
    expect(await caps.list()).toHaveLength(2);
  });

  it('reads the specification example: a polygon as [lon, lat] rings and its SAME codes', async () => {
    const { alert } = await caps.import(fixture('example_thunderstorm_oasis_spec.cap.xml'), 'upload', SYSTEM_ACTOR);
    const [area] = alert.infos[0]!.areas;
    expect(alert.infos[0]!.language).toBe('en-US');
    expect(area!.drawnFrom).toBe('alert');
    expect(area!.polygons[0]![0]).toEqual([-120.14, 38.47]);
    expect(area!.geocodes.map((g) => g.value)).toEqual(['006109', '006009', '006003']);
    expect(alert.infos[0]!.eventCodes).toEqual([{ valueName: 'SAME', value: 'SVR' }]);
  });

  it('reads the Canadian alert: two languages, three polygons each, entities decoded', async () => {
    const { alert } = await caps.import(fixture('eccc_thunder_bay_special_weather_statement.cap.xml'), 'upload', SYSTEM_ACTOR);
    expect(alert.references).toEqual([{ sender: 'cap-pac@canada.ca', identifier: 'urn:oid:2.49.0.1.124.4119129247.2019' }]);
    expect(alert.infos.map((i) => [i.language, i.areas.length, i.areas[0]!.polygons[0]!.length])).toEqual([
      ['en-CA', 3, 19],
      ['fr-CA', 3, 19],
    ]);
    expect(alert.infos[1]!.description).toContain("D'importantes quantités de pluie");
  });

  it('reads CAP 1.1 and a township named in an area without a shape', async () => {
    const v11 = `<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"><identifier>X-1</identifier><sender>nbqx</sender><sent>2024-08-01T10:00:00+08:00</sent><status>Exercise</status><msgType>Alert</msgType><scope>Public</scope>
      <info><category>Met</category><event>台风</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty><area><areaDesc>石浦镇沿海</areaDesc><geocode><valueName>XZQH</valueName><value>330225</value></geocode></area><area><areaDesc>象山县</areaDesc><geocode><valueName>XZQH</valueName><value>330225</value></geocode></area><area><areaDesc>海上</areaDesc><circle>29.2,122.1 30</circle></area></info></alert>`;
    const { alert } = await caps.import(bytes(v11), 'upload', SYSTEM_ACTOR);
    expect(alert).toMatchObject({ capVersion: '1.1', status: 'Exercise' });
    expect(alert.infos[0]!.areas.map((a) => [a.drawnFrom, a.outlineOf])).toEqual([
      ['township', '石浦镇'],
      ['county', '330225'],
      ['alert', null],
    ]);
    expect(alert.infos[0]!.areas[2]!.circles).toEqual([{ lat: 29.2, lon: 122.1, radiusKm: 30 }]);
  });

  it('refuses an entity bomb without expanding it', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol3;</identifier></alert>`;
    expect((await refused(bomb)).details[0]!.message).toMatch(/DOCTYPE/);
  });

  it('refuses a 50 MB file at once', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    expect((await refused(big)).details[0]!.message).toMatch(/at most 1048576 bytes/);
  });

  it('lists every problem of a broken alert: unclosed polygon, bad time, missing fields', async () => {
    const broken = fixture('example_thunderstorm_oasis_spec.cap.xml')
      .toString('utf8')
      .replace('38.62,-119.89 38.47,-120.14', '38.62,-119.89')
      .replace('2003-06-17T14:57:00-07:00', 'yesterday')
      .replace('<urgency>Immediate</urgency>', '');
    const error = await refused(broken);
    expect(error.message).toMatch(/3 problems.*nothing was stored/);
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'alert/sent', message: expect.stringContaining('not a date and time') },
        { path: 'alert/info[0]/urgency', message: '<urgency> is required.' },
        { path: 'alert/info[0]/area[0]/polygon[0]', message: expect.stringContaining('does not close') },
      ]),
    );
  });

  it('refuses what is not CAP: another XML document, another namespace, not XML at all', async () => {
    expect((await refused('<rss version="2.0"><channel/></rss>')).message).toMatch(/Not a valid CAP alert/);
    expect((await refused('<alert xmlns="urn:example"><identifier>1</identifier></alert>')).details[0]!.message).toMatch(/namespace/);
    expect((await refused('{"alert": true}')).details[0]!.message).toMatch(/well-formed/);
    expect((await refused(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).details[0]!.message).toMatch(/UTF-8/);
  });
});
