import type { Shelter } from '@shared/schemas/shelter';

/** A shelter for tests, with every field filled. */

const at = '2025-08-01T00:00:00.000Z';

export const shelter = (id: string, over: Partial<Shelter> = {}): Shelter => ({
  id,
  name: `安置点${id}`,
  level: 'township',
  township: '丹东街道',
  location: { lat: 29.47, lon: 121.87 },
  address: '',
  capacity: 100,
  facilities: [],
  contactName: '',
  contactPhone: '',
  status: 'open',
  occupancy: 0,
  drillOccupancy: 0,
  supplies: [],
  updatedAt: at,
  exercise: false,
  ...over,
});
