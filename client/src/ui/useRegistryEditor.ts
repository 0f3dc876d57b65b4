import { ref, shallowRef } from 'vue';

export interface RegistryEditorOptions<T, I> {
  create(input: I): Promise<T>;
  update(id: string, input: I): Promise<T>;
  errorText(error: unknown): string;
  /** Whether the form stays open on what was saved (a new RTMP camera: its push URL exists only now). */
  keepOpen?(saved: T, wasNew: boolean): boolean;
}

/**
 * The create/edit/delete flow of an admin registry tab (teams, cameras, shelters): which entry the form is
 * open on (`null` closed, `'new'` creating), whether a save is under way, and the last refusal in words.
 */
export function useRegistryEditor<T extends { id: string }, I>(options: RegistryEditorOptions<T, I>) {
  const editing = shallowRef<T | 'new' | null>(null);
  const busy = ref(false);
  const error = ref('');

  function open(target: T | 'new' | null): void {
    error.value = '';
    editing.value = target;
  }

  async function save(input: I): Promise<void> {
    const target = editing.value;
    if (!target) return;
    busy.value = true;
    error.value = '';
    try {
      const saved = target === 'new' ? await options.create(input) : await options.update(target.id, input);
      editing.value = options.keepOpen?.(saved, target === 'new') ? saved : null;
    } catch (e) {
      error.value = options.errorText(e);
    } finally {
      busy.value = false;
    }
  }

  /** Deletes after the user confirmed `question`; a refusal is shown like a failed save. */
  async function remove(question: string, work: () => Promise<unknown>): Promise<void> {
    if (!confirm(question)) return;
    error.value = '';
    try {
      await work();
    } catch (e) {
      error.value = options.errorText(e);
    }
  }

  return { editing, busy, error, open, save, remove };
}
