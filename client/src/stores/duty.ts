import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DutyShift, Handover, OnWatch } from '@shared/schemas/duty';
import type { DomainEvent } from '@shared/schemas/event';
import { dutyApi } from '../api/duty';

/** The shift covering an instant: the latest-starting one if rosters overlap. */
export function shiftAt(shifts: readonly DutyShift[], nowMs: number): DutyShift | null {
  let best: DutyShift | null = null;
  for (const s of shifts) {
    if (Date.parse(s.startsAt) <= nowMs && nowMs < Date.parse(s.endsAt) && (!best || s.startsAt > best.startsAt)) best = s;
  }
  return best;
}

/** The duty roster around now and the latest handovers; `fetched` backs screens whose snapshot has no roster (tablets). */
export const useDutyStore = defineStore('duty', () => {
  const shiftsById = ref<Record<string, DutyShift>>({});
  const handoversById = ref<Record<string, Handover>>({});
  const fetched = ref<OnWatch | null>(null);

  const shifts = computed(() => Object.values(shiftsById.value).sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
  const handovers = computed(() => Object.values(handoversById.value).sort((a, b) => b.writtenAt.localeCompare(a.writtenAt)));

  /** Who is on watch at `nowMs`: from the live roster, else from the last `/api/duty/now` answer. */
  function onWatch(nowMs: number): DutyShift | null {
    const live = shiftAt(shifts.value, nowMs);
    if (live || shifts.value.length) return live;
    const s = fetched.value?.shift;
    return s && Date.parse(s.startsAt) <= nowMs && nowMs < Date.parse(s.endsAt) ? s : null;
  }

  function reset(shiftList: DutyShift[], handoverList: Handover[]): void {
    shiftsById.value = Object.fromEntries(shiftList.map((s) => [s.id, s]));
    handoversById.value = Object.fromEntries(handoverList.map((h) => [h.id, h]));
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'duty.shift_created':
      case 'duty.shift_updated':
        shiftsById.value[event.payload.shift.id] = event.payload.shift;
        break;
      case 'duty.shift_deleted':
        delete shiftsById.value[event.payload.shiftId];
        break;
      case 'duty.handover_written':
      case 'duty.handover_acknowledged':
        handoversById.value[event.payload.handover.id] = event.payload.handover;
        break;
      default:
        break;
    }
  }

  async function refreshNow(): Promise<void> {
    fetched.value = await dutyApi.now();
  }

  return { shiftsById, handoversById, shifts, handovers, fetched, onWatch, reset, applyEvent, refreshNow };
});
