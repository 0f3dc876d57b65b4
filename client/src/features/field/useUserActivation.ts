import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import { ACTIVATING_EVENTS, afterGesture, alertsUnlocked, type UserActivationLike } from './userActivation';

/** True once this page load has had a gesture, so the tablet's ring and vibration can reach the team. */
export function useUserActivation(): Ref<boolean> {
  const activation = () => (typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { userActivation?: UserActivationLike }).userActivation);
  const unlocked = ref(alertsUnlocked(activation(), false));
  const onGesture = (event: Event) => {
    for (const type of ACTIVATING_EVENTS) window.removeEventListener(type, onGesture, true);
    afterGesture(window, event, () => (unlocked.value = true));
  };
  onMounted(() => {
    unlocked.value = alertsUnlocked(activation(), unlocked.value);
    if (!unlocked.value) for (const type of ACTIVATING_EVENTS) window.addEventListener(type, onGesture, true);
  });
  onBeforeUnmount(() => {
    for (const type of ACTIVATING_EVENTS) window.removeEventListener(type, onGesture, true);
  });
  return unlocked;
}
