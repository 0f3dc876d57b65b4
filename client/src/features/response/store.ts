import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { Plan } from '@shared/schemas/response-plan';
import type { EvacuationTarget, EvacuationVillage, LevelRule, LevelSuggestion, Response, ResponseBanner, ResponseTask } from '@shared/schemas/response';
import { syncedStore } from '../../shell/realtime/syncedStore';
import { responseApi } from './api';
import { orderBanners } from './responseModel';

type TargetRow = EvacuationTarget & { responseId: string };
type VillageRow = EvacuationVillage & { responseId: string };

/**
 * Responses the board follows (active ones and those ended within a day) with their tasks and evacuation
 * rows; a field tablet, which gets none of these, polls the banner instead. Plans and the suggestion are
 * loaded on demand.
 */
export const useResponseStore = defineStore('response', () => {
  const byId = ref<Record<string, Response>>({});
  const tasksById = ref<Record<string, ResponseTask>>({});
  const targets = ref<Record<string, TargetRow>>({});
  const villages = ref<Record<string, VillageRow>>({});
  /** What a screen without the synchronised lists (a field tablet) last fetched. */
  const polled = ref<ResponseBanner[]>([]);
  const plans = ref<Plan[]>([]);
  const suggestion = ref<{ suggestion: LevelSuggestion; rules: LevelRule[] } | null>(null);

  const list = computed(() => Object.values(byId.value).sort((a, b) => a.startedAt.localeCompare(b.startedAt)));
  const active = computed(() => list.value.filter((r) => r.state === 'active'));
  const banners = computed<ResponseBanner[]>(() => orderBanners(active.value.length > 0 ? active.value : polled.value));
  const tasksOf = (responseId: string): ResponseTask[] => Object.values(tasksById.value).filter((t) => t.responseId === responseId);
  const targetsOf = (responseId: string): EvacuationTarget[] =>
    Object.values(targets.value)
      .filter((t) => t.responseId === responseId)
      .sort((a, b) => a.township.localeCompare(b.township, 'zh-CN'));

  const villagesOf = (responseId: string): EvacuationVillage[] => Object.values(villages.value).filter((v) => v.responseId === responseId);

  const putTasks = (tasks: ResponseTask[]) => {
    for (const task of tasks) tasksById.value[task.id] = task;
  };
  const putTarget = (responseId: string, target: EvacuationTarget) => (targets.value[`${responseId}|${target.township}`] = { ...target, responseId });
  const putVillage = (responseId: string, village: EvacuationVillage) => (villages.value[`${responseId}|${village.township}|${village.village}`] = { ...village, responseId });

  async function loadBanners(): Promise<void> {
    polled.value = await responseApi.banner();
  }

  async function loadPlans(): Promise<void> {
    plans.value = await responseApi.plans();
  }

  async function loadSuggestion(): Promise<void> {
    suggestion.value = await responseApi.suggestion();
  }

  function reset(responses: Response[], tasks: ResponseTask[], rows: TargetRow[], villageRows: VillageRow[] = []): void {
    byId.value = Object.fromEntries(responses.map((r) => [r.id, r]));
    tasksById.value = Object.fromEntries(tasks.map((t) => [t.id, t]));
    targets.value = Object.fromEntries(rows.map((r) => [`${r.responseId}|${r.township}`, r]));
    villages.value = Object.fromEntries(villageRows.map((v) => [`${v.responseId}|${v.township}|${v.village}`, v]));
  }

  function clear(): void {
    reset([], [], []);
    polled.value = [];
    plans.value = [];
    suggestion.value = null;
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'response.started':
      case 'response.raised':
      case 'response.lowered':
      case 'response.ended':
        byId.value[event.payload.response.id] = event.payload.response;
        break;
      case 'response.tasks_added':
      case 'response.tasks_changed':
        putTasks(event.payload.tasks);
        break;
      case 'response.evacuation_set':
        putTarget(event.payload.responseId, event.payload.target);
        break;
      case 'response.evacuation_village_set':
        putVillage(event.payload.responseId, event.payload.village);
        break;
      case 'response.plan_saved':
        plans.value = plans.value.map((p) => (p.hazard === event.payload.plan.hazard && p.level === event.payload.plan.level ? event.payload.plan : p));
        break;
      case 'response.level_rules_changed':
        if (suggestion.value) void loadSuggestion();
        break;
      default:
        break;
    }
  }

  return { byId, list, active, banners, polled, plans, suggestion, tasksOf, targetsOf, villagesOf, putTasks, putVillage, loadBanners, loadPlans, loadSuggestion, reset, clear, applyEvent };
});

/** The events the response store handles and its part of the synchronised state. */
export const responseSync = syncedStore({
  name: 'response',
  events: ['response.started', 'response.raised', 'response.lowered', 'response.ended', 'response.tasks_added', 'response.tasks_changed', 'response.evacuation_set', 'response.evacuation_village_set', 'response.plan_saved', 'response.level_rules_changed'],
  apply: (event) => useResponseStore().applyEvent(event),
  fromSnapshot: (snapshot) => useResponseStore().reset(snapshot.responses, snapshot.responseTasks, snapshot.evacuationTargets, snapshot.evacuationVillages),
  clear: () => useResponseStore().clear(),
});
