import { describe, expect, it } from 'vitest';
import { ReportThrottle, shouldReport, type SentFix } from './reportThrottle';

const at = (t: number, lat = 29.47, lon = 121.87): SentFix => ({ t, lat, lon });
// ~111 m per 0.001° of latitude
const north = (t: number, metres: number): SentFix => at(t, 29.47 + metres / 111_195);

describe('shouldReport', () => {
  it('sends the first fix', () => {
    expect(shouldReport(null, at(0))).toBe(true);
  });
  it('holds back fixes within 5 s when not moving', () => {
    expect(shouldReport(at(0), at(4_999))).toBe(false);
    expect(shouldReport(at(0), north(3_000, 15))).toBe(false);
  });
  it('sends after 5 s', () => {
    expect(shouldReport(at(0), at(5_000))).toBe(true);
  });
  it('sends early when moved more than 20 m', () => {
    expect(shouldReport(at(0), north(1_000, 25))).toBe(true);
  });
  it('ignores fixes older than the last sent one', () => {
    expect(shouldReport(at(10_000), north(2_000, 500))).toBe(false);
  });
});

describe('ReportThrottle', () => {
  it('allows one report in flight and counts only accepted ones', () => {
    const th = new ReportThrottle();
    expect(th.take(at(0))).toBe(true);
    expect(th.take(at(6_000))).toBe(false); // still in flight
    th.settle(at(0), false);
    expect(th.lastSent).toBeNull();
    expect(th.take(at(6_000))).toBe(true);
    th.settle(at(6_000), true);
    expect(th.lastSent?.t).toBe(6_000);
    expect(th.take(at(8_000))).toBe(false);
    expect(th.take(north(8_000, 30))).toBe(true);
  });
});
