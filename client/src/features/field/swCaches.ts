/** Cache Storage names the service worker and the field page share. */

/** Font subsets, cached on first use; the page also adds those it loaded before the worker controlled it. */
export const FONT_CACHE = 'tidewatch-fonts';

/** The caches of the hand-written worker before Workbox; deleted once the new worker controls the page. */
export const LEGACY_CACHES = ['tidewatch-shell-v1', 'tidewatch-assets-v1'] as const;
