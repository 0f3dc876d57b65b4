import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { Shelter, TownshipEvacuation } from '@shared/schemas/shelter';
import { sheltersApi } from '../api/shelters';

/** Shelters with their occupancy, and townships' own counts of evacuees staying with relatives. */
export const useSheltersStore = defineStore('shelters', () => {
  const byId = ref<Record<string, Shelter>>({});
  const evacuations = ref<Record<string, TownshipEvacuation>>({});

  const list = computed(() => Object.values(byId.value).sort((a, b) => a.township.localeCompare(b.township, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')));
  const townshipEvacuations = computed(() => Object.values(evacuations.value));
  const get = (id: string): Shelter | undefined => byId.value[id];

  function put(shelter: Shelter): void {
    const current = byId.value[shelter.id];
    if (!current || current.updatedAt <= shelter.updatedAt) byId.value[shelter.id] = shelter;
  }

  function reset(shelters: Shelter[], reports: TownshipEvacuation[]): void {
    byId.value = Object.fromEntries(shelters.map((s) => [s.id, s]));
    evacuations.value = Object.fromEntries(reports.map((r) => [r.township, r]));
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'shelter.created':
      case 'shelter.updated':
      case 'shelter.status_changed':
      case 'shelter.occupancy_changed':
        put(event.payload.shelter);
        break;
      case 'supply_run.arrived':
        if (event.payload.shelter) put(event.payload.shelter);
        break;
      case 'evacuation.township_reported':
        evacuations.value[event.payload.report.township] = event.payload.report;
        break;
      default:
        break;
    }
  }

  const setStatus = async (id: string, status: 'open' | 'closed') => put(await sheltersApi.setStatus(id, status));
  const move = async (id: string, kind: 'check_in' | 'check_out', people: number, note = '') => put(await sheltersApi.move(id, kind, people, note));
  async function reportRelatives(township: string, withRelatives: number): Promise<void> {
    const report = await sheltersApi.reportRelatives(township, withRelatives);
    const current = evacuations.value[township];
    if (!current || current.reportedAt <= report.reportedAt) evacuations.value[township] = report;
  }

  return { byId, list, townshipEvacuations, get, reset, applyEvent, setStatus, move, reportRelatives };
});
