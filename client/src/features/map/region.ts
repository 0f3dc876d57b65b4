import regionUrl from '@shared/geo-data/region_wgs84.json?url';
import { townshipCentres } from '@shared/township-geometry';
import { loadTownships, type TownshipCollection } from './townships';

/** Natural Earth land (one feature), the cities of Zhejiang and the districts of Ningbo, WGS84 (built by scripts/build-regional-geo.ts). */
export interface RegionCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { name: string; layer: 'land' | 'city' | 'district'; centre?: [number, number] }; geometry: unknown }>;
}

export type PlaceKind = 'city' | 'district' | 'township';

/** A named area of the map, labelled at its centre when the zoom suits its kind. */
export interface MapPlace {
  name: string;
  kind: PlaceKind;
  lon: number;
  lat: number;
}

let loading: Promise<RegionCollection> | null = null;

/** Fetched as a plain asset (like the township outlines) so a failed load can be tried again. */
export function loadRegion(): Promise<RegionCollection> {
  loading ??= fetch(regionUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`region: HTTP ${res.status}`);
      return res.json() as Promise<RegionCollection>;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** The region's features first, so the townships draw over them; the land and region outlines are unnamed on the map. */
export async function loadMapOutlines(): Promise<{ geoJson: { type: 'FeatureCollection'; features: unknown[] }; places: MapPlace[] }> {
  const [region, townships] = await Promise.all([loadRegion(), loadTownships()]);
  return { geoJson: { type: 'FeatureCollection', features: [...region.features, ...townships.features] }, places: placesOf(region, townships) };
}

export function placesOf(region: RegionCollection, townships: TownshipCollection): MapPlace[] {
  const places: MapPlace[] = [];
  for (const f of region.features) {
    const centre = f.properties.centre;
    if (f.properties.layer !== 'land' && centre) places.push({ name: f.properties.name, kind: f.properties.layer, lon: centre[0], lat: centre[1] });
  }
  for (const c of townshipCentres(townships)) places.push({ name: c.name, kind: 'township', lon: c.lon, lat: c.lat });
  return places;
}

/**
 * Which places are labelled at a map scale (pixels per degree of longitude): townships from about the
 * county's own scale, Ningbo's districts below that, Zhejiang's cities further out, none over the open sea
 * view. Overlap hiding still drops any that collide.
 */
export function labelledKind(pixelsPerDegree: number): PlaceKind | null {
  if (pixelsPerDegree >= 500) return 'township';
  if (pixelsPerDegree >= 60) return 'district';
  if (pixelsPerDegree >= 12) return 'city';
  return null;
}
