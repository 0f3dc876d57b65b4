import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { STAFF_ROLES, BOARD_ROLES, type Role } from '@shared/enums';
import type { SessionInfo, User } from '@shared/schemas/user';
import { authApi } from './api';
import { configureHttp } from '../../shell/api/http';
import { homePathFor } from '../../shell/router/access';

export const SESSION_STORAGE_KEY = 'tidewatch.session';

export type SessionEndReason = 'revoked' | 'expired' | 'disabled' | 'logout' | 'unauthenticated';

interface StoredSession {
  token: string;
  expiresAt: string | null;
  user: User | null;
}

const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

/** Accepts the JSON we write and, for robustness, a bare token string. */
function readStoredSession(): StoredSession | null {
  const raw = storage()?.getItem(SESSION_STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredSession> | string;
    if (typeof parsed === 'string') return { token: parsed, expiresAt: null, user: null };
    if (parsed && typeof parsed.token === 'string') {
      return { token: parsed.token, expiresAt: parsed.expiresAt ?? null, user: parsed.user ?? null };
    }
  } catch {
    return { token: raw, expiresAt: null, user: null };
  }
  return null;
}

export const useSessionStore = defineStore('session', () => {
  const stored = readStoredSession();
  const expired = stored?.expiresAt != null && Date.parse(stored.expiresAt) <= Date.now();
  const token = ref<string | null>(expired ? null : (stored?.token ?? null));
  const expiresAt = ref<string | null>(expired ? null : (stored?.expiresAt ?? null));
  const user = ref<User | null>(expired ? null : (stored?.user ?? null));
  /** Why the last session ended, shown once on the login page. */
  const endReason = ref<SessionEndReason | null>(expired ? 'expired' : null);
  if (expired) storage()?.removeItem(SESSION_STORAGE_KEY);

  const role = computed<Role | null>(() => user.value?.role ?? null);
  const isLoggedIn = computed(() => token.value !== null);
  const isAdmin = computed(() => role.value === 'admin');
  const isStaff = computed(() => role.value !== null && (STAFF_ROLES as readonly Role[]).includes(role.value));
  const isBoard = computed(() => role.value !== null && (BOARD_ROLES as readonly Role[]).includes(role.value));
  const isField = computed(() => role.value === 'field');
  const isWall = computed(() => role.value === 'wall');
  const homePath = computed(() => homePathFor(role.value));

  function persist(): void {
    if (!token.value) return storage()?.removeItem(SESSION_STORAGE_KEY);
    const value: StoredSession = { token: token.value, expiresAt: expiresAt.value, user: user.value };
    storage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify(value));
  }

  function adopt(info: SessionInfo): void {
    token.value = info.token;
    expiresAt.value = info.expiresAt;
    user.value = info.user;
    endReason.value = null;
    persist();
  }

  async function login(username: string, password: string): Promise<User> {
    const info = await authApi.login(username, password);
    adopt(info);
    return info.user;
  }

  /** Drops the session locally, e.g. after `session:ended` or a 401. */
  function clear(reason: SessionEndReason | null = null): void {
    if (!token.value && !user.value) return;
    token.value = null;
    expiresAt.value = null;
    user.value = null;
    endReason.value = reason;
    persist();
  }

  async function logout(): Promise<void> {
    try {
      if (token.value) await authApi.logout();
    } catch {
      // The local session is dropped whatever the server says.
    }
    clear('logout');
  }

  /** Makes sure `user` is known (a restored bare token has none yet). */
  async function ensureUser(): Promise<User | null> {
    if (!token.value) return null;
    if (user.value) return user.value;
    user.value = await authApi.me();
    persist();
    return user.value;
  }

  /** Refreshes the cached user (role or team may have changed); keeps the cache if offline. */
  async function refreshUser(): Promise<void> {
    if (!token.value) return;
    try {
      user.value = await authApi.me();
      persist();
    } catch {
      // UNAUTHENTICATED is handled by the http hook; anything else leaves the cached user.
    }
  }

  const changePassword = (currentPassword: string, newPassword: string) => authApi.changePassword(currentPassword, newPassword);

  configureHttp({ token: () => token.value, onUnauthenticated: () => clear('unauthenticated') });

  return {
    token,
    expiresAt,
    user,
    endReason,
    role,
    isLoggedIn,
    isAdmin,
    isStaff,
    isBoard,
    isField,
    isWall,
    homePath,
    login,
    logout,
    clear,
    ensureUser,
    refreshUser,
    changePassword,
  };
});
