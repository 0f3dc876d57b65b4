import { describe, expect, it } from 'vitest';
import { distanceMetres } from '../../shared/geo';
import { townshipAt } from '../../shared/townships';
import { DEMO_LOOPS, positionAlong } from './demo-loops';

describe('simulated patrol loops', () => {
  it('moves continuously along the loop and wraps around', () => {
    const loop = DEMO_LOOPS['zone-central']!;
    const a = positionAlong(loop, 0).point;
    const b = positionAlong(loop, 100).point;
    expect(distanceMetres(a, b)).toBeGreaterThan(90);
    expect(distanceMetres(a, b)).toBeLessThan(110);
    const total = loop.waypoints.reduce((sum, p, i) => sum + distanceMetres(p, loop.waypoints[(i + 1) % loop.waypoints.length]!), 0);
    expect(distanceMetres(positionAlong(loop, total).point, a)).toBeLessThan(1);
  });

  it('keeps every waypoint on land in the county', () => {
    for (const loop of Object.values(DEMO_LOOPS)) for (const p of loop.waypoints) expect(townshipAt(p)).not.toBeNull();
  });
});
