import type { Point } from './geo';
import geojson from './geo-data/xiangshan_townships_wgs84.json';
import { townshipContaining, type TownshipFeatureCollection } from './township-geometry';

export const TOWNSHIP_OUTLINES = geojson as unknown as TownshipFeatureCollection;

/** The 18 township names of Xiangshan County, as in the geodata. */
export const TOWNSHIP_NAMES: readonly string[] = TOWNSHIP_OUTLINES.features.map((f) => f.properties.name);

/**
 * The township standing for the county: the county government sits in 丹东街道, so its representative point is
 * "Xiangshan" in distances and bearings (the typhoon exposure's county figures, the wall's storm panel).
 */
export const COUNTY_SEAT_TOWNSHIP = '丹东街道';

/** The township containing a WGS84 point, or null at sea or outside the county. */
export const townshipAt = (point: Point): string | null => townshipContaining(TOWNSHIP_OUTLINES, point);
