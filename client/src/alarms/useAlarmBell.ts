import { onBeforeUnmount, onMounted } from 'vue';
import { useAlarmsStore } from '../stores/alarms';
import { beep } from './beep';
import { REPEAT_INTERVAL_MS, ringsOnRaise, ringsOnRepeat } from './bellPolicy';

/** Rings when an alarm is raised and every 10 s while a `repeat` alarm is unacknowledged. */
export function useAlarmBell(): void {
  const alarms = useAlarmsStore();
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  onMounted(() => {
    unsubscribe = alarms.onRaised((alarm) => {
      if (ringsOnRaise(alarm)) void beep();
    });
    timer = setInterval(() => {
      if (ringsOnRepeat(alarms.open)) void beep();
    }, REPEAT_INTERVAL_MS);
  });

  onBeforeUnmount(() => {
    unsubscribe?.();
    if (timer) clearInterval(timer);
  });
}
