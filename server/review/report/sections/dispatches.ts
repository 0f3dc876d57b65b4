import { DISPATCH_MILESTONES, type DispatchMilestone } from '../../../../shared/schemas/review';
import type { AssignmentState } from '../../../../shared/schemas/dispatch';
import { inReport, withinWindow, type ReportSection } from '../section';
import { durationStats, secondsBetween } from '../stats';

const MILESTONE_OF: Partial<Record<AssignmentState, DispatchMilestone>> = { delivered: 'delivered', accepted: 'accepted', on_scene: 'arrived', completed: 'completed' };

interface Assignment {
  teamId: string;
  createdAt: string;
  reached: Partial<Record<DispatchMilestone, string>>;
}

/** Each team's assignment of a dispatch created in the window: seconds from creation to each milestone, per team. */
export const dispatchesSection: ReportSection<'dispatches'> = {
  key: 'dispatches',
  types: ['dispatch.assigned', 'dispatch.stepped'],
  start(context) {
    const assignments = new Map<string, Assignment>();
    return {
      add(event) {
        if (event.type === 'dispatch.assigned') {
          const { dispatch, teamId } = event.payload;
          const createdAt = dispatch.assignments.find((a) => a.teamId === teamId)?.createdAt ?? dispatch.createdAt;
          if (withinWindow(createdAt, context) && inReport(dispatch, context)) assignments.set(`${dispatch.id}|${teamId}`, { teamId, createdAt, reached: {} });
        } else if (event.type === 'dispatch.stepped') {
          const assignment = assignments.get(`${event.payload.dispatchId}|${event.payload.teamId}`);
          const milestone = MILESTONE_OF[event.payload.step.state];
          if (assignment && milestone && !assignment.reached[milestone]) assignment.reached[milestone] = event.payload.step.at;
        }
      },
      finish() {
        const all = [...assignments.values()];
        const byTeam = new Map<string, Assignment[]>();
        for (const a of all) byTeam.set(a.teamId, [...(byTeam.get(a.teamId) ?? []), a]);
        const teams = [...byTeam].map(([teamId, list]) => ({ teamId, teamName: context.teamName(teamId), assignments: list.length, milestones: milestones(list) }));
        teams.sort((a, b) => b.assignments - a.assignments || a.teamName.localeCompare(b.teamName));
        return { assignments: all.length, overall: milestones(all), teams };
      },
    };
  },
};

function milestones(list: readonly Assignment[]) {
  const stats = (m: DispatchMilestone) => durationStats(list.flatMap((a) => (a.reached[m] ? [secondsBetween(a.createdAt, a.reached[m])] : [])));
  return Object.fromEntries(DISPATCH_MILESTONES.map((m) => [m, stats(m)])) as Record<DispatchMilestone, ReturnType<typeof durationStats>>;
}
