import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { FieldFix } from '@shared/schemas/position';
import { watchBattery } from './battery';
import { toFieldFix } from './fieldFix';
import { shouldReport, type SentFix } from './reportThrottle';
import { useOutboxStore } from './outbox/store';

export type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** A stationary phone may not fire watchPosition at all; ask for a fix if nothing went out for this long. */
const KEEPALIVE_MS = 30_000;

/**
 * The field tablet's own position reporting: geolocation → throttle → outbox → `position:report`.
 * Positions wait in the outbox (IndexedDB) while the connection is down and go out in order after it.
 */
export const useFieldReportStore = defineStore('fieldReport', () => {
  const onDuty = ref(false);
  const lastFix = ref<FieldFix | null>(null);
  const lastSent = ref<FieldFix | null>(null);
  const lastSentAt = ref<number | null>(null);
  const problem = ref<GeoProblem | null>(null);
  const lastError = ref<unknown>(null);

  const outbox = useOutboxStore();
  let lastQueued: SentFix | null = null;
  let lastQueuedAt = 0;
  let watchId: number | null = null;
  let keepalive: ReturnType<typeof setInterval> | null = null;
  let stopBattery: (() => void) | null = null;
  let battery: number | null = null;

  function queue(fix: FieldFix): void {
    if (!shouldReport(lastQueued, fix)) return;
    lastQueued = { lat: fix.lat, lon: fix.lon, t: fix.t };
    lastQueuedAt = Date.now();
    outbox.enqueuePosition(fix).then(
      () => (lastError.value = null),
      (e: unknown) => (lastError.value = e),
    );
  }

  outbox.onSent((item) => {
    if (item.kind !== 'position:report') return;
    lastSent.value = item.payload as FieldFix;
    lastSentAt.value = Date.now();
  });

  function onPosition(pos: GeolocationPosition): void {
    problem.value = null;
    const fix = toFieldFix(pos, battery);
    lastFix.value = fix;
    if (onDuty.value) queue(fix);
  }

  function onError(err: GeolocationPositionError): void {
    problem.value = err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable';
  }

  const GEO_OPTIONS: PositionOptions = { enableHighAccuracy: true, maximumAge: 0, timeout: 20_000 };

  async function startDuty(): Promise<void> {
    if (onDuty.value) return;
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      problem.value = 'unsupported';
      return;
    }
    onDuty.value = true;
    problem.value = null;
    lastQueued = null;
    stopBattery = await watchBattery((level) => (battery = level));
    watchId = navigator.geolocation.watchPosition(onPosition, onError, GEO_OPTIONS);
    keepalive = setInterval(() => {
      if (Date.now() - lastQueuedAt >= KEEPALIVE_MS) navigator.geolocation.getCurrentPosition(onPosition, onError, GEO_OPTIONS);
    }, KEEPALIVE_MS / 3);
  }

  /** A position for an SOS: a fresh fix if one comes within `timeoutMs`, else the last one, else null. */
  function fixNow(timeoutMs = 8_000): Promise<FieldFix | null> {
    const last = lastFix.value;
    if (last && Date.now() - last.t < 30_000) return Promise.resolve(last);
    if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(last);
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          const fix = toFieldFix(pos, battery);
          lastFix.value = fix;
          resolve(fix);
        },
        () => resolve(last),
        { enableHighAccuracy: true, maximumAge: 30_000, timeout: timeoutMs },
      );
    });
  }

  function stopDuty(): void {
    onDuty.value = false;
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    watchId = null;
    if (keepalive) clearInterval(keepalive);
    keepalive = null;
    stopBattery?.();
    stopBattery = null;
  }

  return { onDuty, lastFix, lastSent, lastSentAt, problem, lastError, startDuty, stopDuty, fixNow };
});
