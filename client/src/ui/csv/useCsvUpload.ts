import { ref } from 'vue';
import { useFormat } from '../useFormat';
import { csvProblems, type CsvProblem } from './csvProblems';

/**
 * One CSV file sent for an all-or-nothing import: the chosen file, the answer, and a refusal read either as the
 * file's bad lines or as one error. The file input is cleared after an import so the same file can be sent again.
 */
export function useCsvUpload<Result>(send: (file: File) => Promise<Result>, afterImport: () => Promise<unknown> | void = () => undefined) {
  const { errorText } = useFormat();
  const file = ref<File | null>(null);
  const input = ref<HTMLInputElement | null>(null);
  const busy = ref(false);
  const error = ref('');
  const problems = ref<CsvProblem[]>([]);
  const result = ref<Result | null>(null);

  function reset(): void {
    [error.value, problems.value, result.value] = ['', [], null];
  }

  function pick(event: Event): void {
    file.value = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  async function upload(): Promise<void> {
    if (!file.value) return;
    busy.value = true;
    reset();
    try {
      const answer = await send(file.value);
      result.value = answer;
      file.value = null;
      if (input.value) input.value.value = '';
      await afterImport();
    } catch (e) {
      const lines = csvProblems(e);
      if (lines) problems.value = lines;
      else error.value = errorText(e);
    } finally {
      busy.value = false;
    }
  }

  return { file, input, busy, error, problems, result, pick, upload, reset };
}
