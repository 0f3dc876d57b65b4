import { RAIN_WINDOW_HOURS, RAIN_WINDOWS } from '../../shared/schemas/station';
import type { Reading, RollingRain } from '../../shared/schemas/sensor-reading';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const KEEP_MS = 24 * HOUR_MS;
/** A running total that jumps by more than this between two reports is a counter glitch, not rain. */
const MAX_STEP_MM = 500;

/**
 * Rolling rainfall of one station, fed with the readings of each message as they are first stored. Which
 * readings count as rain fallen, per message: the running total (`rain_total`, differences between reports;
 * a total going down means the counter restarted) when the message has one, else `rain` increments, else
 * SL 651's 5-minute series. So a station that sends several of them never has its rain counted twice.
 */
export class RainAccumulator {
  private increments: Array<[number, number]> = [];
  private everAdded = 0;
  private lastTotal: { observedAt: number; mm: number } | null = null;

  addMessage(readings: readonly Reading[]): void {
    const valid = readings.filter((r) => r.value !== null).sort((a, b) => a.observedAt - b.observedAt);
    const totals = valid.filter((r) => r.element === 'rain_total');
    if (totals.length) {
      for (const total of totals) this.addTotal(total.observedAt, total.value!);
      return;
    }
    const increments = valid.filter((r) => r.element === 'rain');
    const source = increments.length ? increments : valid.filter((r) => r.element === 'rain_5min');
    for (const r of source) this.addIncrement(r.observedAt, r.value!);
  }

  /** Rain fallen in each window ending at `now`. */
  sums(now: number): RollingRain {
    this.prune(now);
    const out = { '1h': 0, '3h': 0, '6h': 0, '12h': 0, '24h': 0 };
    for (const [t, mm] of this.increments) {
      if (t > now) continue;
      for (const window of RAIN_WINDOWS) if (t > now - RAIN_WINDOW_HOURS[window] * HOUR_MS) out[window] += mm;
    }
    for (const window of RAIN_WINDOWS) out[window] = Math.round(out[window] * 10) / 10;
    return out;
  }

  private addTotal(observedAt: number, mm: number): void {
    const last = this.lastTotal;
    if (last && observedAt <= last.observedAt) return; // late or resent: already counted, or too late to order
    this.lastTotal = { observedAt, mm };
    if (!last) return; // the first total is the baseline
    const step = mm >= last.mm ? mm - last.mm : mm;
    if (step > 0 && step <= MAX_STEP_MM) this.addIncrement(observedAt, step);
  }

  /** All rain ever added, pruned or not (the chart derives each message's share from it). */
  total(): number {
    return this.everAdded;
  }

  /**
   * Rain is kept per minute (the minute it fell in), so a station bursting every few seconds still holds at most
   * 1,440 entries for its 24 hours and the window sums stay cheap.
   */
  private addIncrement(observedAt: number, mm: number): void {
    if (mm <= 0) return;
    this.everAdded += mm;
    const minute = Math.floor(observedAt / MINUTE_MS) * MINUTE_MS;
    const last = this.increments.at(-1);
    if (!last || last[0] < minute) {
      this.increments.push([minute, mm]);
      return;
    }
    const at = this.increments.findIndex(([t]) => t >= minute);
    const entry = this.increments[at]!;
    if (entry[0] === minute) entry[1] += mm;
    else this.increments.splice(at, 0, [minute, mm]);
  }

  private prune(now: number): void {
    const cutoff = now - KEEP_MS;
    let drop = 0;
    while (drop < this.increments.length && this.increments[drop]![0] <= cutoff) drop += 1;
    if (drop) this.increments = this.increments.slice(drop);
  }
}
