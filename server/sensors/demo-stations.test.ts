import { describe, expect, it } from 'vitest';
import { StationCreateSchema } from '../../shared/schemas/station';
import { townshipAt } from '../../shared/townships';
import { demoStations } from './demo-stations';

describe('demo stations', () => {
  it('are valid registrations with unique codes and SL 651 addresses, a rain gauge in every township', () => {
    const stations = demoStations().map((s) => StationCreateSchema.parse(s));
    expect(new Set(stations.map((s) => s.code)).size).toBe(stations.length);
    const addresses = stations.flatMap((s) => (s.sl651 ? [s.sl651.address] : []));
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(stations.filter((s) => s.kind === 'rain')).toHaveLength(18);
    expect(stations.filter((s) => s.kind === 'tide').map((s) => s.name)).toContain('石浦潮位站');
    // Inland stations lie in the township they are filed under (tide gauges stand on the shore line).
    for (const s of stations.filter((s) => s.kind === 'rain')) expect(townshipAt(s.location)).toBe(s.township);
  });
});
