import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../shared/protocol';
import { startServer, type ServerHandle } from '../testing/server-process';
import { solidPng, writeMbtiles, writePmtiles, writeTileFolder, type TestTile } from './test-support';

// Two vertically adjacent tiles of different colours: a store that forgot MBTiles' row flip answers with the other one.
const RED = solidPng([230, 20, 20]);
const BLUE = solidPng([20, 20, 230]);
const TILES: TestTile[] = [
  { z: 3, x: 6, y: 3, data: RED },
  { z: 3, x: 6, y: 4, data: BLUE },
  { z: 5, x: 27, y: 13, data: BLUE },
];
const TIANDITU_KEY = '0123456789abcdef0123456789abcdef';

let server: ServerHandle;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-tiles-'));
  writeTileFolder(path.join(dir, 'folder'), TILES);
  writeMbtiles(path.join(dir, 'set.mbtiles'), TILES, { attribution: '测绘院 2026' });
  writePmtiles(path.join(dir, 'set.pmtiles'), TILES, { attribution: 'PMTiles test set' });
  // Something a path traversal would reach.
  mkdirSync(path.join(dir, 'private'));
  writeFileSync(path.join(dir, 'private', 'secret.png'), 'secret');
  const basemaps = [
    { id: 'amap', name: '高德', type: 'xyz', url: 'https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8', crs: 'gcj02', maxZoom: 18 },
    { id: 'gis', name: '内网影像', type: 'wmts', url: 'http://10.1.2.3:8080/geoserver/gwc/service/wmts', layer: 'xs:img', tileMatrixSet: 'EPSG:900913', tileMatrixPrefix: 'EPSG:900913:' },
    { id: 'dir', name: '本地目录', type: 'folder', path: path.join(dir, 'folder') },
    { id: 'mb', name: '本地 MBTiles', type: 'mbtiles', path: path.join(dir, 'set.mbtiles') },
    { id: 'pm', name: '本地 PMTiles', type: 'pmtiles', path: path.join(dir, 'set.pmtiles') },
  ];
  server = await startServer({ env: { TIANDITU_KEY, BASEMAPS: JSON.stringify(basemaps) } });
});
afterAll(async () => {
  await server?.dispose();
});

const get = (p: string) => fetch(`${server.baseUrl}${p}`);
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('basemaps from the config', () => {
  it('lists 天地图 (vector and imagery, each with its label layer) and the configured basemaps for every screen', async () => {
    const res = await get('/api/config');
    const { data } = (await res.json()) as { data: ClientConfig };
    expect(data.basemaps.map((b) => b.id)).toEqual(['tianditu-vec', 'tianditu-img', 'amap', 'gis', 'dir', 'mb', 'pm']);
    const [vec, img, amap, gis, folder, mb, pm] = data.basemaps;
    expect(vec!.layers.map((l) => new URL(l).pathname)).toEqual(['/vec_w/wmts', '/cva_w/wmts']);
    expect(img!.layers.map((l) => new URL(l).pathname)).toEqual(['/img_w/wmts', '/cia_w/wmts']);
    expect(vec!.layers[0]).toContain(`tk=${TIANDITU_KEY}`);
    expect(vec!.crs).toBe('wgs84');
    expect(amap!.crs).toBe('gcj02');
    expect(gis!.layers[0]).toContain('REQUEST=GetTile');
    expect(gis!.layers[0]).toContain('TILEMATRIX=EPSG%3A900913%3A{z}&TILEROW={y}&TILECOL={x}');
    expect(folder).toMatchObject({ layers: ['/tiles/dir/{z}/{x}/{y}'], minZoom: 3, maxZoom: 5 });
    expect(mb).toMatchObject({ layers: ['/tiles/mb/{z}/{x}/{y}'], attribution: '测绘院 2026' });
    expect(pm).toMatchObject({ minZoom: 3, maxZoom: 5, attribution: 'PMTiles test set' });
    // The page may load the remote tiles.
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/img-src [^;]*https:\/\/t0\.tianditu\.gov\.cn/);
    expect(csp).toMatch(/img-src [^;]*https:\/\/webrd01\.is\.autonavi\.com/);
    expect(csp).toMatch(/img-src [^;]*http:\/\/10\.1\.2\.3:8080/);
  });
});

describe.each(['dir', 'mb', 'pm'])('tiles served from %s', (id) => {
  it('answers XYZ addresses with the stored PNG (rows counted from the north)', async () => {
    const red = await get(`/tiles/${id}/3/6/3`);
    expect(red.status).toBe(200);
    expect(red.headers.get('content-type')).toBe('image/png');
    expect((await bytes(red)).equals(RED)).toBe(true);
    const blue = await get(`/tiles/${id}/3/6/4.png`);
    expect((await bytes(blue)).equals(BLUE)).toBe(true);
  });

  it('answers a tile it does not hold with a typed 404', async () => {
    const res = await get(`/tiles/${id}/3/5/3`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each([`/tiles/${id}/3/8/0`, `/tiles/${id}/3/0/8`, `/tiles/${id}/23/0/0`, `/tiles/${id}/a/1/1`, `/tiles/${id}/-1/0/0`, `/tiles/${id}/3/6/3.gif`, `/tiles/${id}/3/6`, `/tiles/${id}/3/6/3/4`])(
    'answers the bad address %s with a typed 400, never a 500',
    async (address) => {
      const res = await get(address);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    },
  );
});

describe('tile addresses cannot leave the tile set', () => {
  it.each(['/tiles/dir/3/6/..%2F..%2F..%2Fprivate%2Fsecret', '/tiles/dir/..%2F..%2Fprivate/6/secret.png', '/tiles/..%2Fprivate/3/6/3', '/tiles/dir/3/..%2F..%2Fprivate/secret.png'])('%s is refused', async (address) => {
    const res = await get(address);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await bytes(res)).toString()).not.toContain('secret');
  });

  it('an unknown basemap is a typed 404', async () => {
    const res = await get('/tiles/nosuch/3/6/3');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
