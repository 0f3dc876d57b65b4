import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** Whether an element can be seen: on screen (not scrolled away, collapsed or zero-sized) and the page shown. */
export function useTileVisibility(el: Ref<HTMLElement | null>): Ref<boolean> {
  const inView = ref(false);
  const pageShown = ref(typeof document === 'undefined' || document.visibilityState !== 'hidden');
  let observer: IntersectionObserver | null = null;
  const onPageVisibility = () => (pageShown.value = document.visibilityState !== 'hidden');

  onMounted(() => {
    document.addEventListener('visibilitychange', onPageVisibility);
    if (!el.value) return;
    observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) inView.value = entry.isIntersecting && entry.intersectionRect.width > 0 && entry.intersectionRect.height > 0;
    });
    observer.observe(el.value);
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onPageVisibility);
    observer?.disconnect();
  });

  return computed(() => inView.value && pageShown.value);
}
