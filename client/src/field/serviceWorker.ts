import { i18n } from '../i18n';

/**
 * The web font comes in many small subsets that the browser fetches per character on screen. Load the
 * ones the field page's own words need while online, so a page opened offline has no missing glyphs.
 */
async function warmFonts(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const text = [...new Set(JSON.stringify(i18n.global.getLocaleMessage('zh-CN')))].join('');
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "Noto Sans SC"`, text).catch(() => [])));
}

const isAsset = (name: string) => name.startsWith(`${location.origin}/assets/`);

/**
 * Registers the service worker that lets the field page open offline from the home screen, and tells it
 * every build asset this page loads (also those loaded before the worker controlled the page, which it
 * never saw), so all of them are cached.
 */
export async function registerServiceWorker(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const tell = (urls: string[]) => urls.length && registration.active?.postMessage({ type: 'cache-assets', urls });
    if (typeof PerformanceObserver !== 'undefined') {
      new PerformanceObserver((list) => tell(list.getEntries().map((e) => e.name).filter(isAsset))).observe({ type: 'resource', buffered: true });
    } else {
      tell(performance.getEntriesByType('resource').map((e) => e.name).filter(isAsset));
    }
    await warmFonts();
  } catch {
    // Not fatal: the page works online without it.
  }
}
