import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Report } from '@shared/schemas/review';
import { reviewApi } from './api';
import { presetWindow, type ReviewChoice, type WindowPreset } from './reviewWindow';

/** The desk's review (复盘): the window chosen for the report and the replay, and the report last loaded. */
export const useReviewStore = defineStore('review', () => {
  const preset = ref<WindowPreset>('last6h');
  const choice = ref<ReviewChoice>({ ...presetWindow('last6h', Date.now(), { from: '', to: '' }), exercise: false });
  const report = ref<Report | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);

  function choose(next: WindowPreset, now = Date.now()): void {
    preset.value = next;
    choice.value = { ...choice.value, ...presetWindow(next, now, choice.value) };
  }

  /** Loads the report of a window; a later call wins over an earlier one still in flight. */
  let latest = 0;
  async function load(c: ReviewChoice): Promise<void> {
    const call = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const answer = await reviewApi.report(c);
      if (call === latest) report.value = answer;
    } catch (e) {
      if (call === latest) error.value = e;
    } finally {
      if (call === latest) loading.value = false;
    }
  }

  return { preset, choice, report, loading, error, choose, load };
});
