import { ref } from 'vue';
import { isApiError } from '../shell/api/apiError';
import { isRetryable } from '../features/field/outbox/outbox';
import { useFormat } from './useFormat';

/**
 * Runs a desk command with a client action id: after a timeout or network error the next try reuses the
 * id (the server applies it once); after success or a refusal a fresh id is made.
 */
export function useActionRunner() {
  const { errorText } = useFormat();
  const busy = ref(false);
  const error = ref('');
  let actionId = crypto.randomUUID();

  async function run<T>(fn: (actionId: string) => Promise<T>): Promise<T | null> {
    busy.value = true;
    error.value = '';
    try {
      const result = await fn(actionId);
      actionId = crypto.randomUUID();
      return result;
    } catch (e) {
      error.value = errorText(e);
      if (!(isApiError(e) && isRetryable(e.code))) actionId = crypto.randomUUID();
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
