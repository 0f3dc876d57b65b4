import os from 'node:os';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';
import { createBasemapModule } from './basemap-module';

const xyz = { id: 'gis', name: '内网影像', type: 'xyz', url: 'http://10.0.0.5/tiles/{z}/{x}/{y}.png' };
const load = (basemaps: unknown, extra: Record<string, string> = {}) => loadConfig({ BASEMAPS: JSON.stringify(basemaps), ...extra });

describe('basemap settings, checked at boot', () => {
  it('has no basemap when none is set: the offline outline map only', () => {
    expect(loadConfig({}).BASEMAPS).toEqual([]);
    expect(loadConfig({}).TIANDITU_KEY).toBeUndefined();
  });

  it('reads an XYZ service, taking WGS84 unless told it is GCJ-02', () => {
    expect(load([xyz]).BASEMAPS).toEqual([{ ...xyz, crs: 'wgs84' }]);
    expect(load([{ ...xyz, crs: 'gcj02' }]).BASEMAPS[0]!.crs).toBe('gcj02');
  });

  it.each([
    ['not JSON', '[{'],
    ['a template without {z}/{x}/{y}', JSON.stringify([{ ...xyz, url: 'http://10.0.0.5/tiles.png' }])],
    ['a file: URL', JSON.stringify([{ ...xyz, url: 'file:///etc/{z}/{x}/{y}' }])],
    ['an unknown datum', JSON.stringify([{ ...xyz, crs: 'bd09' }])],
    ['a duplicate id', JSON.stringify([xyz, { ...xyz, name: '另一个' }])],
    ['an id kept for 天地图', JSON.stringify([{ ...xyz, id: 'tianditu-img' }])],
    ['a WMTS service without its layer', JSON.stringify([{ id: 'w', name: 'W', type: 'wmts', url: 'http://gis/wmts', tileMatrixSet: 'g' }])],
    ['a local set without its path', JSON.stringify([{ id: 'l', name: 'L', type: 'mbtiles' }])],
    ['an unknown field', JSON.stringify([{ ...xyz, subdomains: 'abc' }])],
  ])('refuses %s with an error naming BASEMAPS', (_what, value) => {
    expect(() => loadConfig({ BASEMAPS: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ BASEMAPS: value })).toThrowError(/BASEMAPS/);
  });

  it('takes a 天地图 key of 32 hexadecimal characters only', () => {
    expect(loadConfig({ TIANDITU_KEY: 'ABCDEF0123456789abcdef0123456789' }).TIANDITU_KEY).toBe('ABCDEF0123456789abcdef0123456789');
    expect(() => loadConfig({ TIANDITU_KEY: 'my key' })).toThrowError(/TIANDITU_KEY/);
  });

  it('stops the boot when a local tile set is missing, naming it', async () => {
    const config = load([{ id: 'offline', name: '离线', type: 'pmtiles', path: '/nonexistent/xiangshan.pmtiles' }], { DATA_DIR: os.tmpdir() });
    await expect(createBasemapModule({ config, logger: pino({ level: 'silent' }) })).rejects.toThrowError(/offline: .*xiangshan\.pmtiles does not exist/);
  });
});
