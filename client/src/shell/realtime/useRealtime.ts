import { computed } from 'vue';
import type { ClientRequestName, RequestOf, ResponseOf } from '@shared/socket';
import { useConfigStore } from '../config/store';
import { useConnectionStore } from '../connectionStore';
import { usePositionsStore } from '../../features/positions/store';
import { useSessionStore } from '../../features/auth/sessionStore';
import { useDispatchesStore } from '../../features/dispatches/store';
import { useGaugesStore } from '../../features/gauges/store';
import { useOutboxStore } from '../../features/field/outbox/store';
import { useVideoStore } from '../../features/video/store';
import { videoSession } from '../../features/video/videoSession';
import { installRequester, request } from './channel';
import { clearSyncedStores, createEventRouter } from './eventRouter';
import { createRealtimeClient, type RealtimeClient, type SessionEndedReason } from './socketClient';
import { SyncSession } from './syncSession';

const HOUSEKEEPING_MS = 30_000;

let client: RealtimeClient | null = null;
let housekeeping: ReturnType<typeof setInterval> | null = null;

/**
 * Opens the one socket of the app for the current session. Called when a token appears;
 * `stopRealtime` when it goes. `onSessionEnded` lets the app route to /login.
 */
export function startRealtime(onSessionEnded: (reason: SessionEndedReason) => void): void {
  if (client) return;
  const session = useSessionStore();
  const connection = useConnectionStore();
  const positions = usePositionsStore();
  const config = useConfigStore();
  const dispatches = useDispatchesStore();
  const video = useVideoStore();
  const gauges = useGaugesStore();
  const media = videoSession();

  // Trails are a board feature (the server refuses them to field users).
  const reloadTrails = () => {
    if (session.isBoard) void positions.loadTrails().catch(() => {});
  };
  const loadConfig = async () => {
    await config.load();
    positions.staleAfterSeconds = config.config.staleAfterSeconds;
  };

  const sync = new SyncSession(createEventRouter({ onTrailWindowGrew: reloadTrails }));
  client = createRealtimeClient({
    token: () => session.token,
    sync,
    connection,
    verifySession: () => session.refreshUser(),
    onSessionEnded: (reason) => {
      stopRealtime();
      session.clear(reason);
      onSessionEnded(reason);
    },
    onDispatchPending: ({ dispatches: pending }) => dispatches.mergePending(pending),
    // The relay frees this page's video peer with the socket: tiles and a tablet's camera start over once synced.
    onDisconnected: () => media.socketLost(),
    onCameraStatus: (status) => video.applyStatus(status),
    onConsumerClosed: (payload) => video.noteConsumerClosed(payload),
    onStationStates: (states) => gauges.applyStates(states),
    onSynced: () => {
      // Every (re)connect asks which build the server serves: an upgrade restarts it (see versions/).
      void loadConfig();
      // Live batches only carry the newest fix; after any gap the trails are refetched.
      reloadTrails();
      // Camera states are pushed, not logged: after any gap the list is fetched again.
      if (session.isBoard) void video.load().catch(() => {});
      // Stations are not in the snapshot and their states are pushed, not logged: fetched again after any gap.
      if (session.isBoard) void gauges.load().catch(() => {});
      media.socketReady();
    },
  });
  installRequester(client.request);
  void loadConfig();
  client.connect();
  housekeeping = setInterval(() => positions.trimAll(), HOUSEKEEPING_MS);

  if (typeof window !== 'undefined') {
    window.__tidewatch = { ...window.__tidewatch, connectionState: () => connection.state };
  }
}

export function stopRealtime(): void {
  if (housekeeping) clearInterval(housekeeping);
  housekeeping = null;
  installRequester(null);
  client?.stop();
  client = null;
  videoSession().close();
}

/** For components that need the connection state and, rarely, a raw typed request. */
export function useRealtime() {
  const connection = useConnectionStore();
  return {
    state: computed(() => connection.state),
    lastSeq: computed(() => connection.lastSeq),
    request: <K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => request(name, payload),
  };
}

/** After logout, nothing of the previous session may remain visible to the next user. */
export function clearSyncedState(): void {
  clearSyncedStores();
  // Unsent items stay in IndexedDB for the same user's next session; nothing is sent meanwhile.
  useOutboxStore().close();
  useConnectionStore().reset();
}
