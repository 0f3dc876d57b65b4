import { defineStore } from 'pinia';
import { ref } from 'vue';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'resyncing';

/** What the realtime module reports about the socket; read-only for components. */
export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionState>('offline');
  /** When the current state began (epoch ms), for "offline for 2 min". */
  const since = ref(Date.now());
  const reconnectAttempt = ref(0);
  const lastSyncedAt = ref<number | null>(null);
  const lastSeq = ref<number | null>(null);
  const lastError = ref<string | null>(null);

  function setState(next: ConnectionState): void {
    if (state.value === next) return;
    state.value = next;
    since.value = Date.now();
    if (next === 'online') {
      reconnectAttempt.value = 0;
      lastError.value = null;
    }
  }

  function noteAttempt(attempt: number): void {
    reconnectAttempt.value = attempt;
  }

  function noteSynced(seq: number | null): void {
    lastSyncedAt.value = Date.now();
    lastSeq.value = seq;
  }

  function noteError(message: string): void {
    lastError.value = message;
  }

  function reset(): void {
    state.value = 'offline';
    since.value = Date.now();
    reconnectAttempt.value = 0;
    lastSyncedAt.value = null;
    lastSeq.value = null;
    lastError.value = null;
  }

  return { state, since, reconnectAttempt, lastSyncedAt, lastSeq, lastError, setState, noteAttempt, noteSynced, noteError, reset };
});
