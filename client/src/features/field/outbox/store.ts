import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { RequestOf } from '@shared/socket';
import { isApiError } from '../../../shell/api/apiError';
import { IdbBackend } from './idbBackend';
import { MemoryBackend, Outbox, isRetryable, type OutboxBackend, type OutboxItem, type OutboxKind, type SendResult } from './outbox';
import { backoffDelay } from '@shared/backoff';
import { request } from '../../../shell/realtime/channel';
import { useConnectionStore } from '../../../shell/connectionStore';

type SentListener = (item: OutboxItem, data: unknown) => void;

/** The server's "try again in" of a WRITE_THROTTLED answer. */
const retryAfterOf = (details: unknown): number | undefined => {
  const value = typeof details === 'object' && details !== null && 'retryAfterMs' in details ? details.retryAfterMs : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, 10 * 60_000) : undefined;
};

/** Sends one item over the socket; an error code decides whether it is retried or refused for good. */
async function sendItem(item: OutboxItem): Promise<SendResult> {
  try {
    const data = await request(item.kind, item.payload as RequestOf<typeof item.kind>);
    return { ok: true, data };
  } catch (e) {
    const code = isApiError(e) ? e.code : 'INTERNAL';
    const message = e instanceof Error ? e.message : String(e);
    const retryAfterMs = isApiError(e) ? retryAfterOf(e.details) : undefined;
    return { ok: false, retry: isRetryable(code), code, message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
}

/** The tablet's queue of unsent actions and positions (IndexedDB), mirrored for the page. */
export const useOutboxStore = defineStore('outbox', () => {
  const pending = shallowRef<OutboxItem[]>([]);
  const failed = shallowRef<OutboxItem[]>([]);
  /** False when IndexedDB is unavailable: the queue then lives only as long as the page. */
  const durable = ref(true);
  const ready = ref(false);
  const listeners = new Set<SentListener>();
  let outbox: Outbox | null = null;
  let owner: string | null = null;
  let opening: Promise<Outbox> | null = null;

  /** What the page lists as "not yet sent": actions first-class, positions counted. */
  const unsentActions = computed(() => pending.value.filter((i) => i.kind !== 'position:report'));
  const unsentPositions = computed(() => pending.value.length - unsentActions.value.length);

  async function openBackend(): Promise<OutboxBackend> {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
      const backend = await IdbBackend.open();
      durable.value = true;
      return backend;
    } catch {
      durable.value = false;
      return new MemoryBackend();
    }
  }

  /** Opens the queue of a user (what a previous page left is sent first). */
  function open(userId: string): Promise<Outbox> {
    if (owner === userId && opening) return opening;
    close();
    owner = userId;
    opening = (async () => {
      const box = new Outbox({
        backend: await openBackend(),
        owner: userId,
        send: sendItem,
        retryDelay: (n) => backoffDelay(n),
        onChange: (p, f) => {
          pending.value = p;
          failed.value = f;
        },
        onSent: (item, data) => listeners.forEach((l) => l(item, data)),
      });
      await box.open();
      outbox = box;
      ready.value = true;
      if (useConnectionStore().state === 'online') void box.kick();
      return box;
    })();
    return opening;
  }

  function close(): void {
    outbox?.close();
    outbox = null;
    opening = null;
    owner = null;
    ready.value = false;
    pending.value = [];
    failed.value = [];
  }

  async function box(): Promise<Outbox> {
    if (!opening) throw new Error('outbox not open');
    return opening;
  }

  async function enqueue<K extends Exclude<OutboxKind, 'position:report'>>(kind: K, payload: Omit<RequestOf<K>, 'actionId'>, opts: { key?: string; urgent?: boolean } = {}) {
    return (await box()).enqueue(kind, payload, opts);
  }

  async function enqueuePosition(fix: RequestOf<'position:report'>) {
    return (await box()).enqueuePosition(fix);
  }

  const dismiss = async (id: string) => (await box()).dismiss(id);

  function onSent(listener: SentListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  // Back online (and in sync): send what waited, at once.
  watch(
    () => useConnectionStore().state,
    (state) => {
      if (state === 'online') void outbox?.kick();
    },
  );

  return { pending, failed, durable, ready, unsentActions, unsentPositions, open, close, enqueue, enqueuePosition, dismiss, onSent };
});
