import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { FieldFix } from '@shared/schemas/position';
import { watchBattery } from '../field/battery';
import { toFieldFix } from '../field/fieldFix';
import { ReportThrottle } from '../field/reportThrottle';
import { request } from '../realtime/channel';

export type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** A stationary phone may not fire watchPosition at all; ask for a fix if nothing went out for this long. */
const KEEPALIVE_MS = 30_000;

/** The field tablet's own position reporting: geolocation → throttle → `position:report`. */
export const useFieldReportStore = defineStore('fieldReport', () => {
  const onDuty = ref(false);
  const lastFix = ref<FieldFix | null>(null);
  const lastSent = ref<FieldFix | null>(null);
  const lastSentAt = ref<number | null>(null);
  const problem = ref<GeoProblem | null>(null);
  const lastError = ref<unknown>(null);

  const throttle = new ReportThrottle();
  let watchId: number | null = null;
  let keepalive: ReturnType<typeof setInterval> | null = null;
  let stopBattery: (() => void) | null = null;
  let battery: number | null = null;

  async function send(fix: FieldFix): Promise<void> {
    if (!throttle.take(fix)) return;
    let accepted = false;
    try {
      accepted = (await request('position:report', fix)).accepted;
      lastError.value = null;
    } catch (e) {
      lastError.value = e;
    }
    throttle.settle(fix, accepted);
    if (accepted) {
      lastSent.value = fix;
      lastSentAt.value = Date.now();
    }
  }

  function onPosition(pos: GeolocationPosition): void {
    problem.value = null;
    const fix = toFieldFix(pos, battery);
    lastFix.value = fix;
    void send(fix);
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
    throttle.reset();
    stopBattery = await watchBattery((level) => (battery = level));
    watchId = navigator.geolocation.watchPosition(onPosition, onError, GEO_OPTIONS);
    keepalive = setInterval(() => {
      const since = lastSentAt.value ?? 0;
      if (Date.now() - since >= KEEPALIVE_MS) navigator.geolocation.getCurrentPosition(onPosition, onError, GEO_OPTIONS);
    }, KEEPALIVE_MS / 3);
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

  return { onDuty, lastFix, lastSent, lastSentAt, problem, lastError, startDuty, stopDuty };
});
