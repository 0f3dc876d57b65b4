import { defineStore } from 'pinia';
import { ref } from 'vue';
import { DISPLAY_TIME_ZONE } from '@shared/enums';
import { configApi, type ClientConfig } from './api';

/** Defaults until /api/config answers, so the board works even while it is unreachable. */
const DEFAULT_CONFIG: ClientConfig = { staleAfterSeconds: 300, trailMinutes: 30, timeZone: DISPLAY_TIME_ZONE, version: null, builtAt: null, minProtocol: 1, basemaps: [] };

export const useConfigStore = defineStore('config', () => {
  const config = ref<ClientConfig>({ ...DEFAULT_CONFIG });
  const loaded = ref(false);

  async function load(): Promise<void> {
    try {
      config.value = { ...DEFAULT_CONFIG, ...(await configApi.get()) };
      loaded.value = true;
    } catch {
      // keep defaults; the next (re)connect tries again
    }
  }

  return { config, loaded, load };
});
