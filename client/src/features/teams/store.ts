import { defineStore } from 'pinia';
import { computed, shallowRef, triggerRef } from 'vue';
import type { TeamStatus } from '@shared/enums';
import type { DomainEvent } from '@shared/schemas/event';
import type { Team, TeamCreate, TeamUpdate } from '@shared/schemas/team';
import { teamsApi } from './api';
import { syncedStore } from '../../shell/realtime/syncedStore';

const collator = new Intl.Collator('zh-CN');

export const useTeamsStore = defineStore('teams', () => {
  // Shallow: thousands of teams must not each become a deep proxy read through reactive getters;
  // a team is replaced whole, never edited in place.
  const byId = shallowRef<Record<string, Team>>({});
  const list = computed(() => Object.values(byId.value).sort((a, b) => collator.compare(a.name, b.name)));

  const get = (id: string): Team | undefined => byId.value[id];

  function upsert(team: Team): void {
    byId.value[team.id] = team;
    triggerRef(byId);
  }

  function remove(id: string): void {
    delete byId.value[id];
    triggerRef(byId);
  }

  function reset(teams: Team[]): void {
    byId.value = Object.fromEntries(teams.map((t) => [t.id, t]));
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'team.created':
      case 'team.updated':
      case 'team.status_changed':
        upsert(event.payload.team);
        break;
      case 'team.deleted':
        remove(event.payload.teamId);
        break;
      default:
        break;
    }
  }

  // Actions answer with the new team; upsert at once so the UI does not wait for the event.
  async function setStatus(id: string, status: TeamStatus): Promise<Team> {
    const team = await teamsApi.setStatus(id, status);
    upsert(team);
    return team;
  }

  async function create(input: TeamCreate): Promise<Team> {
    const team = await teamsApi.create(input);
    upsert(team);
    return team;
  }

  async function update(id: string, patch: TeamUpdate): Promise<Team> {
    const team = await teamsApi.update(id, patch);
    upsert(team);
    return team;
  }

  async function destroy(id: string): Promise<void> {
    await teamsApi.remove(id);
    remove(id);
  }

  return { byId, list, get, reset, applyEvent, setStatus, create, update, destroy };
});

/** The events the teams store handles and its part of the synchronised state. */
export const teamsSync = syncedStore({
  name: 'teams',
  events: ['team.created', 'team.updated', 'team.deleted', 'team.status_changed'],
  apply: (event) => useTeamsStore().applyEvent(event),
  fromSnapshot: (snapshot) => useTeamsStore().reset(snapshot.teams),
  clear: () => useTeamsStore().reset([]),
});
