import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { StationCreateSchema, type StationCreate } from '../../shared/schemas/station';
import { townshipCentres } from '../../shared/township-geometry';
import { TOWNSHIP_OUTLINES } from '../../shared/townships';
import type { StationService } from './station-service';

/**
 * The demo county's gauges: a rain gauge in every township (at its centre), reservoirs, river and tide levels,
 * wind on the coast. Only 石浦潮位站 is a real station's name; the others are demo stations named by their
 * township, and every threshold is a plausible demo value, not an official one. SL 651 addresses start with
 * Xiangshan's administrative code 330225.
 */
export function demoStations(): StationCreate[] {
  const centres = new Map(townshipCentres(TOWNSHIP_OUTLINES).map((c) => [c.name, c]));
  const near = (township: string, dLat = 0, dLon = 0) => {
    const c = centres.get(township)!;
    return { lat: Number((c.lat + dLat).toFixed(5)), lon: Number((c.lon + dLon).toFixed(5)) };
  };
  const rtu = (n: number) => ({ address: `00330225${String(n).padStart(2, '0')}`, password: '1234', workMode: 'M2' as const });
  const rain: StationCreate[] = [...centres.keys()].map((township, i) => ({
    code: `XS-RG-${String(i + 1).padStart(2, '0')}`,
    name: `${township}雨量站`,
    kind: 'rain',
    location: near(township),
    township,
    elements: ['rain', 'rain_total', 'voltage'],
    reportIntervalSeconds: 300,
    ...(i < 6 ? { sl651: rtu(i + 1) } : {}),
  }));
  const reservoir = (n: number, township: string, warning: number, guaranteed: number): StationCreate => ({
    code: `XS-RS-${n}`,
    name: `${township}水库水位站`,
    kind: 'reservoir',
    location: near(township, 0.006, -0.004),
    township,
    elements: ['level_upstream', 'level_downstream', 'rain', 'voltage'],
    thresholds: { level: { warning, guaranteed, hysteresis: 0.1 } },
    reportIntervalSeconds: 600,
    sl651: rtu(40 + n),
  });
  const tide = (n: number, name: string, township: string, warning: number, dLat: number, dLon: number): StationCreate => ({
    code: `XS-TD-${n}`,
    name,
    kind: 'tide',
    location: near(township, dLat, dLon),
    township,
    elements: ['level', 'voltage'],
    thresholds: { level: { warning, guaranteed: null, hysteresis: 0.1 }, rain: [] },
    reportIntervalSeconds: 300,
  });
  return [
    ...rain,
    reservoir(1, '西周镇', 38.5, 40.2),
    reservoir(2, '茅洋乡', 52.0, 54.1),
    reservoir(3, '黄避岙乡', 31.0, 32.6),
    reservoir(4, '墙头镇', 24.5, 26.0),
    { code: 'XS-RV-1', name: '大徐镇河道水位站', kind: 'river', location: near('大徐镇', -0.005, 0.004), township: '大徐镇', elements: ['level', 'rain', 'voltage'], thresholds: { level: { warning: 4.2, guaranteed: 5.0 } }, reportIntervalSeconds: 300 },
    { code: 'XS-RV-2', name: '丹西街道河道水位站', kind: 'river', location: near('丹西街道', 0.004, 0.004), township: '丹西街道', elements: ['level', 'rain', 'voltage'], thresholds: { level: { warning: 3.6, guaranteed: 4.3 } }, reportIntervalSeconds: 300 },
    tide(1, '石浦潮位站', '石浦镇', 4.2, 0, 0.01),
    tide(2, '爵溪街道潮位站', '爵溪街道', 4.0, 0, 0.01),
    tide(3, '鹤浦镇潮位站', '鹤浦镇', 4.1, 0, 0),
    tide(4, '高塘岛乡潮位站', '高塘岛乡', 4.1, 0, 0),
    { code: 'XS-WD-1', name: '石浦镇风速站', kind: 'wind', location: near('石浦镇', 0.004, 0.012), township: '石浦镇', elements: ['wind_speed', 'wind_dir', 'voltage'], thresholds: { windBeaufort: 8, rain: [] }, reportIntervalSeconds: 300 },
    { code: 'XS-WD-2', name: '高塘岛乡风速站', kind: 'wind', location: near('高塘岛乡', 0.004, 0), township: '高塘岛乡', elements: ['wind_speed', 'wind_dir', 'voltage'], thresholds: { windBeaufort: 8, rain: [] }, reportIntervalSeconds: 300 },
  ];
}

/** Seeds the demo stations once (nothing when any station exists). */
export async function seedDemoStations(stations: StationService): Promise<void> {
  if ((await stations.list()).length > 0) return;
  for (const station of demoStations()) await stations.create(StationCreateSchema.parse(station), SYSTEM_ACTOR);
}
