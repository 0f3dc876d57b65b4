import { z } from 'zod';
import type { Basemap } from '../../shared/basemap';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an id of lowercase letters, digits and dashes');
const common = {
  id,
  name: z.string().min(1).max(40),
  /** `gcj02` for AMap/Tencent-style tiles: the client shifts them onto WGS84 and marks them in the switcher. */
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  minZoom: z.number().int().min(0).max(22).optional(),
  maxZoom: z.number().int().min(0).max(22).optional(),
  attribution: z.string().max(200).optional(),
};
const httpUrl = z.url({ protocol: /^https?$/ });
const xyzTemplate = httpUrl.refine((u) => ['{z}', '{x}', '{y}'].every((k) => u.includes(k)) || (u.includes('{-y}') && u.includes('{z}') && u.includes('{x}')), 'a URL with {z}, {x} and {y} (or {-y})');

/** One basemap in `BASEMAPS`: a remote XYZ or WMTS (KVP GetTile) service, or tiles this server reads from disk. */
export const BasemapSettingSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('xyz'), url: xyzTemplate, overlay: xyzTemplate.optional() }).strict(),
  z
    .object({
      ...common,
      type: z.literal('wmts'),
      url: httpUrl,
      layer: z.string().min(1),
      style: z.string().default('default'),
      tileMatrixSet: z.string().min(1),
      format: z.string().default('image/png'),
      /** Prepended to the zoom in TILEMATRIX (GeoServer names them e.g. `EPSG:900913:12`). */
      tileMatrixPrefix: z.string().default(''),
      /** Extra query parameters, such as a key. */
      params: z.record(z.string(), z.string()).default({}),
    })
    .strict(),
  z.object({ ...common, type: z.enum(['folder', 'mbtiles', 'pmtiles']), path: z.string().min(1) }).strict(),
]);
export type BasemapSetting = z.infer<typeof BasemapSettingSchema>;
export type LocalBasemapSetting = Extract<BasemapSetting, { type: 'folder' | 'mbtiles' | 'pmtiles' }>;

export const TIANDITU_IDS = ['tianditu-vec', 'tianditu-img'] as const;

/** `BASEMAPS`: a JSON array of basemap settings (README "Basemaps"). */
export const BasemapsSetting = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'BASEMAPS must be a JSON array of basemaps' });
      return z.NEVER;
    }
  })
  .pipe(z.array(BasemapSettingSchema).max(20))
  .refine((list) => new Set(list.map((b) => b.id)).size === list.length, 'basemap ids must be unique')
  .refine((list) => !list.some((b) => (TIANDITU_IDS as readonly string[]).includes(b.id)), `${TIANDITU_IDS.join(' and ')} are kept for TIANDITU_KEY`);

/** 天地图 keys are 32 hexadecimal characters. */
export const TiandituKey = z.string().regex(/^[0-9a-fA-F]{32}$/, 'a 天地图 key: 32 hexadecimal characters');

/** WMTS GetTile in key-value form, for a tile matrix set whose matrices are the Web Mercator zooms. */
export function wmtsTemplate(s: Extract<BasemapSetting, { type: 'wmts' }>): string {
  const url = new URL(s.url);
  const fixed: Record<string, string> = { SERVICE: 'WMTS', REQUEST: 'GetTile', VERSION: '1.0.0', LAYER: s.layer, STYLE: s.style, TILEMATRIXSET: s.tileMatrixSet, FORMAT: s.format, ...s.params };
  for (const [k, v] of Object.entries(fixed)) url.searchParams.set(k, v);
  // The placeholders stay literal (searchParams would escape the braces).
  return `${url.toString()}&TILEMATRIX=${encodeURIComponent(s.tileMatrixPrefix)}{z}&TILEROW={y}&TILECOL={x}`;
}

/**
 * 天地图 on Web Mercator (`_w` layers): the base layer and its label layer on top. Its CGCS2000 datum
 * matches WGS84 to well under a metre, so no shift.
 */
export function tiandituBasemaps(key: string): Basemap[] {
  const layer = (name: string) => `https://t0.tianditu.gov.cn/${name}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${name}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`;
  const attribution = '天地图 · 国家地理信息公共服务平台';
  return [
    { id: 'tianditu-vec', name: '天地图矢量', layers: [layer('vec'), layer('cva')], crs: 'wgs84', minZoom: 1, maxZoom: 18, attribution },
    { id: 'tianditu-img', name: '天地图影像', layers: [layer('img'), layer('cia')], crs: 'wgs84', minZoom: 1, maxZoom: 18, attribution },
  ];
}

/** A remote basemap as the client sees it. */
export function remoteBasemap(s: Extract<BasemapSetting, { type: 'xyz' | 'wmts' }>): Basemap {
  const layers = s.type === 'xyz' ? [s.url, ...(s.overlay ? [s.overlay] : [])] : [wmtsTemplate(s)];
  return { id: s.id, name: s.name, layers, crs: s.crs, minZoom: s.minZoom ?? 0, maxZoom: s.maxZoom ?? 18, attribution: s.attribution ?? '' };
}

/** Where the page may load tiles from (the page's Content-Security-Policy img-src). */
export const tileOrigins = (basemaps: readonly Basemap[]): string[] =>
  [...new Set(basemaps.flatMap((b) => b.layers.filter((l) => /^https?:/.test(l)).map((l) => new URL(l.replace(/[{}]/g, '')).origin)))];
