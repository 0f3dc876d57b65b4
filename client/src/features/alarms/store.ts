import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Alarm } from '@shared/schemas/alarm';
import type { DomainEvent } from '@shared/schemas/event';
import { alarmsApi } from './api';
import { isOpen } from './bellPolicy';
import { compareAlarms } from './alarmOrder';
import { request } from '../../shell/realtime/channel';
import { useConnectionStore } from '../../shell/connectionStore';
import { syncedStore } from '../../shell/realtime/syncedStore';

type RaisedListener = (alarm: Alarm) => void;

/** Open alarms only (raised or acknowledged); a cleared alarm leaves the store. */
export const useAlarmsStore = defineStore('alarms', () => {
  const byId = ref<Record<string, Alarm>>({});
  const raisedListeners = new Set<RaisedListener>();

  /** SOS first, then critical, warning, info (see compareAlarms). */
  const open = computed(() => Object.values(byId.value).sort(compareAlarms));
  const unacknowledgedCount = computed(() => open.value.filter((a) => a.state === 'raised').length);

  function put(alarm: Alarm): void {
    if (isOpen(alarm)) byId.value[alarm.id] = alarm;
    else delete byId.value[alarm.id];
  }

  function reset(alarms: Alarm[]): void {
    byId.value = Object.fromEntries(alarms.filter(isOpen).map((a) => [a.id, a]));
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'alarm.raised':
        put(event.payload.alarm);
        for (const listener of raisedListeners) listener(event.payload.alarm);
        break;
      case 'alarm.acknowledged':
      case 'alarm.cleared':
        put(event.payload.alarm);
        break;
      default:
        break;
    }
  }

  /** Subscribe to live raises (not snapshot contents); returns the unsubscribe function. */
  function onRaised(listener: RaisedListener): () => void {
    raisedListeners.add(listener);
    return () => raisedListeners.delete(listener);
  }

  async function acknowledge(alarmId: string): Promise<Alarm> {
    const online = useConnectionStore().state === 'online';
    const alarm = online ? await request('alarm:acknowledge', { alarmId }) : await alarmsApi.acknowledge(alarmId);
    put(alarm);
    return alarm;
  }

  return { byId, open, unacknowledgedCount, reset, applyEvent, onRaised, acknowledge };
});

/** The events the alarms store handles and its part of the synchronised state. */
export const alarmsSync = syncedStore({
  name: 'alarms',
  events: ['alarm.raised', 'alarm.acknowledged', 'alarm.cleared'],
  apply: (event) => useAlarmsStore().applyEvent(event),
  fromSnapshot: (snapshot) => useAlarmsStore().reset(snapshot.alarms),
  clear: () => useAlarmsStore().reset([]),
});
