import { levelRank, type ResponseLevel } from '@shared/schemas/response-plan';
import type { PlanDispatch, ResponseBanner, ResponseTask } from '@shared/schemas/response';
import { ACTIVE_ASSIGNMENT_STATES, type Dispatch } from '@shared/schemas/dispatch';

/** The banner colours (Ⅳ blue, Ⅲ yellow, Ⅱ orange, Ⅰ red) and the text colour that reads on each. */
export const LEVEL_COLOURS: Record<ResponseLevel, { bg: string; fg: string }> = {
  IV: { bg: '#1565c0', fg: '#ffffff' },
  III: { bg: '#f9a825', fg: '#1a1a1a' },
  II: { bg: '#ef6c00', fg: '#ffffff' },
  I: { bg: '#c62828', fg: '#ffffff' },
};

export const LEVEL_NUMERALS: Record<ResponseLevel, string> = { IV: 'Ⅳ', III: 'Ⅲ', II: 'Ⅱ', I: 'Ⅰ' };

/** A task is due soon within this of its deadline. */
export const DUE_SOON_MS = 60 * 60_000;

export type TaskStatus = 'done' | 'closed' | 'overdue' | 'dueSoon' | 'open';

export function taskStatus(task: Pick<ResponseTask, 'state' | 'dueAt'>, now: number): TaskStatus {
  if (task.state !== 'open') return task.state;
  const left = Date.parse(task.dueAt) - now;
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'dueSoon' : 'open';
}

export interface OwnerProgress {
  owner: string;
  done: number;
  dueSoon: number;
  overdue: number;
  /** Open, neither overdue nor due soon. */
  open: number;
}

/** Per owner: done, due soon, overdue and other open tasks (closed ones do not count); the owners with overdue tasks first. */
export function progressByOwner(tasks: ResponseTask[], now: number): OwnerProgress[] {
  const rows = new Map<string, OwnerProgress>();
  for (const task of tasks) {
    const status = taskStatus(task, now);
    if (status === 'closed') continue;
    const row = rows.get(task.ownerName) ?? { owner: task.ownerName, done: 0, dueSoon: 0, overdue: 0, open: 0 };
    row[status]++;
    rows.set(task.ownerName, row);
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open || a.owner.localeCompare(b.owner, 'zh-CN'));
}

export function totals(rows: OwnerProgress[]): Omit<OwnerProgress, 'owner'> {
  return rows.reduce((sum, r) => ({ done: sum.done + r.done, dueSoon: sum.dueSoon + r.dueSoon, overdue: sum.overdue + r.overdue, open: sum.open + r.open }), { done: 0, dueSoon: 0, overdue: 0, open: 0 });
}

/** The next deadline still ahead, with the task it belongs to. */
export function nextDeadline(tasks: ResponseTask[], now: number): { task: ResponseTask; inMs: number } | null {
  let best: ResponseTask | null = null;
  for (const task of tasks) {
    if (task.state !== 'open' || Date.parse(task.dueAt) < now) continue;
    if (!best || Date.parse(task.dueAt) < Date.parse(best.dueAt)) best = task;
  }
  return best ? { task: best, inMs: Date.parse(best.dueAt) - now } : null;
}

/** A countdown as H:MM:SS (hours grow past 24). */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** Banners in reading order: real responses before drills, the highest level first. */
export function orderBanners<T extends Pick<ResponseBanner, 'exercise' | 'level' | 'startedAt'>>(banners: T[]): T[] {
  return [...banners].sort((a, b) => Number(a.exercise) - Number(b.exercise) || levelRank(b.level) - levelRank(a.level) || a.startedAt.localeCompare(b.startedAt));
}

/** The tasks a commander may confirm now: open with a prepared action, the soonest first. */
export const preparedTasks = (tasks: ResponseTask[]): ResponseTask[] => tasks.filter((t) => t.state === 'open' && t.actionState === 'prepared').sort((a, b) => a.dueAt.localeCompare(b.dueAt));

/** Open tasks first (overdue, then by deadline), then done, then closed. */
export function taskOrder(tasks: ResponseTask[], now: number): ResponseTask[] {
  const rank: Record<TaskStatus, number> = { overdue: 0, dueSoon: 1, open: 2, done: 3, closed: 4 };
  return [...tasks].sort((a, b) => rank[taskStatus(a, now)] - rank[taskStatus(b, now)] || a.dueAt.localeCompare(b.dueAt));
}

/**
 * The plan's dispatches still under way, as the server listed them, brought up to date with the live board: a team
 * that finished since drops out. Answers each with the teams still on it.
 */
export function stillUnderWay(left: readonly PlanDispatch[], live: (id: string) => Dispatch | undefined): Array<PlanDispatch & { teamIds: string[] }> {
  return left.flatMap((l) => {
    const dispatch = newerAssignments(l.dispatch, live(l.dispatch.id));
    const teamIds = dispatch.assignments.filter((a) => (ACTIVE_ASSIGNMENT_STATES as readonly string[]).includes(a.state)).map((a) => a.teamId);
    return teamIds.length > 0 ? [{ ...l, dispatch, teamIds }] : [];
  });
}

/**
 * Each team's latest assignment from the two copies of a dispatch. The server's list can be newer than the live board
 * (it is fetched right after a cancel whose events may still be on their way), or older (a team finished since).
 */
function newerAssignments(listed: Dispatch, live: Dispatch | undefined): Dispatch {
  if (!live) return listed;
  const byTeam = new Map(live.assignments.map((a) => [a.teamId, a]));
  for (const a of listed.assignments) {
    const seen = byTeam.get(a.teamId);
    if (!seen || a.updatedAt > seen.updatedAt) byTeam.set(a.teamId, a);
  }
  return { ...live, assignments: [...byTeam.values()] };
}
