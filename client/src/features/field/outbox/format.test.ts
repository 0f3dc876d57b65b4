import { describe, expect, it } from 'vitest';
import { CLIENT_REQUESTS } from '@shared/socket';
import { OUTBOX_FORMAT, upgradeStoredItem } from './format';
import { legacyOutboxItems } from './legacyFixtures';
import { MemoryBackend, Outbox, isRetryable, type OutboxItem, type SendResult } from './outbox';

const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const ids = { received: uuid(1), accepted: uuid(2), enRoute: uuid(3), sos: uuid(4), position: uuid(5) };
const inSendOrder = [ids.sos, ids.received, ids.accepted, ids.position, ids.enRoute];
const legacy = () => legacyOutboxItems({ owner: 'u1', dispatchId: 'd1', t: 1_700_000_000_000, ids });

function outboxOn(backend: MemoryBackend, applied: string[]) {
  const seen = new Set<string>();
  const send = async (item: OutboxItem): Promise<SendResult> => {
    // The server validates with the shared schemas: what an older client stored must still pass.
    const parsed = CLIENT_REQUESTS[item.kind].request.safeParse(item.payload);
    if (!parsed.success) return { ok: false, retry: false, code: 'VALIDATION_FAILED', message: parsed.error.message };
    if (!seen.has(item.id)) {
      seen.add(item.id);
      applied.push(item.id);
    }
    return { ok: true, data: null };
  };
  return new Outbox({ backend, owner: 'u1', send, setTimer: () => 0, clearTimer: () => {} });
}

describe('stored outbox format', () => {
  it('sends what a tablet queued before the upgrade (items without a format): SOS first, then in order, each once', async () => {
    const backend = new MemoryBackend();
    for (const item of legacy()) backend.rows.set(item.id as string, item);
    const applied: string[] = [];
    const outbox = outboxOn(backend, applied);
    await outbox.open();
    expect(outbox.pending().map((i) => i.id)).toEqual(inSendOrder);
    // Upgraded in the store too, so a reload before sending reads the current format.
    expect([...backend.rows.values()].map((r) => r.format)).toEqual(Array(5).fill(OUTBOX_FORMAT));
    await outbox.kick();
    expect(applied).toEqual(inSendOrder);
    expect(outbox.failed()).toEqual([]);
    expect(backend.rows.size).toBe(0);
  });

  it('keeps items of a newer client stored and unsent, and skips what is not an outbox item', async () => {
    const backend = new MemoryBackend();
    const [received] = legacy();
    backend.rows.set('newer', { ...received, id: 'newer', format: OUTBOX_FORMAT + 1 });
    backend.rows.set('junk', { id: 'junk', owner: 'u1', format: OUTBOX_FORMAT, kind: 'dispatch:delete_everything', payload: {}, order: 9 });
    const applied: string[] = [];
    const outbox = outboxOn(backend, applied);
    await outbox.open();
    await outbox.kick();
    expect(applied).toEqual([]);
    expect([...backend.rows.keys()].sort()).toEqual(['junk', 'newer']);
  });

  it('writes new items in the current format, after the loaded ones', async () => {
    const backend = new MemoryBackend();
    for (const item of legacy()) backend.rows.set(item.id as string, item);
    const outbox = outboxOn(backend, []);
    await outbox.open();
    outbox.close();
    const fresh = outboxOn(backend, []);
    await fresh.open();
    const item = await fresh.enqueue('dispatch:step', { dispatchId: 'd1', to: 'on_scene', reason: null });
    expect(item).toMatchObject({ format: OUTBOX_FORMAT, order: 6 });
  });

  it.each([null, 'x', { format: 0 }, { format: '2' }])('reads %j as unreadable', (stored) => {
    expect(upgradeStoredItem(stored)).toEqual({ skip: 'unreadable' });
  });

  it('keeps an item the server refused as from a too-old client waiting (the reloaded client sends it), never failed', async () => {
    const backend = new MemoryBackend();
    let outdated = true;
    const applied: string[] = [];
    const outbox = new Outbox({
      backend,
      owner: 'u1',
      send: async (item) => (outdated ? { ok: false, retry: isRetryable('CLIENT_OUTDATED'), code: 'CLIENT_OUTDATED', message: 'reload' } : (applied.push(item.id), { ok: true, data: null })),
      setTimer: () => 0,
      clearTimer: () => {},
    });
    const sos = await outbox.enqueue('field:sos', { position: { lat: 29.4, lon: 121.8, t: 1 }, note: '' }, { urgent: true });
    await outbox.kick();
    expect(outbox.failed()).toEqual([]);
    expect(outbox.pending().map((i) => i.id)).toEqual([sos.id]);
    outdated = false;
    await outbox.kick();
    expect(applied).toEqual([sos.id]);
  });
});
