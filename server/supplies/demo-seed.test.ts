import { describe, expect, it } from 'vitest';
import { DEMO_DEPOTS, DEMO_ITEMS, DEMO_STOCK } from './demo-supplies';

describe('the demo supplies seed', () => {
  it('stocks only known depots with known items', () => {
    for (const [depotId, lines] of Object.entries(DEMO_STOCK)) {
      expect(DEMO_DEPOTS.some((d) => d.id === depotId) || depotId).toBe(true);
      for (const [itemId] of lines) expect(DEMO_ITEMS.some((i) => i.id === itemId) || itemId).toBe(true);
    }
  });
});
