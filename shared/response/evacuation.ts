import type { EvacuationTarget } from '../schemas/response';

/** What the shelters domain knows per township: people checked in, and 投亲靠友 as the township reported it. */
export interface TownshipShelterCounts {
  township: string;
  sheltered: number;
  withRelatives: number;
}

export interface EvacuationRow {
  township: string;
  target: number;
  sheltered: number;
  withRelatives: number;
  reportedMoved: number;
  /** Sheltered + with relatives + moved as the township reports it (a drill counts only the reports). */
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
  county: Omit<EvacuationRow, 'township' | 'deadline'> & { deadline: string | null };
}

const percentOf = (done: number, target: number): number | null => (target > 0 ? Math.min(100, Math.round((done / target) * 100)) : null);

/**
 * 人员转移 and 渔船回港 per township with a target, and the county total: moved from shelter check-ins, 投亲靠友
 * and the township's own count; a drill never counts real shelter figures. The county deadline is the earliest.
 */
export function evacuationProgress(targets: EvacuationTarget[], shelters: TownshipShelterCounts[], exercise: boolean): EvacuationProgress {
  const byTownship = new Map(shelters.map((s) => [s.township, s]));
  const townships = targets.map((t): EvacuationRow => {
    const real = exercise ? undefined : byTownship.get(t.township);
    const sheltered = real?.sheltered ?? 0;
    const withRelatives = real?.withRelatives ?? 0;
    const moved = sheltered + withRelatives + t.reportedMoved;
    return {
      township: t.township,
      target: t.people,
      sheltered,
      withRelatives,
      reportedMoved: t.reportedMoved,
      moved,
      toGo: Math.max(0, t.people - moved),
      percent: percentOf(moved, t.people),
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
