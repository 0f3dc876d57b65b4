import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Failed sign-ins are limited per user name and address (a guessing attack on one account) and per
 * address (spraying many accounts). A success clears the per-account count.
 */
export class LoginThrottle {
  private readonly perAccount = new RateLimiterMemory({ points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
  private readonly perAddress = new RateLimiterMemory({ points: 50, duration: 15 * 60, blockDuration: 15 * 60 });

  async isBlocked(username: string, ip: string): Promise<boolean> {
    const [account, address] = await Promise.all([this.perAccount.get(`${username}|${ip}`), this.perAddress.get(ip)]);
    return (account !== null && account.remainingPoints <= 0) || (address !== null && address.remainingPoints <= 0);
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    // consume() rejects once the limit is reached; being over the limit is what isBlocked reports.
    await Promise.allSettled([this.perAccount.consume(`${username}|${ip}`), this.perAddress.consume(ip)]);
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.perAccount.delete(`${username}|${ip}`);
  }
}
