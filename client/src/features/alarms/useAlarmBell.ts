import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue';
import { useAlarmsStore } from './store';
import { AlarmBell, type BellStage } from './alarmBell';
import { beep } from './beep';

const TICK_MS = 1_000;

/**
 * Rings when an alarm is raised, every 10 s while a `repeat` alarm is unacknowledged, and louder and
 * faster once an SOS has gone unacknowledged for a minute. Returns the stage, for the SOS banner.
 */
export function useAlarmBell(): { stage: Readonly<Ref<BellStage | null>> } {
  const alarms = useAlarmsStore();
  const stage = ref<BellStage | null>(null);
  const rings: Array<{ stage: BellStage; at: number }> = [];
  const bell = new AlarmBell({
    clock: Date.now,
    open: () => alarms.open,
    play: (s) => {
      rings.push({ stage: s, at: Date.now() });
      if (rings.length > 50) rings.shift();
      void beep(s);
    },
  });
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  onMounted(() => {
    unsubscribe = alarms.onRaised((alarm) => bell.raised(alarm));
    stage.value = bell.tick();
    timer = setInterval(() => (stage.value = bell.tick()), TICK_MS);
    window.__tidewatch = { ...window.__tidewatch, alarmBell: () => ({ stage: stage.value, rings: [...rings] }) };
  });

  onBeforeUnmount(() => {
    unsubscribe?.();
    if (timer) clearInterval(timer);
    if (window.__tidewatch) window.__tidewatch = { ...window.__tidewatch, alarmBell: undefined };
  });

  return { stage: readonly(stage) };
}
