import type { EvacuationTarget, EvacuationVillage } from '../schemas/response';
import type { Shelter, TownshipEvacuation } from '../schemas/shelter';

/** What the shelters domain knows per township: people checked in, and 投亲靠友 as the township reported it. */
export interface TownshipShelterCounts {
  township: string;
  sheltered: number;
  withRelatives: number;
}

/**
 * The shelters' figures of one kind per township: a real response counts real check-ins and the real 投亲靠友
 * counts, a drill (`exercise`) only the drills' people and the drills' counts.
 */
export function townshipShelterCounts(
  shelters: readonly Pick<Shelter, 'township' | 'occupancy' | 'drillOccupancy'>[],
  reports: readonly Pick<TownshipEvacuation, 'township' | 'withRelatives' | 'exercise'>[],
  exercise: boolean,
): TownshipShelterCounts[] {
  const byTownship = new Map<string, TownshipShelterCounts>();
  const row = (township: string) => byTownship.get(township) ?? byTownship.set(township, { township, sheltered: 0, withRelatives: 0 }).get(township)!;
  for (const s of shelters) row(s.township).sheltered += exercise ? s.drillOccupancy : s.occupancy;
  for (const r of reports) if (r.exercise === exercise) row(r.township).withRelatives += r.withRelatives;
  return [...byTownship.values()];
}

/** A village's 人员转移: its target, the township's count of its people moved, still to go, the deadline. */
export interface VillageRow {
  village: string;
  target: number;
  moved: number;
  toGo: number;
  percent: number | null;
  /** The village's own, else the township's. */
  deadline: string | null;
}

export interface EvacuationRow {
  township: string;
  /** The township's villages with a row, by name. */
  villages: VillageRow[];
  target: number;
  sheltered: number;
  withRelatives: number;
  reportedMoved: number;
  /** Sheltered + with relatives + moved as the township reports it (a drill's own figures for a drill). */
  moved: number;
  toGo: number;
  /** 0–100, null without a target. */
  percent: number | null;
  deadline: string | null;
  vessels: number;
  vesselsInPort: number;
  vesselsOut: number;
}

export interface EvacuationProgress {
  townships: EvacuationRow[];
  county: Omit<EvacuationRow, 'township' | 'deadline' | 'villages'> & { deadline: string | null };
}

const percentOf = (done: number, target: number): number | null => (target > 0 ? Math.min(100, Math.round((done / target) * 100)) : null);

const emptyTarget = (township: string): EvacuationTarget => ({ township, people: 0, reportedMoved: 0, vessels: 0, vesselsInPort: 0, deadline: null, updatedAt: '', updatedBy: '' });

function villageRows(villages: EvacuationVillage[], deadline: string | null): VillageRow[] {
  return villages
    .map((v) => ({ village: v.village, target: v.people, moved: v.reportedMoved, toGo: Math.max(0, v.people - v.reportedMoved), percent: percentOf(v.reportedMoved, v.people), deadline: v.deadline ?? deadline }))
    .sort((a, b) => a.village.localeCompare(b.village, 'zh-CN'));
}

/**
 * 人员转移 and 渔船回港 per township with a target (or villages), and the county total: moved from shelter
 * check-ins, 投亲靠友 and the township's own count, given of the response's kind (`townshipShelterCounts`: a drill
 * counts only its own). A township with
 * villages rolls them up: its target is the larger of its own and its villages' sum (a plan's township figure
 * not yet split into villages still counts), and its moved the larger of its own count and its villages'
 * (the same people, counted where they went and where they came from). The county deadline is the earliest.
 */
export function evacuationProgress(targets: EvacuationTarget[], shelters: TownshipShelterCounts[], villages: EvacuationVillage[] = []): EvacuationProgress {
  const byTownship = new Map(shelters.map((s) => [s.township, s]));
  const all = [...targets, ...villages.filter((v) => !targets.some((t) => t.township === v.township)).map((v) => emptyTarget(v.township))];
  const unique = [...new Map(all.map((t) => [t.township, t])).values()];
  const townships = unique.map((t): EvacuationRow => {
    const counts = byTownship.get(t.township);
    const sheltered = counts?.sheltered ?? 0;
    const withRelatives = counts?.withRelatives ?? 0;
    const rows = villageRows(villages.filter((v) => v.township === t.township), t.deadline);
    const target = Math.max(t.people, rows.reduce((n, v) => n + v.target, 0));
    const moved = Math.max(sheltered + withRelatives + t.reportedMoved, rows.reduce((n, v) => n + v.moved, 0));
    return {
      township: t.township,
      villages: rows,
      target,
      sheltered,
      withRelatives,
      reportedMoved: t.reportedMoved,
      moved,
      toGo: Math.max(0, target - moved),
      percent: percentOf(moved, target),
      deadline: t.deadline,
      vessels: t.vessels,
      vesselsInPort: t.vesselsInPort,
      vesselsOut: Math.max(0, t.vessels - t.vesselsInPort),
    };
  });
  const sum = (pick: (r: EvacuationRow) => number) => townships.reduce((n, r) => n + pick(r), 0);
  const target = sum((r) => r.target);
  const moved = sum((r) => r.moved);
  const deadlines = townships.flatMap((r) => (r.deadline ? [r.deadline] : [])).sort();
  return {
    townships,
    county: {
      target,
      sheltered: sum((r) => r.sheltered),
      withRelatives: sum((r) => r.withRelatives),
      reportedMoved: sum((r) => r.reportedMoved),
      moved,
      toGo: sum((r) => r.toGo),
      percent: percentOf(moved, target),
      deadline: deadlines[0] ?? null,
      vessels: sum((r) => r.vessels),
      vesselsInPort: sum((r) => r.vesselsInPort),
      vesselsOut: sum((r) => r.vesselsOut),
    },
  };
}
