// Build-time parts of the client that are not the app itself: its build id and its service worker.
import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { FONT_CACHE } from '../client/src/features/field/swCaches';
import { BUILD_INFO_FILE, type BuildInfo } from '../shared/protocol';

/**
 * One id per client build (package version, build time, a random tail), unless TIDEWATCH_BUILD_ID names
 * one, and the time of the build (TIDEWATCH_BUILT_AT, an ISO time, for a reproducible build). The bundle
 * carries both as `__BUILD_ID__` and `__BUILT_AT__`; `build.json` beside index.html carries the same for the
 * server, which reports whatever build it is serving now. The time orders builds: during a rolling upgrade a
 * screen moves to a later build, never back to an earlier one.
 */
export function buildInfo(version: string, env: NodeJS.ProcessEnv = process.env, now = new Date()): Required<BuildInfo> {
  const builtAt = env.TIDEWATCH_BUILT_AT ? new Date(env.TIDEWATCH_BUILT_AT).toISOString() : now.toISOString();
  if (env.TIDEWATCH_BUILD_ID) return { buildId: env.TIDEWATCH_BUILD_ID, builtAt };
  const stamp = builtAt.replace(/[-:]/g, '').replace(/\..*$/, '');
  return { buildId: `${version}-${stamp}-${randomBytes(3).toString('hex')}`, builtAt };
}

export function buildInfoFile(info: BuildInfo): Plugin {
  return {
    name: 'tidewatch-build-info',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUILD_INFO_FILE, source: `${JSON.stringify(info)}\n` });
    },
  };
}

/**
 * The service worker (Workbox, generated): lets the field tablet's page open without a network.
 * - The build (scripts, styles, icons, index.html) is precached on install; a new build's worker replaces
 *   the old one at once and prunes the old precache.
 * - Navigations are network-first, falling back to the precached shell after a short wait, so an online
 *   tablet always gets the current build and an offline one still opens.
 * - Font subsets (many small files, fetched per character on screen) are cached on first use; the field
 *   page also puts the ones it loaded before the worker took control in that cache (see serviceWorker.ts).
 */
export function serviceWorker(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'autoUpdate',
    injectRegister: false,
    manifest: false,
    filename: 'sw.js',
    workbox: {
      globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      skipWaiting: true,
      clientsClaim: true,
      // Only navigations may get the shell, and only network-first (below): never answer "/" from the precache.
      directoryIndex: null,
      navigateFallback: null,
      runtimeCaching: [
        // API, socket and ingest traffic is never touched: the page's own outbox deals with being offline.
        // Nor are the warnings' personal answer pages (/w/…) and the public CAP feed (/cap/…): never cached.
        {
          urlPattern: ({ request, url }) => request.mode === 'navigate' && !/^\/(api|socket\.io|ingest|w|cap)\/|^\/health$/.test(url.pathname),
          handler: 'NetworkFirst',
          options: { cacheName: 'tidewatch-pages', networkTimeoutSeconds: 3.5, precacheFallback: { fallbackURL: 'index.html' } },
        },
        {
          urlPattern: ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/') && url.pathname.endsWith('.woff2'),
          handler: 'CacheFirst',
          options: { cacheName: FONT_CACHE, cacheableResponse: { statuses: [200] } },
        },
      ],
    },
  });
}
