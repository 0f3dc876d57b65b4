import type { Storm, TrackPoint } from '@shared/schemas/typhoon';
import type { Exposure, TownshipExposure } from '@shared/schemas/typhoon-exposure';
import { COUNTY_SEAT_TOWNSHIP } from '@shared/townships';
import { minutesUntil } from './typhoonFormat';

export const latestPoint = (storm: Storm): TrackPoint | null => storm.track.reduce<TrackPoint | null>((a, p) => (!a || p.at > a.at ? p : a), null);

/** The county seat's row: its distance and bearing are "from Xiangshan". */
export const countySeatRow = (exposure: Exposure | null): TownshipExposure | null => exposure?.townships.find((r) => r.name === COUNTY_SEAT_TOWNSHIP) ?? null;

/** A township's line on the wall: its countdown to the 7-level circle, or that it is inside, or how close the centre comes. */
export type TownshipLine =
  | { kind: 'arriving'; name: string; minutes: number; at: string }
  | { kind: 'inside'; name: string; since: string }
  | { kind: 'clear'; name: string; closestKm: number; closestAt: string };

/**
 * The wall's township lines: those the circle will reach soonest first, then those inside, then the rest by
 * closest approach. A historical storm gets no countdowns (it never drives them): every line is its closest approach.
 */
export function townshipLines(exposure: Exposure, now: number): TownshipLine[] {
  const lines = exposure.townships.map((row): TownshipLine => {
    const c = row.circles.level7;
    const clear: TownshipLine = { kind: 'clear', name: row.name, closestKm: row.closestApproach.distanceKm, closestAt: row.closestApproach.at };
    if (exposure.historical || c.state !== 'reached') return clear;
    if (Date.parse(c.enteredAt) > now) return { kind: 'arriving', name: row.name, minutes: minutesUntil(c.enteredAt, now), at: c.enteredAt };
    if (c.leftAt === null || Date.parse(c.leftAt) > now) return { kind: 'inside', name: row.name, since: c.enteredAt };
    return clear;
  });
  const rank = { arriving: 0, inside: 1, clear: 2 } as const;
  const key = (l: TownshipLine) => (l.kind === 'arriving' ? l.minutes : l.kind === 'inside' ? Date.parse(l.since) : l.closestKm);
  return lines.sort((a, b) => rank[a.kind] - rank[b.kind] || key(a) - key(b) || a.name.localeCompare(b.name, 'zh-CN'));
}
