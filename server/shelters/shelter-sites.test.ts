import { describe, expect, it } from 'vitest';
import { ShelterCreateSchema } from '../../shared/schemas/shelter';
import { TOWNSHIP_NAMES, townshipAt } from '../../shared/townships';
import { DEMO_SHELTERS } from './shelter-sites';

describe('demo shelters', () => {
  it('are valid, uniquely named and sit inside the township they name', () => {
    for (const { id, source: _source, ...shelter } of DEMO_SHELTERS) {
      expect(ShelterCreateSchema.safeParse(shelter).success || id).toBe(true);
      expect({ id, township: townshipAt(shelter.location) }).toEqual({ id, township: shelter.township });
    }
    expect(new Set(DEMO_SHELTERS.map((s) => s.id)).size).toBe(DEMO_SHELTERS.length);
    expect(new Set(DEMO_SHELTERS.map((s) => s.name)).size).toBe(DEMO_SHELTERS.length);
  });

  it('give every township at least one shelter, mostly on real school sites', () => {
    for (const township of TOWNSHIP_NAMES) expect(DEMO_SHELTERS.some((s) => s.township === township) || township).toBe(true);
    expect(DEMO_SHELTERS.filter((s) => s.source === 'osm').length).toBeGreaterThanOrEqual(30);
  });
});
