import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Report } from '@shared/schemas/review';
import { reviewApi } from './api';
import { presetWindow, type ResponseStart, type ReviewChoice, type WindowPreset } from './reviewWindow';

/** The desk's review (复盘): the window chosen for the report and the replay, and the report last loaded. */
export const useReviewStore = defineStore('review', () => {
  const preset = ref<WindowPreset>('last6h');
  const choice = ref<ReviewChoice>({ ...presetWindow('last6h', Date.now(), { from: '', to: '' }), exercise: false });
  const report = ref<Report | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);

  /** `response` reviews the given response since its activation, as a drill report when it is a drill. */
  function choose(next: WindowPreset, now = Date.now(), response: ResponseStart | null = null): void {
    preset.value = next;
    const exercise = next === 'response' && response ? response.exercise : choice.value.exercise;
    choice.value = { ...choice.value, ...presetWindow(next, now, choice.value, response), exercise };
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
