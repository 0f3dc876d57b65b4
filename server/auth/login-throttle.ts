import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { inMemoryLimiters, type LimiterFactory } from '../cluster/rate-limiters';
import { DomainError } from '../errors';

export interface ThrottleLimits {
  /** Failures of one account from one address before that pair is locked out. */
  perAccountAddress: number;
  /** Failures from one address over all accounts: wide, a whole NATed command centre shares one. */
  perAddress: number;
  /** Failures count for this long (from the first one); a lock ends with its window. */
  windowSeconds: number;
  /** Account-wide failures (any address) that pass before guesses are slowed down. */
  freeFailures: number;
  /** First delay once slowed; doubles with each further failure, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  perAccountAddress: 5,
  perAddress: 300,
  windowSeconds: 15 * 60,
  freeFailures: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

/** One password check that was let through; tell the throttle how it went. */
export interface ThrottledAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Password guesses are counted before the password is checked, so guesses sent in parallel are counted
 * like guesses sent one after another; a correct password gives its count back.
 *
 * - one account from one address: locked after `perAccountAddress` failures (a stranger locks only
 *   themselves out, never the commander at another address);
 * - one account from anywhere: each check waits a delay that grows with the account's recent failures
 *   (slows a distributed guesser down; the commander waits at most `maxDelayMs`, never refused);
 * - one address over all accounts: a wide limit against spraying many accounts.
 */
export class LoginThrottle {
  private readonly pairs: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;
  private readonly accountFailures: RateLimiterAbstract;

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
    private readonly sleep: (ms: number) => Promise<void> = sleepFor,
    /** In cluster mode shared through Redis, so every instance counts the same guesses. */
    limiters: LimiterFactory = inMemoryLimiters,
  ) {
    // No blockDuration: attempts still in flight hold a point, and six kiosks signing in to one wall account
    // at once must not lock it for a quarter of an hour; the successes give their points back.
    this.pairs = limiters({ name: 'login-pair', points: limits.perAccountAddress, duration: limits.windowSeconds });
    this.addresses = limiters({ name: 'login-address', points: limits.perAddress, duration: limits.windowSeconds });
    this.accountFailures = limiters({ name: 'login-account-failures', points: Number.MAX_SAFE_INTEGER, duration: limits.windowSeconds });
  }

  /** Counts an attempt, waits the account's delay, and lets it through; throws LOGIN_THROTTLED when locked. */
  async begin(account: string, ip: string): Promise<ThrottledAttempt> {
    const pair = `${account}|${ip}`;
    if (!(await take(this.pairs, pair))) throw new DomainError('LOGIN_THROTTLED');
    if (!(await take(this.addresses, ip))) {
      await this.pairs.reward(pair, 1);
      throw new DomainError('LOGIN_THROTTLED');
    }
    await this.sleep(this.delayAfter((await this.accountFailures.get(account))?.consumedPoints ?? 0));
    let settled = false;
    return {
      succeeded: async () => {
        if (settled) return;
        settled = true;
        await Promise.all([this.pairs.reward(pair, 1), this.addresses.reward(ip, 1)]);
      },
      failed: async () => {
        if (settled) return;
        settled = true;
        await this.accountFailures.consume(account).catch(() => undefined);
      },
    };
  }

  /** The wait before a check of an account that failed `failures` times recently. */
  delayAfter(failures: number): number {
    const over = failures - this.limits.freeFailures;
    if (over < 0) return 0;
    return Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** Math.min(over, 30));
  }
}

/** Yes once per key per interval: a flood of refused guesses is audited once a minute, not once per guess. */
export class OncePerInterval {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string): boolean {
    const now = this.clock();
    const at = this.last.get(key);
    if (at !== undefined && now - at < this.intervalMs) return false;
    if (this.last.size >= this.maxKeys) this.last.clear();
    this.last.set(key, now);
    return true;
  }
}

/** Consumes a point; false when the key is over its limit (rate-limiter-flexible rejects with a RateLimiterRes). */
async function take(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}
