import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

/** Reactive updates are kept to a few per second; the frame count itself is written straight to the element. */
const NOTE_EVERY_MS = 250;

/**
 * Counts the frames a <video> presents (requestVideoFrameCallback) and notes when the last one came.
 * The count is kept on the element as `data-frames`, which browser tests read.
 */
export function useVideoFrames(video: Ref<HTMLVideoElement | null>) {
  const lastFrameAt = ref<number | null>(null);
  let frames = 0;
  let handle: number | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let current: HTMLVideoElement | null = null;

  const note = (el: HTMLVideoElement, count: number) => {
    frames = count;
    el.dataset.frames = String(frames);
    const now = Date.now();
    if (lastFrameAt.value === null || now - lastFrameAt.value >= NOTE_EVERY_MS) lastFrameAt.value = now;
  };

  function watchFrames(el: HTMLVideoElement): void {
    if ('requestVideoFrameCallback' in el) {
      const onFrame = () => {
        note(el, frames + 1);
        handle = el.requestVideoFrameCallback(onFrame);
      };
      handle = el.requestVideoFrameCallback(onFrame);
      return;
    }
    // Browsers without it: the decoder's own count, polled.
    pollTimer = setInterval(() => {
      const total = (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames;
      if (total > frames) note(el, total);
    }, NOTE_EVERY_MS);
  }

  function unwatch(): void {
    if (current && handle !== null && 'cancelVideoFrameCallback' in current) current.cancelVideoFrameCallback(handle);
    if (pollTimer) clearInterval(pollTimer);
    handle = null;
    pollTimer = null;
  }

  watch(
    video,
    (el) => {
      unwatch();
      current = el;
      if (el) {
        el.dataset.frames = String(frames);
        watchFrames(el);
      }
    },
    { immediate: true },
  );
  onBeforeUnmount(unwatch);

  return { lastFrameAt };
}
