import { ref } from 'vue';
import { useFormat } from './useFormat';

/** One action at a time on one item of a list (acknowledge this alarm, resolve that SOS): which item is busy, and the last error. */
export function useItemAction() {
  const { errorText } = useFormat();
  const busy = ref<string | null>(null);
  const error = ref('');

  async function run(itemId: string, action: () => Promise<unknown>): Promise<void> {
    busy.value = itemId;
    error.value = '';
    try {
      await action();
    } catch (e) {
      error.value = errorText(e);
    } finally {
      busy.value = null;
    }
  }

  return { busy, error, run };
}
