import { describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR, type DomainEvent } from '../../shared/schemas/event';
import { EventBus } from './event-bus';
import type { StoredEvent } from './event-log';

const stored = (seq: number): StoredEvent => ({
  event: { seq, at: new Date(0).toISOString(), type: 'team.deleted', actor: SYSTEM_ACTOR, payload: { teamId: `t${seq}` } } as DomainEvent,
  audience: 'board',
});

describe('EventBus', () => {
  it('delivers in seq order when commits publish out of order, and drops repeats', () => {
    const bus = new EventBus(10, async () => [], (e) => { throw e; });
    const seen: number[] = [];
    bus.subscribe(({ event }) => seen.push(event.seq));
    bus.publish(stored(12));
    bus.publish(stored(11));
    bus.publish(stored(11));
    bus.publish(stored(13));
    expect(seen).toEqual([11, 12, 13]);
    bus.close();
  });

  it('reads a persistent hole back from the log', async () => {
    vi.useFakeTimers();
    const readRange = vi.fn(async (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => stored(from + i)));
    const bus = new EventBus(0, readRange, (e) => { throw e; }, 100);
    const seen: number[] = [];
    bus.subscribe(({ event }) => seen.push(event.seq));
    bus.publish(stored(3));
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(readRange).toHaveBeenCalledWith(1, 2);
    expect(seen).toEqual([1, 2, 3]);
    bus.close();
    vi.useRealTimers();
  });

  it('keeps delivering to other listeners when one throws', () => {
    const errors: unknown[] = [];
    const bus = new EventBus(0, async () => [], (e) => errors.push(e));
    const seen: number[] = [];
    bus.subscribe(() => { throw new Error('listener failed'); });
    bus.subscribe(({ event }) => seen.push(event.seq));
    bus.publish(stored(1));
    expect(seen).toEqual([1]);
    expect(errors).toHaveLength(1);
  });

  it('reads events another instance announced from the log at once, each delivered once and in order', async () => {
    const log = Array.from({ length: 6 }, (_, i) => stored(i + 1));
    const readRange = vi.fn(async (from: number, to: number) => log.filter((s) => s.event.seq >= from && s.event.seq <= to));
    const bus = new EventBus(1, readRange, (e) => { throw e; }, 60_000);
    const seen: number[] = [];
    bus.subscribe(({ event }) => seen.push(event.seq));
    bus.announce(3);
    bus.publish(stored(2));
    bus.announce(5);
    bus.announce(1);
    await vi.waitFor(() => expect(seen).toEqual([2, 3, 4, 5]));
    bus.publish(stored(4));
    bus.publish(stored(6));
    expect(seen).toEqual([2, 3, 4, 5, 6]);
    bus.close();
  });
});
