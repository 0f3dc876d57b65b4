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
