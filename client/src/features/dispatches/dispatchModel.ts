import type { Actor } from '@shared/schemas/actor';
import type { Assignment, AssignmentState, Dispatch, DispatchPriority, DispatchStep, StepChannel } from '@shared/schemas/dispatch';
import type { DomainEventOf } from '@shared/schemas/event';
import { isActiveState } from './nextStep';

/** One line of the wall's live feed: a step of one team on one dispatch. */
export interface FeedEntry {
  key: string;
  /** The step's place in the event log; null for a line a snapshot implied (an assignment's latest state). */
  seq: number | null;
  dispatchId: string;
  teamId: string;
  from: AssignmentState | null;
  state: AssignmentState;
  at: string;
  actor: Actor;
  channel: StepChannel | null;
  reason: string | null;
}

export interface DispatchState {
  byId: Record<string, Dispatch>;
  /** Per team: its active dispatches in working order (first = current). */
  queues: Record<string, string[]>;
  /** Newest first. */
  feed: FeedEntry[];
  /** Timelines loaded for the desk's detail view; live steps are appended. */
  timelines: Record<string, DispatchStep[]>;
}

export const FEED_LIMIT = 20;

export const emptyState = (): DispatchState => ({ byId: {}, queues: {}, feed: [], timelines: {} });

const STATE_RANK: Record<AssignmentState, number> = { created: 0, delivered: 1, accepted: 2, declined: 3, en_route: 3, on_scene: 4, completed: 5, cancelled: 5 };

/** Whether an assignment from a non-event source (HTTP answer, re-push) is newer than what we hold. */
function newer(incoming: Assignment, held: Assignment): boolean {
  if (incoming.updatedAt !== held.updatedAt) return incoming.updatedAt > held.updatedAt;
  return STATE_RANK[incoming.state] > STATE_RANK[held.state];
}

/**
 * Puts a dispatch into the state, merging assignments per team. Events are authoritative (they come in seq
 * order); answers and re-pushes may be older than events already applied, so they only win when newer.
 */
export function upsertDispatch(state: DispatchState, dispatch: Dispatch, authoritative: boolean): void {
  const held = state.byId[dispatch.id];
  const assignments = new Map((held?.assignments ?? []).map((a) => [a.teamId, a]));
  for (const a of dispatch.assignments) {
    const current = assignments.get(a.teamId);
    if (!current || authoritative || newer(a, current)) assignments.set(a.teamId, a);
  }
  state.byId[dispatch.id] = { ...dispatch, assignments: [...assignments.values()].sort((a, b) => a.teamId.localeCompare(b.teamId)) };
}

/** Queues as the snapshot implies them: the team's current (not queued) dispatch first, then by creation. */
export function deriveQueues(dispatches: Iterable<Dispatch>): Record<string, string[]> {
  const perTeam = new Map<string, Array<{ id: string; queued: boolean; createdAt: string }>>();
  for (const d of dispatches) {
    for (const a of d.assignments) {
      if (!isActiveState(a.state)) continue;
      const list = perTeam.get(a.teamId) ?? [];
      list.push({ id: d.id, queued: a.queued, createdAt: a.createdAt });
      perTeam.set(a.teamId, list);
    }
  }
  const queues: Record<string, string[]> = {};
  for (const [teamId, list] of perTeam) {
    list.sort((a, b) => Number(a.queued) - Number(b.queued) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    queues[teamId] = list.map((x) => x.id);
  }
  return queues;
}

/** Sets a team's queue and the `queued` flags it implies (only the changed assignment comes with an event). */
export function setQueue(state: DispatchState, teamId: string, queue: string[]): void {
  state.queues[teamId] = queue;
  queue.forEach((id, index) => {
    const d = state.byId[id];
    const a = d?.assignments.find((x) => x.teamId === teamId);
    if (d && a && a.queued !== index > 0) {
      state.byId[id] = { ...d, assignments: d.assignments.map((x) => (x === a ? { ...a, queued: index > 0 } : x)) };
    }
  });
}

/** The feed as a snapshot implies it: each assignment's latest step, newest first. */
export function feedFromDispatches(dispatches: Iterable<Dispatch>, limit = FEED_LIMIT): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const d of dispatches) {
    for (const a of d.assignments) {
      entries.push({ key: `${d.id}:${a.teamId}:${a.state}`, seq: null, dispatchId: d.id, teamId: a.teamId, from: null, state: a.state, at: a.updatedAt, actor: a.updatedBy, channel: a.channel, reason: a.reason });
    }
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

export function resetState(state: DispatchState, dispatches: Dispatch[]): void {
  state.byId = {};
  for (const d of dispatches) upsertDispatch(state, d, true);
  state.queues = deriveQueues(Object.values(state.byId));
  state.feed = feedFromDispatches(Object.values(state.byId));
  state.timelines = {};
}

type DispatchEvent = DomainEventOf<'dispatch.assigned'> | DomainEventOf<'dispatch.stepped'>;

/** Applies one dispatch event; returns the feed entry it made (null for a step on a dispatch we never had). */
export function applyDispatchEvent(state: DispatchState, event: DispatchEvent): FeedEntry | null {
  let step: DispatchStep;
  if (event.type === 'dispatch.assigned') {
    const { dispatch, teamId, queue } = event.payload;
    upsertDispatch(state, dispatch, true);
    setQueue(state, teamId, queue);
    step = { seq: event.seq, dispatchId: dispatch.id, teamId, from: null, state: 'created', at: event.at, actor: event.actor, channel: null, reason: null };
  } else {
    const { dispatchId, teamId, assignment, queue } = event.payload;
    const held = state.byId[dispatchId];
    if (held) upsertDispatch(state, { ...held, assignments: [assignment] }, true);
    setQueue(state, teamId, queue);
    if (!held) return null;
    step = { ...event.payload.step, seq: event.seq };
  }
  const timeline = state.timelines[step.dispatchId];
  if (timeline && !timeline.some((s) => s.seq === step.seq)) timeline.push(step);
  const entry = stepEntry(step);
  state.feed = [entry, ...state.feed.filter((e) => !(e.dispatchId === entry.dispatchId && e.teamId === entry.teamId && e.state === entry.state))].slice(0, FEED_LIMIT);
  return entry;
}

const stepEntry = (step: DispatchStep): FeedEntry => ({
  key: `${step.seq}`,
  seq: step.seq,
  dispatchId: step.dispatchId,
  teamId: step.teamId,
  from: step.from,
  state: step.state,
  at: step.at,
  actor: step.actor,
  channel: step.channel,
  reason: step.reason,
});

/**
 * The feed rebuilt from the log (after a reload or a resync): every step, not only each assignment's latest
 * state as the snapshot implied, plus the live steps that arrived while the log was being read.
 */
export function mergeFeedSteps(state: DispatchState, steps: readonly DispatchStep[]): void {
  const bySeq = new Map<number, FeedEntry>();
  for (const step of steps) bySeq.set(step.seq, stepEntry(step));
  for (const entry of state.feed) if (entry.seq !== null) bySeq.set(entry.seq, entry);
  state.feed = [...bySeq.values()].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0)).slice(0, FEED_LIMIT);
}

/** Merges a loaded timeline with live steps that arrived meanwhile, by seq. */
export function mergeTimeline(loaded: DispatchStep[], live: DispatchStep[] = []): DispatchStep[] {
  const bySeq = new Map<number, DispatchStep>();
  for (const s of [...loaded, ...live]) bySeq.set(s.seq, s);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq || a.teamId.localeCompare(b.teamId));
}

export interface BoardRow {
  dispatch: Dispatch;
  assignment: Assignment;
}

export interface BoardFilter {
  teamId: string;
  state: AssignmentState | '';
  incidentId: string;
}

export const EMPTY_BOARD_FILTER: BoardFilter = { teamId: '', state: '', incidentId: '' };

/** The desk board's columns, in the order a dispatch moves through them. */
export const BOARD_STATES: readonly AssignmentState[] = ['created', 'delivered', 'accepted', 'en_route', 'on_scene', 'completed', 'declined', 'cancelled'];

const PRIORITY_RANK: Record<DispatchPriority, number> = { flash: 0, urgent: 1, routine: 2 };

/** One row per (dispatch, team), filtered, flash first then newest; the incident filter matches the incident's number or title (`nameOf`). */
export function boardRows(dispatches: Iterable<Dispatch>, filter: BoardFilter, nameOf: (incidentId: string) => string = (id) => id): BoardRow[] {
  const incident = filter.incidentId.trim().toLowerCase();
  const rows: BoardRow[] = [];
  for (const dispatch of dispatches) {
    if (incident && !(dispatch.incidentId && nameOf(dispatch.incidentId).toLowerCase().includes(incident))) continue;
    for (const assignment of dispatch.assignments) {
      if (filter.teamId && assignment.teamId !== filter.teamId) continue;
      if (filter.state && assignment.state !== filter.state) continue;
      rows.push({ dispatch, assignment });
    }
  }
  return rows.sort(
    (a, b) => PRIORITY_RANK[a.dispatch.priority] - PRIORITY_RANK[b.dispatch.priority] || b.assignment.updatedAt.localeCompare(a.assignment.updatedAt),
  );
}

export function groupByState(rows: BoardRow[]): Array<{ state: AssignmentState; rows: BoardRow[] }> {
  return BOARD_STATES.map((state) => ({ state, rows: rows.filter((r) => r.assignment.state === state) })).filter((g) => g.rows.length > 0);
}

/** Where a team is headed: its current (not queued) active assignment's destination. */
export interface DispatchTarget {
  dispatchId: string;
  teamId: string;
  state: AssignmentState;
  priority: DispatchPriority;
  lat: number;
  lon: number;
  label: string;
}

export function mapTargets(dispatches: Iterable<Dispatch>): DispatchTarget[] {
  const targets: DispatchTarget[] = [];
  for (const d of dispatches) {
    for (const a of d.assignments) {
      if (!isActiveState(a.state) || a.queued) continue;
      targets.push({ dispatchId: d.id, teamId: a.teamId, state: a.state, priority: d.priority, lat: d.destination.lat, lon: d.destination.lon, label: d.destination.label });
    }
  }
  return targets;
}
