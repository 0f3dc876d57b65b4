import { ref, watch, type Ref } from 'vue';

const KEY = 'tidewatch.basemap';

/** This screen's basemap choice (the desk's own; the wall's is in the wall layout), kept across reloads. */
export function useScreenBasemap(): Ref<string | null> {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  const choice = ref<string | null>(stored || null);
  watch(choice, (id) => {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  });
  return choice;
}
