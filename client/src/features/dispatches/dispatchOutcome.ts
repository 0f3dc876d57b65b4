import type { Assignment, DispatchOutcome } from '@shared/schemas/dispatch';

/** The teams' reported outcomes on one dispatch, and their sum: statistics of the dispatch alone. */
export function outcomesOf(assignments: readonly Assignment[]): { reports: { teamId: string; outcome: DispatchOutcome }[]; total: { rescued: number; evacuated: number } } {
  const reports = assignments.flatMap((a) => (a.outcome ? [{ teamId: a.teamId, outcome: a.outcome }] : []));
  const total = reports.reduce((sum, r) => ({ rescued: sum.rescued + r.outcome.rescued, evacuated: sum.evacuated + r.outcome.evacuated }), { rescued: 0, evacuated: 0 });
  return { reports, total };
}
