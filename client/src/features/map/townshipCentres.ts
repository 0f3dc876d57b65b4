import type { Point } from '@shared/geo';
import { townshipCentres, townshipContaining, type TownshipCentre } from '@shared/township-geometry';
import { loadTownships } from './townships';

export type { TownshipCentre };

/** Township centres from the outlines the map already loads (the client does not bundle the geodata). */
export async function loadTownshipCentres(): Promise<TownshipCentre[]> {
  return townshipCentres(await loadTownships());
}

/** The township containing a point, from the outlines the map already loaded; null at sea. */
export async function townshipNameAt(point: Point): Promise<string | null> {
  return townshipContaining(await loadTownships(), point);
}
