import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { DEFAULT_REQUEST_LIMITS, RequestGate } from './request-gate';

const refused = (r: PromiseSettledResult<unknown>) => r.status === 'rejected' && r.reason instanceof DomainError && r.reason.code === 'RATE_LIMITED';

describe('socket request gate', () => {
  it('admits only a couple of 1,000 resyncs a session sends at once, and refuses the rest cheaply', async () => {
    const gate = new RequestGate();
    const results = await Promise.allSettled(Array.from({ length: 1_000 }, () => gate.admit('wall-session', 'sync:hello')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(DEFAULT_REQUEST_LIMITS.resyncsInFlight);
    expect(results.filter(refused)).toHaveLength(1_000 - DEFAULT_REQUEST_LIMITS.resyncsInFlight);
  });

  it('admits again once answers went out, and keeps sessions apart', async () => {
    const gate = new RequestGate();
    const held = await Promise.all(Array.from({ length: DEFAULT_REQUEST_LIMITS.resyncsInFlight }, () => gate.admit('a', 'sync:hello')));
    await expect(gate.admit('a', 'sync:hello')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await gate.admit('b', 'sync:hello');
    held.forEach((release) => release());
    await gate.admit('a', 'sync:hello');
  });

  it('caps all requests in flight per session and per minute', async () => {
    const gate = new RequestGate({ inFlight: 3, resyncsInFlight: 1, pointsPerMinute: 10, resyncCost: 5 });
    const held = await Promise.all([gate.admit('a', 'position:report'), gate.admit('a', 'position:report'), gate.admit('a', 'alarm:acknowledge')]);
    await expect(gate.admit('a', 'position:report')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    held.forEach((release) => release());
    (await gate.admit('a', 'sync:hello'))(); // 3 + 5 points used
    (await gate.admit('a', 'position:report'))();
    (await gate.admit('a', 'position:report'))();
    await expect(gate.admit('a', 'position:report')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
