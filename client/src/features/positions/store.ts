import { defineStore } from 'pinia';
import { ref, shallowRef, triggerRef } from 'vue';
import type { Fix, LatestPosition } from '@shared/schemas/position';
import { positionsApi } from './api';
import { teamsApi } from '../teams/api';
import { isNewerReport, isPositionOld as isPositionOldAt, isSilent } from './staleness';
import { frameScheduler } from './frameScheduler';
import { appendToTrail, mergeTrail, NO_TRAIL, Trail, trailCapFor, trimTrail, type TrailPoint, type TrailView } from './trails';
import { syncedStore, type EventRouterHooks } from '../../shell/realtime/syncedStore';

/**
 * Latest fix per team plus the trail of the last `trailMinutes`, kept client-side and trimmed (and capped in
 * points, per team and in all: see trails.ts). Trails live in a plain Map (no deep reactivity over thousands
 * of points), each a compact ring of its points; `trailsVersion`
 * is bumped whenever they change so views can re-render.
 * Live batches land in the maps at once (reads see them) but views hear of them once per animation
 * frame: with thousands of units, a push per 50 ms must not cost a redraw each.
 */
export const usePositionsStore = defineStore('positions', () => {
  const latest = shallowRef(new Map<string, LatestPosition>());
  /** Bumped whenever `latest` changes, so a watcher can tell (the Map itself stays the same object). */
  const latestVersion = ref(0);
  const trailsVersion = ref(0);
  const trailMinutes = ref(30);
  const staleAfterSeconds = ref(300);
  const trails = new Map<string, Trail>();
  /** Points each trail may keep: fewer as teams grow many, so all trails together stay within a budget. */
  const trailCap = () => trailCapFor(trails.size);

  const cutoff = (now: number) => now - trailMinutes.value * 60_000;

  function touchLatest(): void {
    triggerRef(latest);
    latestVersion.value++;
  }

  let latestPending = false;
  let trailsPending = false;
  const notify = frameScheduler(() => {
    if (latestPending) touchLatest();
    if (trailsPending) trailsVersion.value++;
    latestPending = trailsPending = false;
  });

  function applyBatch(fixes: LatestPosition[], now = Date.now()): void {
    for (const fix of fixes) {
      const current = latest.value.get(fix.teamId);
      if (!current || isNewerReport(fix, current)) {
        latest.value.set(fix.teamId, fix);
        latestPending = true;
      }
      let trail = trails.get(fix.teamId);
      if (!trail) trails.set(fix.teamId, (trail = new Trail()));
      if (appendToTrail(trail, [fix.lon, fix.lat, fix.t], cutoff(now), trailCap())) trailsPending = true;
    }
    if (latestPending || trailsPending) notify.schedule();
  }

  /** Snapshot: the given fixes become the whole truth about latest positions. */
  function replaceLatest(fixes: LatestPosition[]): void {
    const next = new Map<string, LatestPosition>();
    for (const fix of fixes) {
      const current = next.get(fix.teamId);
      if (!current || isNewerReport(fix, current)) next.set(fix.teamId, fix);
    }
    latest.value = next;
    latestVersion.value++;
  }

  function retainTeams(teamIds: ReadonlySet<string>): void {
    for (const id of [...latest.value.keys()]) if (!teamIds.has(id)) latest.value.delete(id);
    for (const id of [...trails.keys()]) if (!teamIds.has(id)) trails.delete(id);
    touchLatest();
    trailsVersion.value++;
  }

  function removeTeam(teamId: string): void {
    latest.value.delete(teamId);
    trails.delete(teamId);
    touchLatest();
    trailsVersion.value++;
  }

  function setTrails(loaded: Record<string, TrailPoint[]>, now = Date.now()): void {
    const ids = new Set([...Object.keys(loaded), ...trails.keys()]);
    const cap = trailCapFor(ids.size);
    for (const id of ids) {
      const merged = mergeTrail(loaded[id] ?? [], trails.get(id) ?? NO_TRAIL, cutoff(now), cap);
      if (merged.length) trails.set(id, merged);
      else trails.delete(id);
    }
    trailsVersion.value++;
  }

  function trimAll(now = Date.now()): void {
    const cap = trailCap();
    for (const [id, trail] of trails) {
      trimTrail(trail, cutoff(now), cap);
      if (!trail.length) trails.delete(id);
    }
    trailsVersion.value++;
  }

  async function loadTrails(): Promise<void> {
    setTrails(await positionsApi.trails(trailMinutes.value));
  }

  /** Returns whether trails must be reloaded (the window grew). */
  function setTrailMinutes(minutes: number): boolean {
    const grew = minutes > trailMinutes.value;
    trailMinutes.value = minutes;
    if (!grew) trimAll();
    return grew;
  }

  /** A team's recorded track over a period (desk detail); not kept in the store. */
  const fetchTrack = (teamId: string, from: number, to: number): Promise<Fix[]> => teamsApi.track(teamId, from, to);

  /** The team's trail as stored (not a copy): the map draws thousands of them every few seconds. */
  const trailOf = (teamId: string): TrailView => trails.get(teamId) ?? NO_TRAIL;
  const trailTeamIds = (): string[] => [...trails.keys()];
  const latestOf = (teamId: string): LatestPosition | undefined => latest.value.get(teamId);
  /** 失联: the team's device has not been heard for the threshold, or never reported. */
  const isStale = (teamId: string, now = Date.now()): boolean => isSilent(latest.value.get(teamId), now, staleAfterSeconds.value);
  /** 位置未更新: heard, but its position is older than the threshold. */
  const isPositionOld = (teamId: string, now = Date.now()): boolean => isPositionOldAt(latest.value.get(teamId), now, staleAfterSeconds.value);

  function reset(): void {
    latest.value = new Map();
    latestVersion.value++;
    trails.clear();
    trailsVersion.value++;
  }

  return {
    latest,
    latestVersion,
    trailsVersion,
    trailMinutes,
    staleAfterSeconds,
    applyBatch,
    replaceLatest,
    retainTeams,
    removeTeam,
    setTrails,
    trimAll,
    loadTrails,
    setTrailMinutes,
    trailOf,
    trailTeamIds,
    latestOf,
    isStale,
    isPositionOld,
    fetchTrack,
    reset,
  };
});

/** Follows the wall layout's trail window; a wider window needs the trails fetched again. */
function followTrailWindow(minutes: number, hooks: EventRouterHooks): void {
  if (usePositionsStore().setTrailMinutes(minutes)) hooks.onTrailWindowGrew?.();
}

/** Positions arrive in their own stream; of the events, a team's removal and the trail window concern them. */
export const positionsSync = syncedStore({
  name: 'positions',
  events: ['team.deleted', 'wall.layout_changed'],
  apply: (event, hooks) => {
    if (event.type === 'team.deleted') usePositionsStore().removeTeam(event.payload.teamId);
    else followTrailWindow(event.payload.layout.trailMinutes, hooks);
  },
  fromSnapshot: (snapshot, fixes, hooks) => {
    const positions = usePositionsStore();
    positions.retainTeams(new Set(snapshot.teams.map((t) => t.id)));
    positions.replaceLatest(fixes);
    followTrailWindow(snapshot.wallLayout.trailMinutes, hooks);
  },
  clear: () => usePositionsStore().reset(),
});
