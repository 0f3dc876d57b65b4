import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DutyLogEntry, DutyMember, DutyShift, DutyShiftCreate, Handover, OnWatch } from '@shared/schemas/duty';
import type { DomainEvent } from '@shared/schemas/event';
import { dutyApi, type DutyLogInput, type DutyShiftPatch } from './api';
import { syncedStore } from '../../shell/realtime/syncedStore';

/** The shift covering an instant: the latest-starting one if rosters overlap. */
export function shiftAt(shifts: readonly DutyShift[], nowMs: number): DutyShift | null {
  let best: DutyShift | null = null;
  for (const s of shifts) {
    if (Date.parse(s.startsAt) <= nowMs && nowMs < Date.parse(s.endsAt) && (!best || s.startsAt > best.startsAt)) best = s;
  }
  return best;
}

/**
 * The duty roster, the latest handovers and the duty log; `fetched` backs screens whose snapshot has no
 * roster (tablets). The log is not in the snapshot: the duty desk loads it, and events keep it live.
 */
export const useDutyStore = defineStore('duty', () => {
  const shiftsById = ref<Record<string, DutyShift>>({});
  const handoversById = ref<Record<string, Handover>>({});
  const logById = ref<Record<string, DutyLogEntry>>({});
  const members = ref<DutyMember[]>([]);
  const fetched = ref<OnWatch | null>(null);
  /** Counts snapshot resets: what was loaded over HTTP beside the snapshot is reloaded after one. */
  const resets = ref(0);
  // An HTTP answer may cross a deletion's event; a deleted shift never comes back.
  const deletedShiftIds = new Set<string>();

  const shifts = computed(() => Object.values(shiftsById.value).sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
  const handovers = computed(() => Object.values(handoversById.value).sort((a, b) => b.writtenAt.localeCompare(a.writtenAt)));
  const log = computed(() => Object.values(logById.value).sort((a, b) => b.at.localeCompare(a.at)));

  /** Who is on watch at `nowMs`: from the live roster, else from the last `/api/duty/now` answer. */
  function onWatch(nowMs: number): DutyShift | null {
    const live = shiftAt(shifts.value, nowMs);
    if (live || shifts.value.length) return live;
    const s = fetched.value?.shift;
    return s && Date.parse(s.startsAt) <= nowMs && nowMs < Date.parse(s.endsAt) ? s : null;
  }

  function putShift(shift: DutyShift): void {
    const current = shiftsById.value[shift.id];
    if (!deletedShiftIds.has(shift.id) && (!current || current.updatedAt <= shift.updatedAt)) shiftsById.value[shift.id] = shift;
  }

  function dropShift(id: string): void {
    deletedShiftIds.add(id);
    delete shiftsById.value[id];
  }

  /** A handover changes once, when it is acknowledged: never go back to pending. */
  function putHandover(handover: Handover): void {
    if (!handoversById.value[handover.id]?.acknowledgedAt || handover.acknowledgedAt) handoversById.value[handover.id] = handover;
  }

  function putLogEntry(entry: DutyLogEntry): void {
    logById.value[entry.id] = entry;
  }

  function reset(shiftList: DutyShift[], handoverList: Handover[]): void {
    shiftsById.value = Object.fromEntries(shiftList.map((s) => [s.id, s]));
    handoversById.value = Object.fromEntries(handoverList.map((h) => [h.id, h]));
    resets.value++;
  }

  /** Logout: nothing of the previous session stays (`resets` only counts, it holds nothing). */
  function clear(): void {
    shiftsById.value = {};
    handoversById.value = {};
    logById.value = {};
    members.value = [];
    fetched.value = null;
    deletedShiftIds.clear();
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'duty.shift_created':
      case 'duty.shift_updated':
        putShift(event.payload.shift);
        break;
      case 'duty.shift_deleted':
        dropShift(event.payload.shiftId);
        break;
      case 'duty.handover_written':
      case 'duty.handover_acknowledged':
        putHandover(event.payload.handover);
        break;
      case 'duty.log_added':
        putLogEntry(event.payload.entry);
        break;
      default:
        break;
    }
  }

  async function refreshNow(): Promise<void> {
    fetched.value = await dutyApi.now();
  }

  /** The roster from a day ago to a week ahead (the snapshot carries less). */
  async function loadRoster(): Promise<void> {
    for (const shift of await dutyApi.shifts()) putShift(shift);
  }
  async function loadLog(): Promise<void> {
    for (const entry of await dutyApi.log()) putLogEntry(entry);
  }
  async function loadMembers(): Promise<void> {
    members.value = await dutyApi.members();
  }

  async function createShift(input: DutyShiftCreate): Promise<DutyShift> {
    const shift = await dutyApi.createShift(input);
    putShift(shift);
    return shift;
  }
  async function updateShift(id: string, patch: DutyShiftPatch): Promise<DutyShift> {
    const shift = await dutyApi.updateShift(id, patch);
    putShift(shift);
    return shift;
  }
  async function removeShift(id: string): Promise<void> {
    await dutyApi.removeShift(id);
    dropShift(id);
  }
  async function writeHandover(note: string): Promise<Handover> {
    const handover = await dutyApi.writeHandover(note);
    putHandover(handover);
    return handover;
  }
  async function acknowledgeHandover(id: string): Promise<Handover> {
    const handover = await dutyApi.acknowledgeHandover(id);
    putHandover(handover);
    return handover;
  }
  async function addLogEntry(input: DutyLogInput): Promise<DutyLogEntry> {
    const entry = await dutyApi.addLogEntry(input);
    putLogEntry(entry);
    return entry;
  }

  return {
    shiftsById,
    handoversById,
    shifts,
    handovers,
    log,
    members,
    fetched,
    resets,
    onWatch,
    reset,
    clear,
    applyEvent,
    refreshNow,
    loadRoster,
    loadLog,
    loadMembers,
    createShift,
    updateShift,
    removeShift,
    writeHandover,
    acknowledgeHandover,
    addLogEntry,
  };
});

/** The events the duty store handles and its part of the synchronised state. */
export const dutySync = syncedStore({
  name: 'duty',
  events: ['duty.shift_created', 'duty.shift_updated', 'duty.shift_deleted', 'duty.handover_written', 'duty.handover_acknowledged', 'duty.log_added'],
  apply: (event) => useDutyStore().applyEvent(event),
  fromSnapshot: (snapshot) => useDutyStore().reset(snapshot.dutyShifts, snapshot.handovers),
  clear: () => useDutyStore().clear(),
});
