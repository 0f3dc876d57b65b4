import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { useVideoStore } from './store';
import { CameraFeed, type FeedView } from './cameraFeed';
import { videoSession } from './videoSession';

const IDLE: FeedView = { phase: 'waiting', consumer: null, error: null };

/** A tile's feed of `cameraId`, kept in line with the camera's state, the socket and whether the tile is seen. */
export function useCameraFeed(cameraId: Ref<string | null>, visible: Ref<boolean>) {
  const store = useVideoStore();
  const session = videoSession();
  const view = shallowRef<FeedView>(IDLE);
  /** When the feed last went live (epoch ms), for the staleness of its first frame. */
  const liveSince = ref<number | null>(null);
  const online = computed(() => (cameraId.value ? store.statusOf(cameraId.value).state === 'online' : false));
  let feed: CameraFeed | null = null;

  const show = (next: FeedView) => {
    if (next.phase === 'live' && view.value.phase !== 'live') liveSince.value = Date.now();
    if (next.phase !== 'live') liveSince.value = null;
    view.value = next;
  };

  watch(
    cameraId,
    (id) => {
      feed?.dispose();
      feed = null;
      show(IDLE);
      if (!id) return;
      feed = new CameraFeed(id, session, show);
      feed.update({ online: online.value, ready: session.ready.value, visible: visible.value });
    },
    { immediate: true },
  );
  watch([online, session.ready, visible], ([isOnline, ready, seen]) => feed?.update({ online: isOnline, ready, visible: seen }));
  watch(session.generation, () => feed?.sessionReset());
  const stopListening = store.onConsumerClosed(({ consumerId }) => feed?.consumerClosed(consumerId));

  onScopeDispose(() => {
    stopListening();
    feed?.dispose();
    feed = null;
  });

  return { view, liveSince };
}
