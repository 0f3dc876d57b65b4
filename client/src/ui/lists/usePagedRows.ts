import { computed, nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { pageAt, rowsThatFit } from './pagedList';
import { useNow } from '../useNow';

/** Nobody scrolls a wall: rows that do not fit their box show a page at a time, turning every 8 s on the shared clock. */
const PAGE_PERIOD_MS = 8_000;
const ALL = Number.MAX_SAFE_INTEGER;
/** The page indicator's height, in the list's font size (one line and its margin). */
const PAGE_LINE_EMS = 1.7;
const fontPx = (el: HTMLElement) => parseFloat(getComputedStyle(el).fontSize) || 16;

/**
 * Pages `items` into the list element bound to `box`: as many rows as fit, the rest on later pages. Rows may
 * wrap to different heights, so each measure first lays out every row (before the browser paints) and sizes
 * the pages by the tallest. The list sits in a container of its own (with the page indicator).
 */
export function usePagedRows<T>(items: Ref<readonly T[]>, rowGapPx = 0) {
  const box = ref<HTMLElement | null>(null);
  const pageSize = ref(ALL);
  const now = useNow();
  const shown = computed(() => pageAt(items.value, pageSize.value, now.value, PAGE_PERIOD_MS));

  async function measure(): Promise<void> {
    pageSize.value = ALL;
    await nextTick();
    const el = box.value;
    if (!el) return;
    const rowHeight = Math.max(fontPx(el) * 1.3, ...[...el.children].map((row) => row.getBoundingClientRect().height));
    const all = rowsThatFit(el.clientHeight, rowHeight, rowGapPx);
    // Paged, the list gives up a line to its page indicator (第 n/m 页).
    pageSize.value = all >= items.value.length ? all : rowsThatFit(el.clientHeight - fontPx(el) * PAGE_LINE_EMS, rowHeight, rowGapPx);
  }

  let observer: ResizeObserver | null = null;
  onMounted(() => {
    void measure();
    // The list's container is sized by the layout, not by the rows or the indicator, so measuring cannot loop.
    observer = new ResizeObserver(() => void measure());
    const container = box.value?.parentElement;
    if (container) observer.observe(container);
  });
  onBeforeUnmount(() => observer?.disconnect());
  watch(items, () => void measure());

  return { box, shown };
}
