import { describe, expect, it } from 'vitest';
import { fromLivePosition, LivePositionSchema, toLivePosition, type Fix } from './position';

describe('live position wire format', () => {
  const fix: Fix = { teamId: 'zone-central', deviceId: 'dev-1', lat: 29.4431, lon: 121.8712, t: 1_765_000_000_000, speed: 11.2, heading: 90, accuracy: 8, altitude: 12, battery: 87 };

  it('round-trips what the map needs and validates against the shared schema', () => {
    const live = toLivePosition(fix);
    expect(LivePositionSchema.parse(live)).toEqual(live);
    expect(fromLivePosition(live)).toEqual({ teamId: 'zone-central', lat: 29.4431, lon: 121.8712, t: 1_765_000_000_000, speed: 11.2, heading: 90, accuracy: 8, battery: 87, heardAt: 1_765_000_000_000 });
  });

  it('carries when the team was last heard, later than its fix while the phone reports without one', () => {
    const live = toLivePosition({ ...fix, heardAt: fix.t + 600_000 });
    expect(fromLivePosition(LivePositionSchema.parse(live)).heardAt).toBe(fix.t + 600_000);
  });

  it('is much smaller on the wire than the fix object', () => {
    expect(JSON.stringify(toLivePosition(fix)).length).toBeLessThan(JSON.stringify(fix).length / 2);
  });
});
