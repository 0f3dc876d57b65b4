import { describe, expect, it } from 'vitest';
import { isRetryable, MemoryBackend, Outbox, type OutboxItem, type SendResult } from './outbox';

/** A server that takes `allowance` reports, then answers WRITE_THROTTLED with when to retry. */
function throttledServer(allowance: number, retryAfterMs: number) {
  const filed: string[] = [];
  let left = allowance;
  const send = async (item: OutboxItem): Promise<SendResult> => {
    if (left <= 0) return { ok: false, retry: isRetryable('WRITE_THROTTLED'), code: 'WRITE_THROTTLED', message: 'throttled', retryAfterMs };
    left -= 1;
    filed.push(item.id);
    return { ok: true, data: null };
  };
  return { filed, send, refill: (n: number) => (left += n) };
}

const report = (n: number) => ({ text: `积水 ${n}`, position: null });

describe('Outbox against a throttled server', () => {
  it('backs off for as long as the server said, even when kicked, then files the rest in order; nothing is lost or failed', async () => {
    const server = throttledServer(2, 6_000);
    const timers: Array<{ fn: () => void; ms: number }> = [];
    let ids = 0;
    const outbox = new Outbox({
      backend: new MemoryBackend(),
      owner: 'u1',
      send: server.send,
      newId: () => `r${++ids}`,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
      retryDelay: () => 1_000,
    });
    for (let n = 1; n <= 5; n += 1) await outbox.enqueue('incident:field_report', report(n));
    await outbox.flush();
    expect(server.filed).toEqual(['r1', 'r2']);
    expect(outbox.pending().map((i) => [i.id, i.lastError])).toEqual([['r3', 'WRITE_THROTTLED'], ['r4', null], ['r5', null]]);
    expect(outbox.failed()).toEqual([]);
    expect(timers.at(-1)?.ms).toBe(6_000);

    const attemptsBefore = outbox.pending()[0]?.attempts;
    await outbox.kick();
    expect(outbox.pending()[0]?.attempts).toBe((attemptsBefore ?? 0) + 1);
    expect(server.filed).toHaveLength(2);

    server.refill(10);
    timers.at(-1)?.fn();
    await outbox.flush();
    expect(server.filed).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(outbox.pending()).toEqual([]);
  });
});
