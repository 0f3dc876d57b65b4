import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle } from './login-throttle';

/** A throttle whose delays are recorded instead of waited. */
function throttle() {
  const waits: number[] = [];
  const t = new LoginThrottle(DEFAULT_THROTTLE_LIMITS, async (ms) => {
    waits.push(ms);
  });
  return { t, waits };
}

const isThrottled = (error: unknown) => error instanceof DomainError && error.code === 'LOGIN_THROTTLED';

/** Starts an attempt and reports it failed (a wrong password); false when the throttle refused it. */
async function wrongGuess(t: LoginThrottle, account: string, ip: string): Promise<boolean> {
  try {
    await (await t.begin(account, ip)).failed();
    return true;
  } catch (error) {
    if (isThrottled(error)) return false;
    throw error;
  }
}

describe('login throttle', () => {
  it('lets through at most the limit of 200 guesses sent in parallel at one account', async () => {
    const { t } = throttle();
    const started = await Promise.allSettled(Array.from({ length: 200 }, () => t.begin('commander-1', '203.0.113.9')));
    const through = started.filter((r) => r.status === 'fulfilled');
    expect(through).toHaveLength(DEFAULT_THROTTLE_LIMITS.perAccountAddress);
    expect(started.filter((r) => r.status === 'rejected').every((r) => isThrottled(r.reason))).toBe(true);
  });

  it('never locks the commander out because a stranger guessed at their account from elsewhere', async () => {
    const { t, waits } = throttle();
    for (let i = 0; i < 50; i++) await wrongGuess(t, 'commander-1', '198.51.100.7');
    expect(await wrongGuess(t, 'commander-1', '198.51.100.7')).toBe(false);
    waits.length = 0;
    const commander = await t.begin('commander-1', '10.8.0.20');
    await commander.succeeded();
    // Slowed down, not refused, and never by more than the cap.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(DEFAULT_THROTTLE_LIMITS.maxDelayMs);
  });

  it('slows guesses at one account down more with each failure, from any address', async () => {
    const { t, waits } = throttle();
    for (let i = 0; i < 8; i++) await wrongGuess(t, 'duty-1', `192.0.2.${i + 1}`);
    expect(waits.slice(0, DEFAULT_THROTTLE_LIMITS.freeFailures)).toEqual([0, 0, 0]);
    const slowed = waits.slice(DEFAULT_THROTTLE_LIMITS.freeFailures);
    for (let i = 1; i < slowed.length; i++) expect(slowed[i]).toBeGreaterThan(slowed[i - 1]!);
    expect(t.delayAfter(1_000)).toBe(DEFAULT_THROTTLE_LIMITS.maxDelayMs);
  });

  it('keeps a whole NATed command centre signing in when 60 of its people mistype once', async () => {
    const { t } = throttle();
    for (let i = 0; i < 60; i++) expect(await wrongGuess(t, `officer-${i}`, '10.0.0.1')).toBe(true);
    const late = await t.begin('commander-1', '10.0.0.1');
    await late.succeeded();
  });

  it('gives the point of a correct password back: a shared account signing in on six screens at once is not locked', async () => {
    const { t } = throttle();
    const first = await Promise.allSettled(Array.from({ length: 6 }, () => t.begin('wall-1', '10.0.0.1')));
    for (const r of first) if (r.status === 'fulfilled') await r.value.succeeded();
    const retry = await t.begin('wall-1', '10.0.0.1');
    await retry.succeeded();
  });

  it('locks one account from one address after the limit of wrong passwords, and only that pair', async () => {
    const { t } = throttle();
    for (let i = 0; i < DEFAULT_THROTTLE_LIMITS.perAccountAddress; i++) expect(await wrongGuess(t, 'field-1', '198.51.100.7')).toBe(true);
    expect(await wrongGuess(t, 'field-1', '198.51.100.7')).toBe(false);
    expect(await wrongGuess(t, 'field-2', '198.51.100.7')).toBe(true);
    expect(await wrongGuess(t, 'field-1', '198.51.100.8')).toBe(true);
  });

  it('refuses an address spraying guesses over many accounts once past its wide limit', async () => {
    const { t } = throttle();
    for (let i = 0; i < DEFAULT_THROTTLE_LIMITS.perAddress; i++) await wrongGuess(t, `user-${i}`, '198.51.100.66');
    expect(await wrongGuess(t, 'someone-new', '198.51.100.66')).toBe(false);
    expect(await wrongGuess(t, 'someone-new', '198.51.100.67')).toBe(true);
  });
});
