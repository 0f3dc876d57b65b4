import type { Point } from '@shared/geo';

/** A clicked map point to 6 decimals (about 0.1 m): what the location inputs of a form show and send. */
export const pickedPoint = (point: Point): Point => ({ lat: Number(point.lat.toFixed(6)), lon: Number(point.lon.toFixed(6)) });
