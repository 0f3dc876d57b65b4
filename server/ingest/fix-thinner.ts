/**
 * A per-device write limit for trackers. A tracker is never refused (it would retry forever, holding back
 * every later fix), so fixes beyond the limit are dropped here and counted on the device instead. The
 * bucket is deep enough for a phone's whole offline backlog in one batch; a device then keeps its
 * sustained rate, far above what any tracker app is set to.
 */
export interface FixThinnerOptions {
  /** Fixes a device may send at once (a batched backlog). */
  burst?: number;
  /** Fixes a second a device may keep sending. */
  perSecond?: number;
  maxDevices?: number;
}

export class FixThinner {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly maxDevices: number;

  constructor(options: FixThinnerOptions = {}) {
    this.burst = options.burst ?? 600;
    this.perSecond = options.perSecond ?? 5;
    this.maxDevices = options.maxDevices ?? 50_000;
  }

  /** Whether this device may store one more fix now; takes it from the device's allowance when it may. */
  admit(deviceId: string, nowMs: number): boolean {
    let bucket = this.buckets.get(deviceId);
    if (!bucket) {
      if (this.buckets.size >= this.maxDevices) this.buckets.clear();
      bucket = { tokens: this.burst, at: nowMs };
      this.buckets.set(deviceId, bucket);
    } else if (nowMs > bucket.at) {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond);
      bucket.at = nowMs;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
