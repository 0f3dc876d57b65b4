/*
 * Tidewatch service worker: lets the field tablet's page open from the home screen without a network.
 * - The app shell (index.html, whatever client route asked for it) is network-first, falling back to the
 *   cached copy after a short wait, so an online tablet always gets the current build.
 * - Hashed build assets (/assets/…) never change: cache-first, stored on first use. The page also tells
 *   the worker which assets it loaded before the worker took control, so those are cached too.
 * - API, socket and ingest traffic is never touched: the page's own outbox deals with being offline.
 */
const SHELL_CACHE = 'tidewatch-shell-v1';
const ASSET_CACHE = 'tidewatch-assets-v1';
const SHELL_KEY = '/__shell';
const STATIC = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png', '/icons/icon.svg'];
const NAVIGATION_TIMEOUT_MS = 3500;
const PASS_THROUGH = /^\/(api|socket\.io|ingest)\/|^\/health$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      const response = await fetch('/field', { cache: 'no-store' });
      if (response.ok) {
        const html = await response.clone().text();
        await shell.put(SHELL_KEY, response);
        await cacheAssets(assetsIn(html));
      }
      await shell.addAll(STATIC).catch(() => {});
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, ASSET_CACHE]);
      for (const key of await caches.keys()) if (!keep.has(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// The page lists the assets it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'cache-assets' && Array.isArray(data.urls)) event.waitUntil(cacheAssets(data.urls));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || PASS_THROUGH.test(url.pathname)) return;
  if (request.mode === 'navigate') return event.respondWith(navigate(request));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(request));
  if (STATIC.includes(url.pathname)) return event.respondWith(staleWhileRevalidate(request));
});

function assetsIn(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

async function cacheAssets(urls) {
  const cache = await caches.open(ASSET_CACHE);
  for (const url of urls) {
    const path = new URL(url, self.location.origin);
    if (path.origin !== self.location.origin || !path.pathname.startsWith('/assets/')) continue;
    if (await cache.match(path.pathname)) continue;
    try {
      const response = await fetch(path.pathname);
      if (response.ok) await cache.put(path.pathname, response);
    } catch {
      // offline: next time
    }
  }
}

async function navigate(request) {
  const shell = await caches.open(SHELL_CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      await shell.put(SHELL_KEY, response.clone());
      void cacheAssets(assetsIn(await response.clone().text()));
    }
    return response;
  });
  const cached = await shell.match(SHELL_KEY);
  if (!cached) return network;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS));
  try {
    return (await Promise.race([network, timeout])) || cached;
  } catch {
    return cached;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request);
  const network = fetch(request)
    .then((response) => {
      if (response.ok) void cache.put(request, response.clone());
      return response;
    })
    .catch(() => hit);
  return hit || network;
}
