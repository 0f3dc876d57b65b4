import type { QuadrantRadii } from '../../../shared/schemas/typhoon';
import { NAUTICAL_MILE_KM } from '../../../shared/typhoon/wind';
import { badInput, MAX_RADIUS_KM, MISSING_RADIUS } from './parsed-storm';

export const JMA_DIRECTIONS = ['NE', 'E', 'SE', 'S', 'SW', 'W', 'NW', 'N', 'circular'] as const;
export type JmaDirection = (typeof JMA_DIRECTIONS)[number];

/** JMA's direction codes 1-9 (1 NE … 8 N, 9 = a circle). */
export const directionOfCode = (code: number): JmaDirection | null => JMA_DIRECTIONS[code - 1] ?? null;

/** Which quadrants the longest radius covers: a diagonal names one quadrant, a cardinal direction the two beside it. */
const LONGEST_IN: Record<JmaDirection, Array<keyof QuadrantRadii>> = {
  NE: ['ne'],
  E: ['ne', 'se'],
  SE: ['se'],
  S: ['se', 'sw'],
  SW: ['sw'],
  W: ['sw', 'nw'],
  NW: ['nw'],
  N: ['nw', 'ne'],
  circular: ['ne', 'se', 'sw', 'nw'],
};

/**
 * Quadrant radii from JMA's longest/shortest pair (nautical miles): the quadrant(s) the longest radius points
 * into get the longest, every other quadrant the shortest. 0 nm: no wind of that force (0 km); 9999: no data.
 */
export function quadrantsFromLongest(direction: JmaDirection | null, longestNm: number, shortestNm: number, line: number, field: string): QuadrantRadii | null {
  if (longestNm === MISSING_RADIUS || shortestNm === MISSING_RADIUS) return null;
  if (longestNm === 0) return { ne: 0, se: 0, sw: 0, nw: 0 };
  if (!direction) throw badInput(line, `${field} (direction)`, 'a radius without the direction of the longest radius');
  if (shortestNm > longestNm) throw badInput(line, field, `the shortest radius (${shortestNm} nm) is longer than the longest (${longestNm} nm)`);
  const km = (nm: number) => Math.round(nm * NAUTICAL_MILE_KM);
  if (km(longestNm) > MAX_RADIUS_KM) throw badInput(line, field, `${longestNm} nm is not a plausible radius`);
  const radii = { ne: km(shortestNm), se: km(shortestNm), sw: km(shortestNm), nw: km(shortestNm) };
  for (const q of LONGEST_IN[direction]) radii[q] = km(longestNm);
  return radii;
}
