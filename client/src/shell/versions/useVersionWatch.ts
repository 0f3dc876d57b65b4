import type { Router } from 'vue-router';
import { useConfigStore } from '../config/store';
import { useOutboxStore } from '../../features/field/outbox/store';
import { onOutdated } from './outdatedSignal';
import { nextReloadRecord, readReloadRecord, writeReloadRecord } from './reloadRecord';
import { formOrInputOpen, outboxHoldsUnsent } from './reloadSafety';
import { RELOAD_NOTICE_MS, decide, isBehind, isCoolingDown, screenKindOf, type Build } from './skew';
import { useVersionStore } from './versionStore';

const CHECK_EVERY_MS = 2_000;
/** Besides every reconnect (a server upgrade restarts it), ask the server which build it serves. */
const POLL_CONFIG_MS = 5 * 60_000;
const UPDATED_NOTICE_MS = 10_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

const OWN_BUILD: Build = { id: __BUILD_ID__, builtAt: __BUILT_AT__ };

/**
 * Compares this bundle's build with the one the server serves, and moves to a newer one at a safe moment (no
 * unsent outbox item, no open form, no half-typed input): a kiosk or tablet by itself, a desk when idle or on
 * the user's click. Never back to an older build or one this tab left, and not by itself again within
 * RELOAD_COOLDOWN_MS of a reload (a rolling upgrade serves two builds at once). Returns a stop function.
 */
export function startVersionWatch(router: Router, ownBuild: Build = OWN_BUILD): () => void {
  // The dev server's bundle is rebuilt on every save and never matches a built one: nothing to compare.
  if (import.meta.env.DEV) return () => {};
  const store = useVersionStore();
  const config = useConfigStore();
  const outbox = useOutboxStore();
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const own = ownBuild.id;
  // Which build this screen runs, for support (and tests): <html data-build="…">.
  document.documentElement.dataset.build = own;

  const last = readReloadRecord();
  if (last && last.to === own && !last.announced) {
    store.notice = 'updated';
    writeReloadRecord({ ...last, announced: true });
    timers.push(setTimeout(() => store.notice === 'updated' && (store.notice = 'none'), UPDATED_NOTICE_MS));
  }

  let lastInput = Date.now();
  const noteInput = () => (lastInput = Date.now());
  for (const type of INPUT_EVENTS) window.addEventListener(type, noteInput, { passive: true, capture: true });

  const serverBuild = (): Build | null => (config.loaded && config.config.version ? { id: config.config.version, builtAt: config.config.builtAt ?? null } : null);
  const onFieldScreen = () => screenKindOf(router.currentRoute.value.name) === 'tablet';
  const safe = () => !outboxHoldsUnsent(outbox, onFieldScreen()) && !formOrInputOpen();
  const behind = () => isBehind({ own: ownBuild, server: serverBuild(), left: readReloadRecord()?.left ?? [], refused: store.refused });

  let reloading = false;
  function reloadSoon(): void {
    reloading = true;
    store.notice = 'reloading';
    timers.push(
      setTimeout(() => {
        reloading = false;
        // Something may have been touched, typed or queued during the notice: then wait again.
        if (!behind() || !safe() || Date.now() - lastInput < RELOAD_NOTICE_MS) return;
        writeReloadRecord(nextReloadRecord(readReloadRecord(), { from: own, to: serverBuild()?.id ?? own, now: Date.now() }));
        window.location.reload();
      }, RELOAD_NOTICE_MS),
    );
  }

  function check(): void {
    if (reloading) return;
    // A new session may have opened the outbox since: its waiting items count.
    const action = decide({
      kind: screenKindOf(router.currentRoute.value.name),
      behind: behind(),
      safe: safe(),
      idleMs: Date.now() - lastInput,
      coolingDown: isCoolingDown(readReloadRecord()?.at ?? null, Date.now()),
    });
    if (action === 'reload') return reloadSoon();
    if (action === 'none') {
      if (store.notice !== 'updated') store.notice = 'none';
      return;
    }
    store.notice = action;
  }

  const checking = setInterval(check, CHECK_EVERY_MS);
  const polling = setInterval(() => void config.load(), POLL_CONFIG_MS);
  const stopOutdated = onOutdated(() => {
    store.refused = true;
    void config.load();
  });

  return () => {
    clearInterval(checking);
    clearInterval(polling);
    timers.forEach(clearTimeout);
    stopOutdated();
    for (const type of INPUT_EVENTS) window.removeEventListener(type, noteInput, { capture: true });
  };
}

/** The user's own reload (the desk's button): no safety check, they chose it. */
export function reloadNow(own: string = __BUILD_ID__): void {
  const config = useConfigStore();
  writeReloadRecord(nextReloadRecord(readReloadRecord(), { from: own, to: config.config.version ?? own, now: Date.now() }));
  window.location.reload();
}
