import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { SessionSummary, User, UserCreate } from '@shared/schemas/user';
import { usersApi, type UserPatch } from './usersApi';
import { syncedStore } from '../../shell/realtime/syncedStore';

/** Admin only: user accounts, kept live by user.* events. */
export const useUsersStore = defineStore('users', () => {
  const byId = ref<Record<string, User>>({});
  const list = computed(() => Object.values(byId.value).sort((a, b) => a.username.localeCompare(b.username)));

  const put = (user: User) => {
    byId.value[user.id] = user;
  };

  function reset(users: User[]): void {
    byId.value = Object.fromEntries(users.map((u) => [u.id, u]));
  }

  function applyEvent(event: DomainEvent): void {
    if (event.type === 'user.created' || event.type === 'user.updated') put(event.payload.user);
  }

  async function load(): Promise<void> {
    reset(await usersApi.list());
  }

  async function create(input: UserCreate): Promise<User> {
    const user = await usersApi.create(input);
    put(user);
    return user;
  }

  async function update(id: string, patch: UserPatch): Promise<User> {
    const user = await usersApi.update(id, patch);
    put(user);
    return user;
  }

  const sessions = (userId: string): Promise<SessionSummary[]> => usersApi.sessions(userId);
  const revokeSession = (sessionId: string) => usersApi.revokeSession(sessionId);

  return { byId, list, reset, applyEvent, load, create, update, sessions, revokeSession };
});

/** The events the users store handles and its part of the synchronised state. */
export const usersSync = syncedStore({
  name: 'users',
  events: ['user.created', 'user.updated'],
  apply: (event) => useUsersStore().applyEvent(event),
  fromSnapshot: (snapshot) => useUsersStore().reset(snapshot.users),
  clear: () => useUsersStore().reset([]),
});
