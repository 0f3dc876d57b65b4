import { COUNTY_SEAT_TOWNSHIP, TOWNSHIP_OUTLINES } from '../../shared/townships';
import { townshipCentres } from '../../shared/township-geometry';
import { townshipTargets, type TownshipTarget } from '../../shared/typhoon/township-targets';
import type { LatLon } from '../../shared/typhoon/geodesy';

/**
 * The county seen by the exposure. The county seat's township (COUNTY_SEAT_TOWNSHIP, shared/townships.ts)
 * stands for "Xiangshan" (the county's closest approach, the anchor of the township offsets). No township
 * government seat is in the reference data, so every township is represented by the centroid of its largest
 * polygon; a deployment that has the seats passes them to `townshipTargets`.
 */

let cached: { anchor: LatLon; targets: TownshipTarget[] } | null = null;

/** Built once per process (a few thousand geodesics over the outlines). */
export function countyTargets(): { anchor: LatLon; targets: TownshipTarget[] } {
  if (!cached) {
    const seat = townshipCentres(TOWNSHIP_OUTLINES).find((c) => c.name === COUNTY_SEAT_TOWNSHIP);
    if (!seat) throw new Error(`${COUNTY_SEAT_TOWNSHIP} is not in the township outlines`);
    const anchor = { lat: seat.lat, lon: seat.lon };
    cached = { anchor, targets: townshipTargets(TOWNSHIP_OUTLINES, anchor) };
  }
  return cached;
}
