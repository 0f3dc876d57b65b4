import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Assignment, AssignmentState, Dispatch, DispatchOutcome } from '@shared/schemas/dispatch';
import type { FieldFix } from '@shared/schemas/position';
import type { Team } from '@shared/schemas/team';
import { effectiveState, isActiveState, type TabletStep } from '../dispatches/nextStep';
import { useConnectionStore } from '../../shell/connectionStore';
import { useDispatchesStore } from '../dispatches/store';
import { useOutboxStore } from './outbox/store';
import { useSessionStore } from '../auth/sessionStore';
import { useTeamsStore } from '../teams/store';

export interface FieldTask {
  dispatch: Dispatch;
  assignment: Assignment;
  /** The server's state moved on by this tablet's steps still waiting to be sent. */
  state: AssignmentState;
  /** Steps of this task not yet acknowledged by the server. */
  unsent: number;
}

const OPENED_KEY = (teamId: string) => `tidewatch.field.opened.${teamId}`;
/** The team's dispatches as last seen, so a tablet opened without a network still shows its tasks. */
const CACHE_KEY = (teamId: string) => `tidewatch.field.cache.${teamId}`;

interface FieldCache {
  team: Team | null;
  dispatches: Dispatch[];
}

function loadCached(teamId: string | null): FieldCache {
  try {
    if (!teamId || typeof localStorage === 'undefined') return { team: null, dispatches: [] };
    return { team: null, dispatches: [], ...(JSON.parse(localStorage.getItem(CACHE_KEY(teamId)) ?? '{}') as Partial<FieldCache>) };
  } catch {
    return { team: null, dispatches: [] };
  }
}

function loadOpened(teamId: string | null): Set<string> {
  if (!teamId || typeof localStorage === 'undefined') return new Set();
  try {
    return new Set(JSON.parse(localStorage.getItem(OPENED_KEY(teamId)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/** The tablet's view of its team's dispatches: current and queued tasks, alerts, receipts, steps and SOS. */
export const useFieldTasksStore = defineStore('fieldTasks', () => {
  const session = useSessionStore();
  const dispatches = useDispatchesStore();
  const outbox = useOutboxStore();
  const connection = useConnectionStore();
  const teams = useTeamsStore();

  const teamId = computed(() => session.user?.teamId ?? null);
  const cachedTeam = ref<Team | null>(loadCached(teamId.value).team);
  /** The tablet's team, from the last sync, or as last seen when the page opened offline. */
  const team = computed(() => (teamId.value ? (teams.get(teamId.value) ?? (cachedTeam.value?.id === teamId.value ? cachedTeam.value : null)) : null));
  const opened = ref(loadOpened(teamId.value));
  const lastSos = ref<{ id: string; queuedAt: number; sentAt: number | null } | null>(null);
  const receipted = new Set<string>();

  /** Per dispatch, the steps waiting in the outbox, in order. */
  const waitingSteps = computed(() => {
    const map = new Map<string, AssignmentState[]>();
    for (const item of outbox.pending) {
      if (item.kind !== 'dispatch:step') continue;
      const p = item.payload as { dispatchId: string; to: AssignmentState };
      map.set(p.dispatchId, [...(map.get(p.dispatchId) ?? []), p.to]);
    }
    return map;
  });

  const tasks = computed<FieldTask[]>(() => {
    const team = teamId.value;
    if (!team) return [];
    const out: FieldTask[] = [];
    for (const dispatch of dispatches.list) {
      const assignment = dispatch.assignments.find((a) => a.teamId === team);
      if (!assignment) continue;
      const steps = waitingSteps.value.get(dispatch.id) ?? [];
      out.push({ dispatch, assignment, state: effectiveState(assignment.state, steps), unsent: steps.length });
    }
    return out;
  });

  /** Active tasks in working order: the server's queue, then anything it has not placed yet (oldest first). */
  const active = computed(() => {
    const list = tasks.value.filter((t) => isActiveState(t.state));
    const order = teamId.value ? dispatches.queueOf(teamId.value) : [];
    const rank = (t: FieldTask) => {
      const i = order.indexOf(t.dispatch.id);
      return i === -1 ? order.length : i;
    };
    return list.sort((a, b) => rank(a) - rank(b) || a.dispatch.createdAt.localeCompare(b.dispatch.createdAt));
  });
  const current = computed(() => active.value[0] ?? null);
  const queued = computed(() => active.value.slice(1));

  /** New dispatches nobody has opened on this tablet: the full-screen alert rings for these. */
  const alerts = computed(() => active.value.filter((t) => (t.state === 'created' || t.state === 'delivered') && !opened.value.has(t.dispatch.id)));
  /** Opened tasks the desk cancelled since: shown once. */
  const cancellations = computed(() => tasks.value.filter((t) => t.state === 'cancelled' && opened.value.has(t.dispatch.id) && !opened.value.has(`cancel:${t.dispatch.id}`)));
  const finished = computed(() => tasks.value.filter((t) => !isActiveState(t.state)).slice(0, 5));

  function remember(key: string): void {
    const next = new Set(opened.value);
    next.add(key);
    // Keep only what still refers to a dispatch we hold, so the list does not grow forever.
    const known = new Set(tasks.value.map((t) => t.dispatch.id));
    for (const k of next) if (!known.has(k.replace(/^cancel:/, ''))) next.delete(k);
    opened.value = next;
    if (teamId.value && typeof localStorage !== 'undefined') localStorage.setItem(OPENED_KEY(teamId.value), JSON.stringify([...next]));
  }

  const markOpened = (dispatchId: string) => remember(dispatchId);
  const acknowledgeCancel = (dispatchId: string) => remember(`cancel:${dispatchId}`);

  async function step(dispatchId: string, to: TabletStep, reason: string | null = null, outcome: DispatchOutcome | null = null): Promise<void> {
    remember(dispatchId);
    await outbox.enqueue('dispatch:step', { dispatchId, to, reason, outcome });
  }

  async function sos(position: FieldFix, note = ''): Promise<void> {
    const item = await outbox.enqueue('field:sos', { position, note }, { urgent: true });
    lastSos.value = { id: item.id, queuedAt: Date.now(), sentAt: null };
  }

  /** Confirms receipt of every dispatch this tablet holds that the server still has as undelivered. */
  function confirmReceipts(): void {
    if (!outbox.ready) return;
    for (const t of tasks.value) {
      if (t.assignment.state !== 'created' || receipted.has(t.dispatch.id)) continue;
      receipted.add(t.dispatch.id);
      void outbox.enqueue('dispatch:received', { dispatchId: t.dispatch.id }, { key: `received:${t.dispatch.id}` });
    }
  }
  watch([tasks, () => outbox.ready], confirmReceipts, { immediate: true });
  // After a reconnect, whatever is still undelivered is confirmed again (the server dedupes).
  watch(
    () => connection.state,
    (state) => {
      if (state !== 'online') return;
      receipted.clear();
      confirmReceipts();
    },
  );
  watch(teamId, (id) => (opened.value = loadOpened(id)));

  outbox.onSent((item, data) => {
    if (item.kind === 'dispatch:received' || item.kind === 'dispatch:step') dispatches.merge(data as Dispatch);
    if (item.kind === 'field:sos' && lastSos.value?.id === item.id) lastSos.value = { ...lastSos.value, sentAt: Date.now() };
  });

  watch([tasks, team], ([list, current]) => {
    if (!teamId.value || typeof localStorage === 'undefined') return;
    const cache: FieldCache = { team: current, dispatches: list.filter((t) => isActiveState(t.assignment.state)).map((t) => t.dispatch) };
    localStorage.setItem(CACHE_KEY(teamId.value), JSON.stringify(cache));
  });

  /** Opens the outbox of the signed-in user and, before the first sync, shows the tasks last seen. */
  async function start(): Promise<void> {
    const cache = loadCached(teamId.value);
    cachedTeam.value = cache.team;
    if (dispatches.list.length === 0) dispatches.mergePending(cache.dispatches);
    if (session.user) await outbox.open(session.user.id);
  }

  return { teamId, team, tasks, active, current, queued, alerts, cancellations, finished, lastSos, markOpened, acknowledgeCancel, step, sos, start };
});
