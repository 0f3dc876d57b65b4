import { beep } from '../alarms/beep';

const RING_EVERY_MS = 2_500;
const PATTERN = [600, 200, 600];

let timer: ReturnType<typeof setInterval> | null = null;

function ringOnce(): void {
  void beep();
  // Vibration needs a user gesture on the page first (Chromium); elsewhere it is simply absent.
  if (typeof navigator !== 'undefined' && 'vibrate' in navigator) navigator.vibrate(PATTERN);
}

/** Sound (WebAudio) and vibration, repeated until `stopRinging`; the new-dispatch alert on the tablet. */
export function startRinging(): void {
  if (timer) return;
  ringOnce();
  timer = setInterval(ringOnce, RING_EVERY_MS);
}

export function stopRinging(): void {
  if (timer) clearInterval(timer);
  timer = null;
  if (typeof navigator !== 'undefined' && 'vibrate' in navigator) navigator.vibrate(0);
}

export const isRinging = (): boolean => timer !== null;
