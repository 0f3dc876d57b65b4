/** The part of `navigator.userActivation` we read (a plain object in tests). */
export interface UserActivationLike {
  hasBeenActive: boolean;
}

/** Gestures that count as user activation for sound and vibration (HTML's activation-triggering events). */
export const ACTIVATING_EVENTS = ['pointerdown', 'keydown', 'touchend', 'mousedown'] as const;

/**
 * Whether the page may ring and vibrate yet. Browsers block both until the page has had a gesture, and a
 * reload starts over, so a tablet that reloaded by itself (an upgrade, a crash) is silent until touched.
 * Without the userActivation API we cannot know, and assume blocked until our own listener sees a gesture.
 */
export function alertsUnlocked(activation: UserActivationLike | undefined, gestureSeen: boolean): boolean {
  return gestureSeen || activation?.hasBeenActive === true;
}

const PRESSES = new Set(['pointerdown', 'mousedown']);
const RELEASES = ['pointerup', 'mouseup', 'pointercancel'] as const;

/**
 * Calls `done` once the gesture that began with `event` is over. A press unlocks at once, but what the unlock
 * changes on screen (the banner going away) must wait for the release and the click it makes: removed at the
 * press, the banner moves the page under the finger and the tap lands on nothing.
 */
export function afterGesture(target: EventTarget, event: Event, done: () => void): void {
  if (!PRESSES.has(event.type)) {
    done();
    return;
  }
  let over = false;
  const released = () => {
    if (over) return;
    over = true;
    for (const type of RELEASES) target.removeEventListener(type, released, true);
    // The click is dispatched in the same task as the release; this runs after it.
    setTimeout(done, 0);
  };
  for (const type of RELEASES) target.addEventListener(type, released, true);
}
