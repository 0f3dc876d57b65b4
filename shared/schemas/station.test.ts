import { describe, expect, it } from 'vitest';
import { StationSchema, StationUpdateSchema } from './station';

const station = {
  id: 'st-1',
  code: 'XS-RG-01',
  name: '丹东街道雨量站',
  kind: 'rain',
  location: { lat: 29.47, lon: 121.87 },
  township: '丹东街道',
  elements: ['rain'],
  thresholds: {},
  reportIntervalSeconds: 300,
  sl651: { address: '0033022501', password: '****', workMode: 'M2' },
  maintenance: false,
  maintenanceNote: '',
  updatedAt: '2026-08-09T00:00:00.000Z',
};

describe('a station as shown', () => {
  it('reads with its SL 651 password masked (every answer and event to a non-admin), which no write may send', () => {
    expect(StationSchema.parse(station).sl651?.password).toBe('****');
    expect(StationSchema.parse({ ...station, sl651: { ...station.sl651, password: 'ab12' } }).sl651?.password).toBe('AB12');
    expect(StationUpdateSchema.safeParse({ sl651: station.sl651 }).success).toBe(false);
  });
});
