/**
 * Builds shared/geo-data/region_wgs84.json, the map's regional layer, once:
 * - land from Natural Earth 1:50m (the installed `world-atlas` TopoJSON), clipped to the sea typhoons come from;
 * - the cities of Zhejiang and the districts of Ningbo (DataV GeoAtlas, GCJ-02) shifted back to WGS84.
 * Usage: npx tsx scripts/build-regional-geo.ts [folder with *_gcj02.json, default ../shared/data/geo]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { gcj02ToWgs84, type LonLat } from '../shared/gcj02';

type Ring = LonLat[];
type Polygon = Ring[];
interface RegionFeature {
  type: 'Feature';
  properties: { name: string; layer: 'land' | 'city' | 'district'; centre?: LonLat };
  geometry: { type: 'MultiPolygon'; coordinates: Polygon[] };
}

/** The land's region name in the map (never shown: the map's place labels come from the other features). */
const LAND_REGION = 'land';

/** West, south, east, north: the East China Sea with the coasts around it. */
export const REGION_BOX = [105, 10, 140, 45] as const;

const require = createRequire(import.meta.url);
const sourceDir = path.resolve(process.argv[2] ?? '../shared/data/geo');
const outFile = path.resolve(import.meta.dirname, '../shared/geo-data/region_wgs84.json');

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** Clips a closed ring to the box, one edge at a time (Sutherland–Hodgman: exact for a convex clip area). */
function clipRing(ring: Ring): Ring {
  const [w, s, e, n] = REGION_BOX;
  const edges: Array<{ inside: (p: LonLat) => boolean; cross: (a: LonLat, b: LonLat) => LonLat }> = [
    { inside: (p) => p[0] >= w, cross: (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[0] <= e, cross: (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[1] >= s, cross: (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s] },
    { inside: (p) => p[1] <= n, cross: (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n] },
  ];
  let points = ring.slice(0, -1);
  for (const edge of edges) {
    const next: LonLat[] = [];
    points.forEach((cur, i) => {
      const prev = points[(i + points.length - 1) % points.length]!;
      if (edge.inside(cur)) {
        if (!edge.inside(prev)) next.push(edge.cross(prev, cur));
        next.push(cur);
      } else if (edge.inside(prev)) next.push(edge.cross(prev, cur));
    });
    points = next;
    if (!points.length) return [];
  }
  return points.length >= 3 ? [...points, points[0]!] : [];
}

/**
 * Douglas–Peucker: keeps the points that stray more than `tolerance` degrees from the line between kept
 * neighbours. The map redraws every outline on each update, so the regional layer carries no more detail
 * than its zoom range shows (the townships carry the county's own detail).
 */
function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, ring.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    const [ax, ay] = ring[from]!;
    const [bx, by] = ring[to]!;
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const [px, py] = ring[i]!;
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return ring.filter((_, i) => keep[i]);
}

/** Drops consecutive points that round to the same place. */
function roundRing(ring: Ring, digits: number): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const p: LonLat = [round(lon, digits), round(lat, digits)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : [];
}

/** Islets under about a kilometre across: specks at the zoom these outlines are for (the townships keep Xiangshan's own). */
const islet = (outer: Ring): boolean => {
  const lons = outer.map((p) => p[0]);
  const lats = outer.map((p) => p[1]);
  return Math.hypot(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats)) < 0.01;
};

const polygonsOf = (g: { type: string; coordinates: unknown }): Polygon[] =>
  g.type === 'Polygon' ? [g.coordinates as Polygon] : g.type === 'MultiPolygon' ? (g.coordinates as Polygon[]) : [];

function land(): RegionFeature[] {
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-50m.json'), 'utf8')) as Topology<{ land: GeometryCollection }>;
  const collection = feature(topo, topo.objects.land);
  const polygons: Polygon[] = [];
  for (const f of collection.features) {
    for (const polygon of polygonsOf(f.geometry as { type: string; coordinates: unknown })) {
      const rings = polygon.map((r) => roundRing(simplify(clipRing(r), 0.01), 3)).filter((r) => r.length);
      if (rings[0]) polygons.push(rings);
    }
  }
  return [{ type: 'Feature', properties: { name: LAND_REGION, layer: 'land' }, geometry: { type: 'MultiPolygon', coordinates: polygons } }];
}

function shifted(file: string, layer: 'city' | 'district'): RegionFeature[] {
  const json = JSON.parse(readFileSync(path.join(sourceDir, file), 'utf8')) as {
    features: Array<{ properties: { name: string; centroid?: LonLat; center?: LonLat }; geometry: { type: string; coordinates: unknown } }>;
  };
  return json.features.map((f) => {
    const polygons = polygonsOf(f.geometry).map((polygon) => polygon.map((ring) => roundRing(simplify(ring.map(gcj02ToWgs84), 0.002), 5)).filter((r) => r.length));
    const centre = f.properties.centroid ?? f.properties.center;
    return {
      type: 'Feature',
      properties: { name: f.properties.name, layer, ...(centre ? { centre: gcj02ToWgs84(centre).map((v) => round(v, 5)) as LonLat } : {}) },
      geometry: { type: 'MultiPolygon', coordinates: polygons.filter((p) => p.length && !islet(p[0]!)) },
    };
  });
}

const features = [...land(), ...shifted('zhejiang_cities_gcj02.json', 'city'), ...shifted('ningbo_districts_gcj02.json', 'district')];
writeFileSync(outFile, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`${outFile}: ${features.length} features`);
