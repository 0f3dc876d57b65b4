import { onScopeDispose, ref, watch, type Ref } from 'vue';
import type { FeedConsumer } from './cameraFeed';
import { EMPTY_STATS, readInboundStats, type FeedStats, type StatsSample } from './feedStats';

const POLL_MS = 2_000;

/** Resolution, frame rate, bitrate and codec of a live consumer, read from its stats every 2 s. */
export function useFeedStats(consumer: Ref<FeedConsumer | null>, live: Ref<boolean>) {
  const stats = ref<FeedStats>(EMPTY_STATS);
  let timer: ReturnType<typeof setInterval> | null = null;
  let sample: StatsSample | null = null;

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    sample = null;
  };

  watch(
    [consumer, live],
    ([current, isLive]) => {
      stop();
      stats.value = EMPTY_STATS;
      if (!current || !isLive) return;
      const poll = async () => {
        try {
          const read = readInboundStats(await current.getStats(), sample);
          if (consumer.value !== current) return;
          sample = read.sample;
          stats.value = read.stats;
        } catch {
          // A consumer closing under us: the next state change restarts polling.
        }
      };
      void poll();
      timer = setInterval(poll, POLL_MS);
    },
    { immediate: true },
  );
  onScopeDispose(stop);

  return stats;
}
