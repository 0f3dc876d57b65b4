import { describe, expect, it } from 'vitest';
import { isLow, nextHolding, postings } from './stock-rules';

describe('stock rules', () => {
  it('applies receipts, issues, allocations, releases, departures and arrivals', () => {
    let h = { onHand: 0, reserved: 0 };
    h = nextHolding(h, postings.receipt('d', 'tent', 100));
    h = nextHolding(h, postings.allocation('d', 'tent', 30));
    expect(h).toEqual({ onHand: 100, reserved: 30 });
    h = nextHolding(h, postings.issue('d', 'tent', 70));
    expect(h).toEqual({ onHand: 30, reserved: 30 });
    h = nextHolding(h, postings.departure('d', 'tent', 20));
    h = nextHolding(h, postings.release('d', 'tent', 10));
    expect(h).toEqual({ onHand: 10, reserved: 0 });
    expect(nextHolding(h, postings.stocktake('d', 'tent', h, 4))).toEqual({ onHand: 4, reserved: 0 });
    expect(nextHolding(h, postings.arrival('d', 'tent', 5))).toEqual({ onHand: 15, reserved: 0 });
  });

  it('never goes negative and never hands out reserved stock', () => {
    const h = { onHand: 10, reserved: 4 };
    expect(() => nextHolding(h, postings.issue('d', 'tent', 7))).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_STOCK', details: expect.objectContaining({ available: 6, requested: 7 }) }));
    expect(() => nextHolding(h, postings.allocation('d', 'tent', 7))).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_STOCK' }));
    expect(() => nextHolding(h, postings.stocktake('d', 'tent', h, 3))).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_STOCK' }));
    expect(() => nextHolding(h, postings.release('d', 'tent', 5))).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_STOCK' }));
    expect(nextHolding(h, postings.issue('d', 'tent', 6))).toEqual({ onHand: 4, reserved: 4 });
  });

  it('is low when what is available falls below a set minimum', () => {
    expect(isLow({ onHand: 100, reserved: 60 }, 50)).toBe(true);
    expect(isLow({ onHand: 100, reserved: 50 }, 50)).toBe(false);
    expect(isLow({ onHand: 0, reserved: 0 }, 0)).toBe(false);
  });
});
