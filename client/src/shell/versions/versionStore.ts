import { defineStore } from 'pinia';
import { ref } from 'vue';

/** What the update notice shows: `offer`/`wait`/`reloading` before a reload, `updated` after one. */
export type NoticeState = 'none' | 'offer' | 'wait' | 'reloading' | 'updated';

export const useVersionStore = defineStore('version', () => {
  const notice = ref<NoticeState>('none');
  /** The server refused a request of this client as too old. */
  const refused = ref(false);
  return { notice, refused };
});
