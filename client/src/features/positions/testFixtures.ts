import type { Fix } from '@shared/schemas/position';

/** A position fix for tests. */

export const fix = (teamId: string, t: number, over: Partial<Fix> = {}): Fix => ({
  teamId,
  deviceId: 'd1',
  lat: 29.47,
  lon: 121.87,
  t,
  speed: null,
  heading: null,
  accuracy: 10,
  altitude: null,
  battery: null,
  ...over,
});
