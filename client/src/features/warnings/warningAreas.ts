import type { CapAlert, CapArea } from '@shared/schemas/cap-alert';
import type { Warning, WarningColour } from '@shared/schemas/warning';
import { windCircleRing } from '@shared/typhoon/circles';
import { capColour, capInfoIn, capInForce } from './capModel';
import { standingOf } from './warningBoard';

/** Township outlines as closed [lon, lat] rings (an island township has several). */
export type OutlineRings = ReadonlyMap<string, ReadonlyArray<number[][]>>;

interface OutlineFeature {
  properties: { name: string };
  geometry: unknown;
}

/** The outer ring of every polygon of each township's outline (holes are not drawn). */
export function outlineRings(features: readonly OutlineFeature[]): Map<string, number[][][]> {
  const out = new Map<string, number[][][]>();
  for (const f of features) {
    const g = f.geometry as { type?: string; coordinates?: unknown };
    const polygons = g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : [];
    out.set(f.properties.name, polygons.map((p) => p[0]).filter((ring): ring is number[][] => Array.isArray(ring) && ring.length > 2));
  }
  return out;
}

/** One warning's area on the map: its rings in its colour. */
export interface WarningArea {
  key: string;
  colour: WarningColour | null;
  exercise: boolean;
  rings: number[][][];
}

function capAreaRings(area: CapArea, outlines: OutlineRings): number[][][] {
  if (area.drawnFrom === 'township' && area.outlineOf) return [...(outlines.get(area.outlineOf) ?? [])];
  // No shape and no known township: the county outline stands in (every township's).
  if (area.drawnFrom === 'county') return [...outlines.values()].flat();
  const circles = area.circles.flatMap((c) => {
    const ring = windCircleRing({ lat: c.lat, lon: c.lon }, { ne: c.radiusKm, se: c.radiusKm, sw: c.radiusKm, nw: c.radiusKm });
    return ring ? [ring] : [];
  });
  return [...area.polygons.map((p) => p.map(([lon, lat]) => [lon, lat])), ...circles];
}

/**
 * The areas of every warning in force: the county's from its townships' outlines, a received alert's from its
 * own polygons and circles (or the outline its area code names). The most severe are listed last, so they
 * are drawn on top.
 */
export function warningAreas(input: { warnings: readonly Warning[]; capAlerts: readonly CapAlert[]; outlines: OutlineRings; now: number; locale: string }): WarningArea[] {
  const county = input.warnings
    .filter((w) => w.msgType !== 'Cancel' && standingOf(w, input.now) === 'in_force')
    .map((w) => ({ key: w.id, colour: w.colour, exercise: w.exercise, rings: w.townships.flatMap((t) => [...(input.outlines.get(t) ?? [])]) }));
  const received = input.capAlerts
    .filter((a) => capInForce(a, input.now))
    .map((a) => ({ key: a.id, colour: capColour(a), exercise: a.status === 'Exercise', rings: (capInfoIn(a, input.locale)?.areas ?? []).flatMap((area) => capAreaRings(area, input.outlines)) }));
  const rank = (c: WarningColour | null) => ['blue', 'yellow', 'orange', 'red'].indexOf(c ?? '');
  return [...county, ...received].filter((a) => a.rings.length > 0).sort((a, b) => rank(a.colour) - rank(b.colour));
}
