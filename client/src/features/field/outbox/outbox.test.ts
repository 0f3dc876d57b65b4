import { describe, expect, it } from 'vitest';
import { MemoryBackend, Outbox, type OutboxItem, type SendResult } from './outbox';

/** A fake server that applies each action id once, and a switch to cut the line. */
let harnesses = 0;
function harness(opts: { backend?: MemoryBackend; owner?: string } = {}) {
  const prefix = `h${++harnesses}`;
  const backend = opts.backend ?? new MemoryBackend();
  const applied: string[] = [];
  const seen = new Set<string>();
  const attempts: string[] = [];
  const timers: Array<() => void> = [];
  let online = true;
  /** The answer is lost after the server applied it (ack timeout). */
  let loseNextAck = false;
  let refuse: ((item: OutboxItem) => string | null) | null = null;
  let ids = 0;
  const sent: Array<{ item: OutboxItem; data: unknown }> = [];

  const send = async (item: OutboxItem): Promise<SendResult> => {
    attempts.push(item.id);
    if (!online) return { ok: false, retry: true, code: 'OFFLINE', message: 'offline' };
    const refusal = refuse?.(item);
    if (refusal) return { ok: false, retry: false, code: refusal, message: 'no' };
    if (!seen.has(item.id)) {
      seen.add(item.id);
      applied.push(item.id);
    }
    if (loseNextAck) {
      loseNextAck = false;
      return { ok: false, retry: true, code: 'TIMEOUT', message: 'timeout' };
    }
    return { ok: true, data: { echo: item.id } };
  };

  const outbox = new Outbox({
    backend,
    owner: opts.owner ?? 'u1',
    send,
    newId: () => `${prefix}-${String(++ids).padStart(3, '0')}`,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
    onSent: (item, data) => sent.push({ item, data }),
  });
  return {
    outbox,
    backend,
    applied,
    attempts,
    timers,
    sent,
    setOnline: (v: boolean) => (online = v),
    loseAck: () => (loseNextAck = true),
    refuseWhen: (f: typeof refuse) => (refuse = f),
    /** Let queued microtasks (scheduled flushes) run. */
    settle: async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
  };
}

const step = (dispatchId: string, to: 'accepted' | 'en_route' | 'on_scene' | 'completed') => ({ dispatchId, to, reason: null });
const fix = (t: number, lat = 29.4) => ({ lat, lon: 121.8, t });

describe('Outbox', () => {
  it('stores an action before resolving, with its id as the action id, then sends and removes it', async () => {
    const h = harness();
    h.setOnline(false);
    const item = await h.outbox.enqueue('dispatch:step', step('d1', 'accepted'));
    expect(item.payload).toMatchObject({ actionId: item.id, dispatchId: 'd1', to: 'accepted' });
    expect([...h.backend.rows.keys()]).toEqual([item.id]);
    h.setOnline(true);
    await h.outbox.kick();
    expect(h.applied).toEqual([item.id]);
    expect(h.backend.rows.size).toBe(0);
    expect(h.outbox.pending()).toEqual([]);
    expect(h.sent[0]?.data).toEqual({ echo: item.id });
  });

  it('sends in enqueue order, stops at the first retryable failure and resumes in order', async () => {
    const h = harness();
    h.setOnline(false);
    const a = await h.outbox.enqueue('dispatch:step', step('d1', 'accepted'));
    const b = await h.outbox.enqueue('dispatch:step', step('d1', 'en_route'));
    const c = await h.outbox.enqueue('dispatch:step', step('d1', 'on_scene'));
    await h.settle();
    // Offline: only the head was tried, and it waits with a retry timer.
    expect(new Set(h.attempts)).toEqual(new Set([a.id]));
    expect(h.timers.length).toBeGreaterThan(0);
    expect(h.outbox.pending().map((i) => [i.id, i.attempts])).toEqual([
      [a.id, h.attempts.length],
      [b.id, 0],
      [c.id, 0],
    ]);
    h.setOnline(true);
    h.timers.shift()!();
    await h.settle();
    await h.outbox.flush();
    expect(h.applied).toEqual([a.id, b.id, c.id]);
  });

  it('resends an action whose answer was lost with the same id, and the server applies it once', async () => {
    const h = harness();
    h.loseAck();
    const a = await h.outbox.enqueue('dispatch:received', { dispatchId: 'd1' });
    await h.settle();
    expect(h.outbox.pending().map((i) => [i.id, i.lastError])).toEqual([[a.id, 'TIMEOUT']]);
    await h.outbox.kick();
    expect(h.attempts).toEqual([a.id, a.id]);
    expect(h.applied).toEqual([a.id]);
    expect(h.outbox.pending()).toEqual([]);
  });

  it('marks a refused action failed and moves on; a dismissed failure is gone', async () => {
    const h = harness();
    h.refuseWhen((i) => ((i.payload as { to?: string }).to === 'accepted' ? 'INVALID_TRANSITION' : null));
    h.setOnline(false);
    const a = await h.outbox.enqueue('dispatch:step', step('d1', 'accepted'));
    const b = await h.outbox.enqueue('dispatch:step', step('d2', 'accepted'));
    const c = await h.outbox.enqueue('dispatch:received', { dispatchId: 'd3' });
    h.setOnline(true);
    await h.outbox.kick();
    expect(h.applied).toEqual([c.id]);
    expect(h.outbox.failed().map((i) => [i.id, i.failed?.code])).toEqual([
      [a.id, 'INVALID_TRANSITION'],
      [b.id, 'INVALID_TRANSITION'],
    ]);
    await h.outbox.dismiss(a.id);
    expect(h.outbox.failed().map((i) => i.id)).toEqual([b.id]);
    expect(h.backend.rows.has(a.id)).toBe(false);
  });

  it('dedupes by key while one waits', async () => {
    const h = harness();
    h.setOnline(false);
    const a = await h.outbox.enqueue('dispatch:received', { dispatchId: 'd1' }, { key: 'received:d1' });
    const again = await h.outbox.enqueue('dispatch:received', { dispatchId: 'd1' }, { key: 'received:d1' });
    expect(again.id).toBe(a.id);
    expect(h.outbox.pending()).toHaveLength(1);
  });

  it('sends an urgent SOS before what was waiting', async () => {
    const h = harness();
    h.setOnline(false);
    const a = await h.outbox.enqueue('dispatch:step', step('d1', 'accepted'));
    const p = await h.outbox.enqueuePosition(fix(1_000));
    const sos = await h.outbox.enqueue('field:sos', { position: fix(2_000), note: '' }, { urgent: true });
    expect(h.outbox.pending().map((i) => i.id)).toEqual([sos.id, a.id, p.id]);
    h.setOnline(true);
    await h.outbox.kick();
    expect(h.applied).toEqual([sos.id, a.id, p.id]);
  });

  it('survives a reload: a new outbox on the same store sends what was left, in order, after new items', async () => {
    const backend = new MemoryBackend();
    const first = harness({ backend });
    first.setOnline(false);
    const a = await first.outbox.enqueue('dispatch:step', step('d1', 'accepted'));
    const b = await first.outbox.enqueue('dispatch:step', step('d1', 'en_route'));
    first.outbox.close();

    const second = harness({ backend });
    await second.outbox.open();
    expect(second.outbox.pending().map((i) => i.id)).toEqual([a.id, b.id]);
    const c = await second.outbox.enqueue('dispatch:step', step('d1', 'on_scene'));
    expect(c.order).toBeGreaterThan(b.order);
    await second.outbox.kick();
    expect(second.applied).toEqual([a.id, b.id, c.id]);
  });

  it('never loads another user’s items', async () => {
    const backend = new MemoryBackend();
    const first = harness({ backend, owner: 'u1' });
    first.setOnline(false);
    await first.outbox.enqueue('dispatch:received', { dispatchId: 'd1' });
    first.outbox.close();
    const other = harness({ backend, owner: 'u2' });
    await other.outbox.open();
    expect(other.outbox.pending()).toEqual([]);
  });

  it('thins queued positions to one per 30 s and caps them', async () => {
    const h = harness();
    h.setOnline(false);
    await h.outbox.enqueue('dispatch:step', step('d1', 'accepted')); // holds the queue (it is the head in flight)
    await h.settle();
    await h.outbox.enqueuePosition(fix(0));
    await h.outbox.enqueuePosition(fix(10_000, 29.41));
    await h.outbox.enqueuePosition(fix(29_000, 29.42));
    await h.outbox.enqueuePosition(fix(31_000, 29.43));
    const positions = h.outbox.pending().filter((i) => i.kind === 'position:report');
    expect(positions.map((i) => i.payload)).toEqual([fix(29_000, 29.42), fix(31_000, 29.43)]);

    const capped = new Outbox({ backend: new MemoryBackend(), owner: 'u', send: async () => ({ ok: false, retry: true, code: 'OFFLINE', message: '' }), maxPositions: 3, setTimer: () => 0, clearTimer: () => {} });
    for (let i = 0; i < 6; i++) await capped.enqueuePosition(fix(i * 60_000));
    await h.settle();
    expect(capped.pending().map((i) => (i.payload as { t: number }).t)).toEqual([180_000, 240_000, 300_000]);
  });

  it('picks up items enqueued while a pass is finishing', async () => {
    const h = harness();
    const a = h.outbox.enqueue('dispatch:received', { dispatchId: 'd1' });
    const b = h.outbox.enqueue('dispatch:received', { dispatchId: 'd2' });
    await Promise.all([a, b]);
    await h.settle();
    const c = await h.outbox.enqueue('dispatch:received', { dispatchId: 'd3' });
    await h.settle();
    await h.outbox.flush();
    expect(h.applied).toEqual([(await a).id, (await b).id, c.id]);
  });
});

describe('Outbox: situation reports (灾情上报)', () => {
  it('queues a report with its own action id (so a resend files one incident), keeps it while offline and sends it in order', async () => {
    const sent: OutboxItem[] = [];
    let online = false;
    const outbox = new Outbox({
      backend: new MemoryBackend(),
      owner: 'u1',
      send: async (item) => (online ? (sent.push(item), { ok: true, data: { incidentId: 'i1', code: 'SJ-1' } }) : { ok: false, retry: true, code: 'OFFLINE', message: '' }),
      setTimer: () => 0,
      clearTimer: () => {},
    });
    const step = await outbox.enqueue('dispatch:received', { dispatchId: 'd1' });
    const report = await outbox.enqueue('incident:field_report', { text: '【山洪】桥面过水', position: { lat: 29.4, lon: 121.8 }, photo: { mime: 'image/jpeg', dataBase64: 'AAAA' } });
    expect(report.payload).toEqual({ actionId: report.id, text: '【山洪】桥面过水', position: { lat: 29.4, lon: 121.8 }, photo: { mime: 'image/jpeg', dataBase64: 'AAAA' } });
    expect(step.payload).toMatchObject({ actionId: step.id });
    expect(outbox.pending().map((i) => i.kind)).toEqual(['dispatch:received', 'incident:field_report']);
    online = true;
    await outbox.kick();
    expect(sent.map((i) => i.id)).toEqual([step.id, report.id]);
    expect(outbox.pending()).toEqual([]);
  });
});
