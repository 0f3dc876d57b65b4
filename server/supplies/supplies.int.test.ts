import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/schemas/alarm';
import type { Incident } from '../../shared/schemas/incident';
import type { Shelter } from '../../shared/schemas/shelter';
import type { Depot, LedgerEntry, StockLevel, SupplyItem } from '../../shared/schemas/supply';
import type { SupplyRun } from '../../shared/schemas/supply-run';
import { majorIncidentInput } from '../incidents/test-support';
import { COUNTY_DEPOT, QUILT, SHIPU_DEPOT, TENT } from './test-support';
import { startServer, type ServerHandle } from '../testing/server-process';
import { signInEveryRole, statusByRole, type SignedIn } from '../testing/overview-support';
import { dataOf } from '../testing/int-support';

let server: ServerHandle;
let as: SignedIn;

beforeAll(async () => {
  server = await startServer();
  as = await signInEveryRole(server);
});
afterAll(async () => server?.dispose());

const ALL_403_BUT = (allowed: Record<string, number>) => ({ admin: 403, commander: 403, duty: 403, wall: 403, field: 403, ...allowed });

async function postCsv(role: keyof SignedIn['tokens'], kind: string, body: Buffer, query = '') {
  const res = await fetch(`${server.baseUrl}/api/supplies/csv/${kind}${query}`, { method: 'POST', headers: { authorization: `Bearer ${as.tokens[role]}`, 'content-type': 'text/csv' }, body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; details?: Array<{ line: number; message: string }> } } };
}

const level = async (depotId: string, itemId: string) => dataOf(await as.http.wall.get<StockLevel[]>('/api/stock')).find((l) => l.depotId === depotId && l.itemId === itemId);

describe('supplies', () => {
  it('lets admins keep depots and the catalogue, and the board read them', async () => {
    expect(await statusByRole(as, (http, role) => http.post('/api/depots', { ...COUNTY_DEPOT, id: role === 'admin' ? COUNTY_DEPOT.id : `x-${role}` }))).toEqual(ALL_403_BUT({ admin: 200 }));
    dataOf(await as.http.admin.post('/api/depots', SHIPU_DEPOT));
    expect((await as.http.admin.post('/api/depots', SHIPU_DEPOT)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await statusByRole(as, (http) => http.patch(`/api/depots/${SHIPU_DEPOT.id}`, { manager: '林新' }))).toEqual(ALL_403_BUT({ admin: 200 }));
    expect(await statusByRole(as, (http, role) => http.post('/api/supply-items', { ...TENT, id: role === 'admin' ? TENT.id : `x-${role}` }))).toEqual(ALL_403_BUT({ admin: 200 }));
    dataOf(await as.http.admin.post('/api/supply-items', QUILT));
    expect(await statusByRole(as, (http) => http.patch('/api/supply-items/quilt', { unit: '条' }))).toEqual(ALL_403_BUT({ admin: 200 }));
    for (const path of ['/api/depots', '/api/supply-items', '/api/stock', '/api/supply-runs', '/api/stock/ledger']) {
      expect({ path, ...(await statusByRole(as, (http) => http.get(path))) }).toEqual({ path, admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
    }
    expect(dataOf(await as.http.wall.get<Depot[]>('/api/depots')).map((d) => [d.id, d.township])).toEqual([
      [COUNTY_DEPOT.id, '丹西街道'],
      [SHIPU_DEPOT.id, '石浦镇'],
    ]);
    expect(dataOf(await as.http.wall.get<SupplyItem[]>('/api/supply-items')).find((i) => i.id === 'quilt')?.unit).toBe('条');
  });

  it('records receipts and issues for the duty desk only, never below zero, with thresholds and stock_low', async () => {
    const receipt = { kind: 'receipt', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 50 }, { itemId: 'quilt', quantity: 100 }], reason: '年度储备入库' };
    expect(await statusByRole(as, (http) => http.post('/api/stock/movements', receipt))).toEqual(ALL_403_BUT({ commander: 200, duty: 200 }));
    expect(await level(COUNTY_DEPOT.id, 'tent')).toMatchObject({ onHand: 100 });
    const tooMuch = await as.http.duty.post('/api/stock/movements', { kind: 'issue', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'quilt', quantity: 5 }, { itemId: 'tent', quantity: 101 }], reason: '发放' });
    expect(tooMuch).toMatchObject({ status: 409, body: { ok: false, error: { code: 'INSUFFICIENT_STOCK', details: { itemId: 'tent', available: 100, requested: 101 } } } });
    expect(await level(COUNTY_DEPOT.id, 'quilt')).toMatchObject({ onHand: 200 });
    expect((await as.http.duty.post('/api/stock/movements', { kind: 'issue', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 1 }], reason: '' })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    expect(await statusByRole(as, (http) => http.put(`/api/stock/${COUNTY_DEPOT.id}/tent/threshold`, { minLevel: 90 }))).toEqual(ALL_403_BUT({ admin: 200, commander: 200 }));
    dataOf(await as.http.duty.post('/api/stock/movements', { kind: 'issue', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 20 }], reason: '发放丹东街道' }));
    const alarms = dataOf(await as.http.wall.get<Alarm[]>('/api/alarms'));
    expect(alarms.find((a) => a.kind === 'stock_low')).toMatchObject({ sourceId: `${COUNTY_DEPOT.id}:tent`, params: { available: 80, minLevel: 90, itemName: '帐篷' } });
    expect(await statusByRole(as, (http) => http.post('/api/stock/stocktakes', { depotId: COUNTY_DEPOT.id, itemId: 'tent', counted: 95, reason: '月度盘点' }))).toEqual(ALL_403_BUT({ commander: 200, duty: 200 }));
    expect(dataOf(await as.http.wall.get<Alarm[]>('/api/alarms')).some((a) => a.kind === 'stock_low')).toBe(false);
    const ledger = dataOf(await as.http.wall.get<LedgerEntry[]>(`/api/stock/ledger?depotId=${COUNTY_DEPOT.id}&itemId=tent`));
    expect(ledger[0]).toMatchObject({ kind: 'stocktake', reason: '月度盘点', actorName: '值班指挥长', quantity: 15 });
  });

  it('runs supplies to a shelter and an incident: allocation, departure, arrival, cancellation', async () => {
    const shelter = dataOf(await as.http.admin.post<Shelter>('/api/shelters', { name: '石浦镇中心小学', level: 'township', location: { lat: 29.215915, lon: 121.938392 }, capacity: 300 }));
    const run = { fromDepotId: COUNTY_DEPOT.id, destinationType: 'shelter', destinationId: shelter.id, lines: [{ itemId: 'quilt', quantity: 60 }], reason: '安置点保障', vehicle: '浙B·8888' };
    expect(await statusByRole(as, (http) => http.post('/api/supply-runs', run), ['admin', 'wall', 'field'])).toEqual({ admin: 403, wall: 403, field: 403 });
    const allocated = dataOf(await as.http.duty.post<SupplyRun>('/api/supply-runs', run));
    expect(await level(COUNTY_DEPOT.id, 'quilt')).toMatchObject({ onHand: 200, reserved: 60 });
    expect((await as.http.duty.post('/api/supply-runs', { ...run, lines: [{ itemId: 'quilt', quantity: 141 }] })).body).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    const eta = new Date(Date.now() + 2 * 3_600_000).toISOString();
    expect(await statusByRole(as, (http) => http.post(`/api/supply-runs/${allocated.id}/depart`, { eta }), ['admin', 'wall', 'field', 'commander'])).toEqual({ admin: 403, wall: 403, field: 403, commander: 200 });
    expect(await level(COUNTY_DEPOT.id, 'quilt')).toMatchObject({ onHand: 140, reserved: 0 });
    expect((await as.http.duty.post(`/api/supply-runs/${allocated.id}/cancel`, { reason: '晚了' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await statusByRole(as, (http) => http.post(`/api/supply-runs/${allocated.id}/arrive`, {}), ['admin', 'wall', 'field', 'duty'])).toEqual({ admin: 403, wall: 403, field: 403, duty: 200 });
    expect(dataOf(await as.http.wall.get<Shelter>(`/api/shelters/${shelter.id}`)).supplies).toEqual([{ itemId: 'quilt', quantity: 60 }]);
    expect(dataOf(await as.http.wall.get<SupplyRun>(`/api/supply-runs/${allocated.id}`))).toMatchObject({ status: 'arrived', vehicle: '浙B·8888', eta });

    const incident = dataOf(await as.http.duty.post<Incident>('/api/incidents', majorIncidentInput));
    const toIncident = dataOf(await as.http.commander.post<SupplyRun>('/api/supply-runs', { ...run, destinationType: 'incident', destinationId: incident.id, lines: [{ itemId: 'tent', quantity: 10 }] }));
    expect(await statusByRole(as, (http) => http.post(`/api/supply-runs/${toIncident.id}/cancel`, { reason: '现场已解决' }), ['wall', 'duty'])).toEqual({ wall: 403, duty: 200 });
    expect(await level(COUNTY_DEPOT.id, 'tent')).toMatchObject({ onHand: 95, reserved: 0 });
    expect(dataOf(await as.http.wall.get<SupplyRun[]>('/api/supply-runs?active=true'))).toEqual([]);
  });
});

describe('supplies CSV', () => {
  it('imports a GB18030 depot file as Chinese Excel saves it, for admins only', async () => {
    const file = iconv.encode(['编码,名称,级别,乡镇,纬度,经度,地址,负责人,电话', 'XS-hepu,鹤浦镇物资储备点,乡镇,鹤浦镇,29.1234,121.9324,鹤浦镇政府,蒋海波,', 'XS-juexi,爵溪街道物资储备点,乡镇,,29.4856,121.9498,,周斌,'].join('\r\n'), 'gb18030');
    for (const role of ['commander', 'duty', 'wall', 'field'] as const) expect({ role, status: (await postCsv(role, 'depots', file)).status }).toEqual({ role, status: 403 });
    expect(await postCsv('admin', 'depots', file)).toMatchObject({ status: 200, body: { ok: true, data: { kind: 'depots', rows: 2, created: 2 } } });
    const depots = dataOf(await as.http.wall.get<Depot[]>('/api/depots'));
    expect(depots.find((d) => d.id === 'XS-juexi')).toMatchObject({ name: '爵溪街道物资储备点', tier: 'township', township: '爵溪街道', manager: '周斌' });
  });

  it('imports nothing from a file with bad rows and reports them by line', async () => {
    const before = dataOf(await as.http.wall.get<SupplyItem[]>('/api/supply-items')).length;
    const file = Buffer.from(['编码,名称,类别,单位,重点物资', 'lifejacket,救生衣,救生类,件,是', 'sandbag,编织袋/沙袋,防汛类,,是', 'pump,水泵,动力照明,台,maybe', 'water,饮用水,生活类,箱,否,多余'].join('\n'));
    const res = await postCsv('admin', 'items', file);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    expect(res.body.error?.details?.map((d) => d.line)).toEqual([3, 4, 5]);
    expect(res.body.error?.details?.[0]?.message).toMatch(/单位/);
    expect(dataOf(await as.http.wall.get<SupplyItem[]>('/api/supply-items')).length).toBe(before);
    expect((await postCsv('admin', 'things', file)).status).toBe(404);
  });

  it('imports stock counts for admins and commanders, and exports UTF-8 with a BOM to the staff', async () => {
    const file = Buffer.from(['仓库编码,物资编码,库存数量,预警下限', `${SHIPU_DEPOT.id},tent,30,10`].join('\n'));
    expect(await postCsv('duty', 'stock', file)).toMatchObject({ status: 403 });
    expect(await postCsv('commander', 'stock', file)).toMatchObject({ status: 200, body: { data: { rows: 1 } } });
    expect(await level(SHIPU_DEPOT.id, 'tent')).toMatchObject({ onHand: 30, minLevel: 10 });
    for (const role of ['admin', 'commander', 'duty', 'wall', 'field'] as const) {
      const res = await fetch(`${server.baseUrl}/api/supplies/csv/stock.csv`, { headers: { authorization: `Bearer ${as.tokens[role]}` } });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect({ role, status: res.status }).toEqual({ role, status: role === 'wall' || role === 'field' ? 403 : 200 });
      if (res.status !== 200) continue;
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain(`${SHIPU_DEPOT.id},石浦镇物资储备点,tent,帐篷,顶,30,0,30,10`);
    }
  });

  it('exports cells that would run as spreadsheet formulas as text', async () => {
    dataOf(await as.http.admin.post('/api/supply-items', { ...TENT, id: 'formula', name: '=HYPERLINK("http://x.invalid","点击")', category: '+1+cmd|/C calc!A0', unit: '@件' }));
    const res = await fetch(`${server.baseUrl}/api/supplies/csv/items.csv`, { headers: { authorization: `Bearer ${as.tokens.duty}` } });
    const line = (await res.text()).split('\r\n').find((l) => l.startsWith('formula,'));
    expect(line).toBe(`formula,"'=HYPERLINK(""http://x.invalid"",""点击"")",'+1+cmd|/C calc!A0,'@件,${TENT.keyItem ? '是' : '否'}`);
  });

  it('refuses a huge file of bad rows at once, with a short list of problems', async () => {
    const huge = Buffer.from(`仓库编码,物资编码,库存数量\n${'x,y,-1\n'.repeat(400_000)}`);
    const res = await postCsv('admin', 'stock', huge);
    expect(res).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', details: [{ line: 20_002, message: expect.stringMatching(/More than 20000 rows/) }] } } });
    const many = await postCsv('admin', 'stock', Buffer.from(`仓库编码,物资编码,库存数量\n${'x,y,-1\n'.repeat(5_000)}`));
    expect(many).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/more than 100 problems/) } } });
    expect(many.body.error?.details).toHaveLength(100);
    expect(many.body.error?.details?.[0]?.line).toBe(2);
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });
});
